import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import {
  flaggerFiguresQuerySchema,
  flaggerInputSchema,
  flaggerPatchSchema,
} from '../../../core/trusted-flagger.js'
import { getFlaggerFigures } from '../../../services/flagger-figures.js'
import {
  assertMayReadFlagger,
  createFlagger,
  getFlaggerOrThrow,
  listFlaggers,
  updateFlagger,
} from '../../../services/trusted-flaggers.js'
import type { RouteApp } from '../route-app.js'

const flaggerParams = z.object({ id: z.uuid({ error: 'a flagger id is a UUID' }) })

/** The registry of trusted flaggers and authorities (DSA Art. 22; Ofcom ICU D14). */
export function flaggerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerRegistry(app, ctx)
    registerFlagger(app, ctx)
    registerFigures(app, ctx)
  }
}

function registerRegistry(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/flaggers',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['flaggers'],
        summary: 'Register a trusted flagger or authority; then give it keys with POST /v1/keys',
        body: flaggerInputSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFlagger(ctx, request.actor, request.body)),
  )
  app.get(
    '/flaggers',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['flaggers'], summary: 'Registered trusted flaggers and authorities' },
    },
    async () => ({ flaggers: await listFlaggers(ctx) }),
  )
}

function registerFlagger(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/flaggers/:id',
    {
      config: { roles: ['admin', 'trusted_flagger'] },
      schema: {
        tags: ['flaggers'],
        summary: "One flagger (an admin, or the flagger's own keys)",
        params: flaggerParams,
      },
    },
    async (request) => {
      assertMayReadFlagger(request.actor, request.params.id)
      return getFlaggerOrThrow(ctx, request.params.id)
    },
  )
  app.patch(
    '/flaggers/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['flaggers'],
        summary: 'Enable or disable a flagger (and so all its keys), or correct its details',
        params: flaggerParams,
        body: flaggerPatchSchema,
      },
    },
    async (request) => {
      const updated = await updateFlagger(ctx, request.actor, request.params.id, request.body)
      ctx.auth.forget()
      return updated
    },
  )
}

function registerFigures(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/flaggers/:id/figures',
    {
      config: { roles: ['admin', 'trusted_flagger'] },
      schema: {
        tags: ['flaggers'],
        summary: 'Notices sent, share upheld and median time to decision (DSA Art. 22)',
        params: flaggerParams,
        querystring: flaggerFiguresQuerySchema,
      },
    },
    async (request) => getFlaggerFigures(ctx, request.actor, request.params.id, request.query),
  )
}
