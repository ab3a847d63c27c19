import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { contentInputSchema } from '../../../core/subject.js'
import { ingestContent } from '../../../services/ingest-content.js'
import { claimFromRequest, idempotencyHeaders } from '../idempotency-header.js'
import { ingestResponseSchema } from './schema.js'

export function contentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/content',
      {
        config: { roles: ['platform', 'admin'] },
        schema: {
          tags: ['content'],
          summary: 'Check content before it is published: detection runs and a verdict comes back',
          body: contentInputSchema,
          headers: idempotencyHeaders,
          response: { 200: ingestResponseSchema },
        },
      },
      async (request, reply) => {
        const claim = claimFromRequest(request, 'content')
        const result = await ingestContent(ctx, request.actor, request.body, claim)
        if (result.replayed) reply.header('idempotent-replayed', 'true')
        return reply.status(200).send(result.body)
      },
    )
  }
}
