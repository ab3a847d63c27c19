import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { openCaseMedia } from '../../../services/case-media.js'
import { MODERATORS } from '../route-app.js'
import { mediaParams } from './schema.js'

/** A case's media for the console: fetched through the SSRF guard, never cached, audited. */
export function mediaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/media/:index',
      {
        config: { roles: MODERATORS },
        schema: {
          tags: ['cases'],
          summary:
            "The bytes of the subject's media item (images only); CSEA media only for a child_safety console session",
          params: mediaParams,
        },
      },
      async (request, reply) => {
        const { id, index } = request.params
        const media = await openCaseMedia(ctx, request.actor, id, index)
        return reply
          .header('content-type', media.contentType)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(media.bytes)
      },
    )
  }
}
