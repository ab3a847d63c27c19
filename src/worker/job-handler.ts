import type { AppContext } from '../context.js'

export interface JobContext<T> {
  id: string
  data: T
  retryCount: number
  retryLimit: number
}

export interface JobHandler<T = Record<string, unknown>> {
  name: string
  batchSize: number
  run(ctx: AppContext, job: JobContext<T>): Promise<void>
}
