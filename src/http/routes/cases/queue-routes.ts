import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { summariseQueues } from '../../../services/queue-summary.js'
import { queueSummarySchema } from './view-schema.js'

export function queueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/queues',
      {
        config: { roles: ['moderator', 'admin'] },
        schema: {
          tags: ['cases'],
          summary:
            'Each queue in order of urgency: its SLA, open, claimed, nearing and overdue cases',
          response: { 200: queueSummarySchema },
        },
      },
      async () => summariseQueues(ctx),
    )
  }
}
