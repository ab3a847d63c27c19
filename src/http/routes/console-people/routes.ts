import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { listConsolePeople } from '../../../services/console-users.js'
import { MODERATORS } from '../route-app.js'
import { consolePeopleSchema } from './schema.js'

/** The console's people, so a moderator can pick a colleague by name. */
export function consolePeopleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/console/people',
      {
        config: { roles: MODERATORS },
        schema: {
          tags: ['console'],
          summary: 'Enabled console users by name: id, name and console role (no emails)',
          response: { 200: consolePeopleSchema },
        },
      },
      async () => ({ people: await listConsolePeople(ctx) }),
    )
  }
}
