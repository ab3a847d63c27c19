import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../api/api-context'
import { messageOf } from '../../lib/use-load'
import type { BankFileFormat } from './bank-data'
import {
  type BankImportView,
  count,
  followImport,
  isFinished,
  loadLatestImport,
  uploadBankFile,
} from './import-data'

export interface BankImportState {
  /** The fraction of the file sent, while it uploads. */
  sent: number | undefined
  /** The server's import, once the file is stored: polled until it has finished. */
  job: BankImportView | undefined
  error: string | undefined
  busy: boolean
  start(file: File | undefined, format: BankFileFormat): Promise<void>
}

/**
 * Uploads a bank file, then follows the server's import job until it is done or refused. An
 * import still running when the page opens (started here or elsewhere) is followed too.
 */
export function useBankImport(
  bankId: string,
  onImported: (message: string) => Promise<void>,
): BankImportState {
  const api = useApi()
  const gone = useRef(false)
  const [sent, setSent] = useState<number>()
  const [job, setJob] = useState<BankImportView>()
  const [error, setError] = useState<string>()

  async function follow(started: BankImportView, name: string): Promise<void> {
    setJob(started)
    const last = await followImport(api, started, setJob, () => gone.current)
    if (last.status === 'done' && !gone.current) {
      await onImported(`Imported ${count(last.entriesWritten)} new entries from ${name}.`)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per bank, when its page opens.
  useEffect(() => {
    gone.current = false
    loadLatestImport(api, bankId)
      .then((latest) => (latest && !isFinished(latest) ? follow(latest, 'the file') : undefined))
      .catch((caught: unknown) => setError(messageOf(caught)))
    return () => {
      gone.current = true
    }
  }, [bankId])

  async function start(file: File | undefined, format: BankFileFormat): Promise<void> {
    if (!file) return setError('Choose a file to import.')
    setError(undefined)
    setJob(undefined)
    setSent(0)
    try {
      const started = await uploadBankFile(bankId, { format, content: await file.text() }, setSent)
      setSent(undefined)
      await follow(started, file.name)
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setSent(undefined)
    }
  }
  const busy = sent !== undefined || (job !== undefined && !isFinished(job))
  return { sent, job, error, busy, start }
}
