import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { listAuditLog } from '../../../services/audit-entries.js'
import { verifyAuditChain } from '../../../services/audit-verify.js'
import { presentAuditPage } from './presenter.js'
import { auditEntryPageSchema, auditEntryQuerySchema, auditVerifySchema } from './schema.js'

// @NOTE Admin keys only; in the console, admins and (read-only, see console-roles.ts) auditors.
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit/entries',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first, by entity and action; page with before',
          querystring: auditEntryQuerySchema,
          response: { 200: auditEntryPageSchema },
        },
      },
      async (request) => presentAuditPage(await listAuditLog(ctx.db, request.query)),
    )
    app.get(
      '/audit/verify',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['audit'],
          summary: 'Check the hash chain of the audit log; names the first bad entry',
          response: { 200: auditVerifySchema },
        },
      },
      async () => verifyAuditChain(ctx.db),
    )
  }
}
