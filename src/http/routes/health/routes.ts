import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { roles: 'public' },
        schema: {
          tags: ['health'],
          response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
        },
      },
      async () => {
        await sql`select 1`.execute(ctx.db)
        return { status: 'ok' as const, database: ctx.databaseKind }
      },
    )
  }
}
