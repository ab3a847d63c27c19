import type { Bank, BankEntry } from '../../../../src/core/bank'
import { type ApiClient, buildUrl } from '../../api/client'
import type { Json } from '../../api/views'

// @TODO The /v1/banks routes declare no response schema yet, so the generated schema.d.ts types
// their answers as unknown. These views state what the console reads; replace them with the
// generated types once the routes declare them.

export type BankView = Json<Bank> & { entries: number; activeEntries: number }
export type BankEntryView = Json<BankEntry>

export interface EntryPage {
  entries: BankEntryView[]
  next?: string
}

export const ENTRY_PAGE_SIZE = 50

export async function loadBanks(api: ApiClient): Promise<BankView[]> {
  const answer = await api.get<'/v1/banks', { banks: BankView[] }>('/v1/banks')
  return answer.banks
}

export async function loadBank(api: ApiClient, id: string): Promise<BankView> {
  const bank = (await loadBanks(api)).find((b) => b.id === id)
  if (!bank) throw new Error('There is no bank with this id. Go back to the list of banks.')
  return bank
}

export function loadEntries(api: ApiClient, id: string, after?: string): Promise<EntryPage> {
  return api.get<'/v1/banks/{id}/entries', EntryPage>('/v1/banks/{id}/entries', {
    params: { id },
    query: { limit: ENTRY_PAGE_SIZE, ...(after ? { after } : {}) },
  })
}

export function addEntry(
  api: ApiClient,
  id: string,
  entry: { value: string; note?: string },
): Promise<unknown> {
  return api.post('/v1/banks/{id}/entries', { params: { id }, body: { entries: [entry] } })
}

export function setBankEnabled(api: ApiClient, id: string, enabled: boolean): Promise<unknown> {
  return api.send('PATCH', buildUrl('/v1/banks/{id}', { id }), { enabled })
}

export type EntryChange = 'disable' | 'enable'

export function changeEntry(
  api: ApiClient,
  id: string,
  entryId: string,
  to: EntryChange,
): Promise<unknown> {
  const path =
    to === 'disable'
      ? ('/v1/banks/{id}/entries/{entryId}/disable' as const)
      : ('/v1/banks/{id}/entries/{entryId}/enable' as const)
  return api.post(path, { params: { id, entryId } })
}

export function retractEntry(
  api: ApiClient,
  id: string,
  entryId: string,
  reason: string,
): Promise<unknown> {
  return api.post('/v1/banks/{id}/entries/{entryId}/retract', {
    params: { id, entryId },
    body: { reason },
  })
}

export function exportHref(id: string, format: 'jsonl' | 'hma-csv'): string {
  return buildUrl('/v1/banks/{id}/export', { id }, { format })
}

export function entryState(entry: BankEntryView): 'active' | 'disabled' | 'retracted' | 'expired' {
  if (entry.retractedAt) return 'retracted'
  if (entry.disabledAt) return 'disabled'
  if (entry.expiresAt && new Date(entry.expiresAt).getTime() <= Date.now()) return 'expired'
  return 'active'
}

export interface ImportCounts {
  rows: number
  added: number
  duplicates: number
  otherSignalType: number
}

export type BankFileFormat = 'jsonl' | 'hma-csv'

export function formatOfName(name: string): BankFileFormat {
  return name.toLowerCase().endsWith('.csv') ? 'hma-csv' : 'jsonl'
}

/**
 * Sends a bank file with XMLHttpRequest, the one browser API that reports upload progress;
 * `onProgress` gets the fraction sent (0 to 1).
 */
export async function importBankFile(
  bankId: string,
  body: { format: BankFileFormat; content: string },
  onProgress: (fraction: number) => void,
): Promise<ImportCounts> {
  const session = (await (await fetch('/console/api/session')).json()) as { csrfToken: string }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', buildUrl('/v1/banks/{id}/import', { id: bankId }))
    xhr.setRequestHeader('content-type', 'application/json')
    xhr.setRequestHeader('accept', 'application/json')
    xhr.setRequestHeader('x-csrf-token', session.csrfToken)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    }
    xhr.onerror = () => reject(new Error('The upload failed: check the connection and try again.'))
    xhr.onload = () => {
      const answer = parseJson(xhr.responseText)
      if (xhr.status >= 200 && xhr.status < 300) return resolve(answer as ImportCounts)
      reject(new Error(importProblem(xhr.status, answer)))
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

function importProblem(status: number, answer: unknown): string {
  if (status === 413) return 'The file is too large to upload here: import it with the vigil CLI.'
  const error = (answer as { error?: { message?: string; details?: unknown } } | undefined)?.error
  const details = error?.details as { problems?: string[] } | undefined
  const problems = Array.isArray(details?.problems) ? details.problems : []
  return [error?.message ?? `The import failed (HTTP ${status}).`, ...problems].join('; ')
}
