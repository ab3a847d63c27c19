import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { reportInputSchema } from '../../../core/report.js'
import { fileReport } from '../../../services/file-report.js'
import { claimFromRequest, idempotencyHeaders } from '../idempotency-header.js'

const receiptSchema = z.object({
  reference: z.string().describe('Quote this when asking about the report'),
  reportId: z.string(),
  caseId: z.string(),
  status: z.literal('received'),
  receivedAt: z.string(),
  queue: z.string(),
  expectedDecisionBy: z.string(),
})

export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reports',
      {
        config: { roles: ['platform', 'trusted_flagger', 'admin'] },
        schema: {
          tags: ['reports'],
          summary:
            'File a notice (DSA Art. 16) about content or an account; opens or joins its case',
          body: reportInputSchema,
          headers: idempotencyHeaders,
          response: { 201: receiptSchema },
        },
      },
      async (request, reply) => {
        const claim = claimFromRequest(request, 'report')
        const result = await fileReport(ctx, request.actor, request.body, claim)
        if (result.replayed) reply.header('idempotent-replayed', 'true')
        return reply.status(201).send(result.body)
      },
    )
  }
}
