import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { accountStanding } from '../../../services/account-standing.js'

const accountParams = z.object({
  accountId: z.string().min(1).max(200).describe("The platform's own id for the account"),
})

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
        },
      },
      async (request) => accountStanding(ctx.db, ctx, request.params.accountId),
    )
  }
}
