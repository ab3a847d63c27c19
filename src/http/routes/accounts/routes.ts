import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { accountStanding } from '../../../services/account-standing.js'
import { accountParams, standingSchema } from './schema.js'

export function accountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/accounts/:accountId/standing',
      {
        config: { roles: ['platform', 'moderator', 'admin'] },
        schema: {
          tags: ['accounts'],
          summary:
            "An account's live strikes, points, restrictions in force and the next step of the repeat-offender policy (DSA Art. 23(1))",
          params: accountParams,
          response: { 200: standingSchema },
        },
      },
      async (request) => accountStanding(ctx.db, ctx, request.params.accountId),
    )
  }
}
