import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { dashboardQuerySchema, dashboardStatsSchema } from '../../../core/dashboard-stats.js'
import { dashboardStats } from '../../../services/dashboard-stats.js'
import { MODERATORS } from '../route-app.js'

/** Figures for the console's dashboard. */
export function statsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/stats/dashboard',
      {
        config: { roles: MODERATORS },
        schema: {
          tags: ['stats'],
          summary:
            'Cases per day by harm and source, time to decision against SLA, automated share and appeal reversals',
          querystring: dashboardQuerySchema,
          response: { 200: dashboardStatsSchema },
        },
      },
      async (request) => dashboardStats(ctx, request.query),
    )
  }
}
