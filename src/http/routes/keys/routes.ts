import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { NotFoundError } from '../../../core/errors.js'
import { apiRoleSchema } from '../../../core/roles.js'
import { createApiKey, listKeys, revokeKey } from '../../../services/api-keys.js'
import type { RouteApp } from '../route-app.js'

const keyInputSchema = z
  .strictObject({
    name: z.string().min(1).max(100),
    role: apiRoleSchema,
    flaggerId: z
      .uuid()
      .optional()
      .describe(
        'For role trusted_flagger: the registered flagger (POST /v1/flaggers) it belongs to',
      ),
  })
  .refine((input) => input.role !== 'trusted_flagger' || input.flaggerId !== undefined, {
    message:
      'a trusted_flagger key belongs to a registered flagger: give flaggerId (POST /v1/flaggers)',
    path: ['flaggerId'],
  })

/** API keys: admins create, list and revoke them; a key is shown once, when it is made. */
export function keyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerCreate(app, ctx)
    registerListAndRevoke(app, ctx)
  }
}

function registerCreate(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/keys',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['keys'],
        summary: 'Create an API key; the key is shown in this response only',
        body: keyInputSchema,
      },
    },
    async (request, reply) => {
      const { key, record } = await createApiKey(ctx.db, ctx.clock, request.actor, request.body)
      return reply.status(201).send({ ...record, key })
    },
  )
}

function registerListAndRevoke(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/keys',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['keys'], summary: 'API keys (never the keys themselves)' },
    },
    async () => ({ keys: await listKeys(ctx.db) }),
  )
  app.delete(
    '/keys/:id',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['keys'], summary: 'Revoke a key', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      if (!(await revokeKey(ctx.db, ctx.clock, request.actor, request.params.id))) {
        throw new NotFoundError('active API key', request.params.id)
      }
      ctx.auth.forget()
      return reply.status(204).send()
    },
  )
}
