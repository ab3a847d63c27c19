import { parentPort } from 'node:worker_threads'
import { hashImage, type ImageHashOptions } from './image-hasher.js'

// @NOTE Entry point of the threads of image-hash-pool.ts: one task at a time, in order.

interface Task {
  id: number
  bytes: Uint8Array
  options: ImageHashOptions
}

parentPort?.on('message', (task: Task) => {
  hashImage(task.bytes, task.options).then(
    (result) => parentPort?.postMessage({ id: task.id, result }),
    (error: unknown) => {
      const { message, code } = error as { message?: string; code?: string }
      parentPort?.postMessage({ id: task.id, error: { message: String(message ?? error), code } })
    },
  )
})
