import { once } from 'node:events'
import { Worker as Thread } from 'node:worker_threads'

export interface WorkerThread {
  stop(): Promise<void>
}

/**
 * Runs the job worker and audit sealer in a thread of this process, with its own context and
 * connections (PostgreSQL only: PGlite allows one connection). Resolves once the thread runs.
 */
export async function startWorkerThread(flags: Record<string, string>): Promise<WorkerThread> {
  const [script, options] = threadScript()
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

/** The built entry next to this file, or under tsx its TypeScript source through tsx's loader. */
function threadScript(): [URL | string, { eval?: boolean }] {
  if (!import.meta.url.endsWith('.ts'))
    return [new URL('./worker-thread-main.js', import.meta.url), {}]
  const source = JSON.stringify(new URL('./worker-thread-main.ts', import.meta.url).href)
  return [
    `import('tsx/esm/api').then((t) => { t.register(); return import(${source}) })`,
    { eval: true },
  ]
}
