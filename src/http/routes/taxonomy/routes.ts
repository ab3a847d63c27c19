import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { API_ROLES } from '../../../core/roles.js'

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
        },
      },
      async () => ({ harms: ctx.taxonomy.nodes }),
    )
  }
}
