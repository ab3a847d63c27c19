import { parentPort, workerData } from 'node:worker_threads'
import { loadConfig } from '../config/load-config.js'
import { createAppContext } from '../context.js'
import { createLogger } from '../logger.js'
import { Worker } from '../worker/worker.js'

// @NOTE Entry point of the thread that `serve` runs the worker in (PostgreSQL, role all): its
// own context and connections, so sealing the audit log and delivering webhooks never run on the
// event loop that answers API requests.

const flags = (workerData as { flags: Record<string, string> }).flags
const { config, secrets } = loadConfig(flags)
const logger = createLogger(config.logLevel).child({ thread: 'worker' })
const ctx = await createAppContext(config, secrets, { logger, holdsBanks: false, migrate: false })
const worker = new Worker(ctx)
worker.start()
parentPort?.postMessage('started')
parentPort?.once('message', async () => {
  await worker.stop()
  await ctx.destroy()
  parentPort?.postMessage('stopped')
})
