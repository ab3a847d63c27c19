import { type ApiClient, buildUrl } from '../../api/client'
import type { paths } from '../../api/schema'
import type { BankFileFormat } from './bank-data'

/** An import as the API reports it while its job runs, and after. */
export type BankImportView =
  paths['/v1/banks/{id}/imports/{importId}']['get']['responses'][200]['content']['application/json']
type StartedImport =
  paths['/v1/banks/{id}/imports']['post']['responses'][202]['content']['application/json']

/** How often the console asks the server how far an import has got. */
export const POLL_MS = 500

export function isFinished(job: BankImportView): boolean {
  return job.status === 'done' || job.status === 'failed'
}

export function loadImport(api: ApiClient, bankId: string, importId: string) {
  return api.get('/v1/banks/{id}/imports/{importId}', { params: { id: bankId, importId } })
}

/** The bank's newest import, if any (to pick up one still running when the page opens). */
export async function loadLatestImport(
  api: ApiClient,
  bankId: string,
): Promise<BankImportView | undefined> {
  const answer = await api.get('/v1/banks/{id}/imports', {
    params: { id: bankId },
    query: { limit: 1 },
  })
  return answer.imports[0]
}

/**
 * Asks for the import every POLL_MS until it has finished (or `stopped()` says the page is gone),
 * handing each answer to `onUpdate`; returns the last one.
 */
export async function followImport(
  api: ApiClient,
  job: BankImportView,
  onUpdate: (job: BankImportView) => void,
  stopped: () => boolean,
): Promise<BankImportView> {
  let latest = job
  while (!isFinished(latest)) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    if (stopped()) break
    latest = await loadImport(api, latest.bankId, latest.id)
    onUpdate(latest)
  }
  return latest
}

/**
 * Sends a bank file with XMLHttpRequest, the one browser API that reports upload progress;
 * `onProgress` gets the fraction sent (0 to 1). Resolves with the queued import.
 */
export async function uploadBankFile(
  bankId: string,
  body: { format: BankFileFormat; content: string },
  onProgress: (fraction: number) => void,
): Promise<StartedImport> {
  const session = (await (await fetch('/console/api/session')).json()) as { csrfToken: string }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', buildUrl('/v1/banks/{id}/imports', { id: bankId }))
    xhr.setRequestHeader('content-type', 'application/json')
    xhr.setRequestHeader('accept', 'application/json')
    xhr.setRequestHeader('x-csrf-token', session.csrfToken)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    }
    xhr.onerror = () => reject(new Error('The upload failed: check the connection and try again.'))
    xhr.onload = () => {
      const answer = parseJson(xhr.responseText)
      if (xhr.status === 202) return resolve(answer as StartedImport)
      reject(new Error(uploadProblem(xhr.status, answer)))
    }
    xhr.send(JSON.stringify(body))
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function uploadProblem(status: number, answer: unknown): string {
  if (status === 413) return 'The file is too large to upload here: import it with the vigil CLI.'
  const error = (answer as { error?: { message?: string } } | undefined)?.error
  return error?.message ?? `The upload failed (HTTP ${status}).`
}

const number = new Intl.NumberFormat('en')

/** A count the way the console writes it: 12,000. */
export function count(n: number): string {
  return number.format(n)
}

/** What the progress bar shows for an import: its words, and its value out of its max. */
export function progressOf(job: BankImportView): { words: string; value?: number; max?: number } {
  if (job.status === 'queued') {
    return { words: `Waiting for the worker to start on ${count(job.linesTotal)} lines.` }
  }
  if (job.status === 'checking') {
    return {
      words: `Checking every line: checked ${count(job.linesChecked)} of ${count(job.linesTotal)} lines.`,
      value: job.linesChecked,
      max: Math.max(job.linesTotal, 1),
    }
  }
  const handled = job.entriesWritten + job.entriesSkipped
  return {
    words:
      `Writing: written ${count(job.entriesWritten)}, skipped ${count(job.entriesSkipped)} ` +
      `already in the bank, of ${count(job.entriesTotal ?? 0)} entries.`,
    value: handled,
    max: Math.max(job.entriesTotal ?? 0, 1),
  }
}
