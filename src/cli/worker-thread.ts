import { once } from 'node:events'
import { Worker as Thread } from 'node:worker_threads'
import { threadEntry } from '../core/thread-entry.js'

export interface WorkerThread {
  stop(): Promise<void>
}

/**
 * Runs the job worker and audit sealer in a thread of this process, with its own context and
 * connections (PostgreSQL only: PGlite allows one connection). Resolves once the thread runs.
 */
export async function startWorkerThread(flags: Record<string, string>): Promise<WorkerThread> {
  const [script, options] = threadEntry(import.meta.url, 'worker-thread-main')
  const thread = new Thread(script, { ...options, workerData: { flags } })
  const [first] = (await Promise.race([once(thread, 'message'), once(thread, 'error')])) as [
    unknown,
  ]
  if (first instanceof Error) throw first
  return {
    async stop() {
      thread.postMessage('stop')
      await Promise.race([once(thread, 'message'), once(thread, 'exit')])
      await thread.terminate()
    },
  }
}
