import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { verifyAuditChain } from '../../../services/audit-verify.js'

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit/verify',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['audit'],
          summary: 'Check the hash chain of the audit log; names the first bad entry',
        },
      },
      async () => verifyAuditChain(ctx.db),
    )
  }
}
