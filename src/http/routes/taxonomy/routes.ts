import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { NotFoundError } from '../../../core/errors.js'
import { judgementChecklistFor } from '../../../core/judgement.js'
import { API_ROLES } from '../../../core/roles.js'
import { MODERATORS } from '../route-app.js'
import { harmParams, judgementChecklistSchema, taxonomySchema } from './schema.js'

export function taxonomyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/taxonomy',
      {
        config: { roles: API_ROLES },
        schema: {
          tags: ['taxonomy'],
          summary:
            "The harm taxonomy: Ofcom kinds of illegal content, children's harms and your terms, each mapped to DSA categories",
          response: { 200: taxonomySchema },
        },
      },
      async () => ({ harms: [...ctx.taxonomy.nodes] }),
    )
    app.get(
      '/harms/:id/judgement',
      {
        config: { roles: MODERATORS },
        schema: {
          tags: ['taxonomy'],
          summary:
            'The illegal content judgement checklist (Ofcom ICU C1) for the harm or its nearest ancestor',
          params: harmParams,
          response: { 200: judgementChecklistSchema },
        },
      },
      async (request) => {
        const { id } = request.params
        const checklist = ctx.taxonomy.has(id) ? judgementChecklistFor(id) : undefined
        if (!checklist) throw new NotFoundError('harm', id)
        return { ...checklist, items: [...checklist.items] }
      },
    )
  }
}
