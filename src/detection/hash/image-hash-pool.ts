import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../../core/errors.js'
import { threadEntry } from '../../core/thread-entry.js'
import type { ImageHasher, ImageHashes, ImageHashOptions } from './image-hasher.js'

interface Pending {
  resolve(result: ImageHashes): void
  reject(error: Error): void
}

interface Thread {
  worker: Worker
  pending: Map<number, Pending>
  /** Set when the thread crashed or exited; the pool starts a new one in its place. */
  dead: boolean
}

type Reply =
  | { id: number; result: ImageHashes }
  | { id: number; error: { message: string; code?: ErrorCode } }

/**
 * Decodes and hashes images in `size` worker threads, so a 12-megapixel photo does not hold the
 * API's event loop for the quarter of a second its PDQ hash takes, and several images are hashed
 * at once on machines with the cores for it. Each task goes to the thread with the fewest waiting.
 * Threads start with the first image, do not keep the process alive, and `close()` ends them.
 */
export function createImageHashPool(size: number): ImageHasher {
  const threads: Thread[] = []
  let next = 0
  return {
    hash(bytes: Uint8Array, options: ImageHashOptions): Promise<ImageHashes> {
      // @NOTE Threads start with the first image, so processes that never see one start none.
      while (threads.length < size) threads.push(startThread())
      threads.forEach((t, i) => {
        if (t.dead) threads[i] = startThread()
      })
      const thread = threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
      const id = next++
      const copy = new Uint8Array(bytes)
      return new Promise<ImageHashes>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject })
        thread.worker.postMessage({ id, bytes: copy, options }, [copy.buffer])
      })
    },
    async close() {
      for (const t of threads) t.dead = true
      await Promise.all(threads.map((t) => t.worker.terminate()))
    },
  }
}

function startThread(): Thread {
  const pending = new Map<number, Pending>()
  const worker = new Worker(...threadEntry(import.meta.url, 'image-hash-worker'))
  worker.unref()
  worker.on('message', (reply: Reply) => {
    const task = pending.get(reply.id)
    pending.delete(reply.id)
    if (!task) return
    if ('result' in reply) task.resolve(reply.result)
    else task.reject(new AppError(reply.error.code ?? 'internal', reply.error.message))
  })
  const thread: Thread = { worker, pending, dead: false }
  const fail = (error: Error) => {
    thread.dead = true
    for (const task of pending.values()) task.reject(error)
    pending.clear()
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the image hashing thread exited (code ${code})`)))
  return thread
}
