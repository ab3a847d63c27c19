import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { assignCase, claimCase, releaseCase } from '../../../services/claim-case.js'
import { MODERATORS, type RouteApp } from '../route-app.js'
import { presentCase } from './presenter.js'
import { assignBody, caseParams, claimBody } from './schema.js'
import { caseSchema } from './view-schema.js'

/** Claims lock a case to one moderator for a while, so two people do not review it at once. */
export function claimRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerClaims(app, ctx)
    registerAssign(app, ctx)
  }
}

function registerClaims(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/cases/:id/claim',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['cases'],
        summary: 'Claim the case for N minutes (default 30); 409 while someone else holds it',
        params: caseParams,
        body: claimBody,
        response: { 200: caseSchema },
      },
    },
    async (request) => {
      const minutes = request.body?.minutes
      const claimed = await claimCase(ctx, request.actor, request.params.id, minutes)
      return presentCase(claimed, ctx.clock.now())
    },
  )
  app.post(
    '/cases/:id/release',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['cases'],
        summary: 'Give up a claim (the holder, an admin, or anyone once it has lapsed)',
        params: caseParams,
        response: { 200: caseSchema },
      },
    },
    async (request) =>
      presentCase(await releaseCase(ctx, request.actor, request.params.id), ctx.clock.now()),
  )
}

function registerAssign(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/cases/:id/assign',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['cases'],
        summary:
          "Give the case to a moderator's or admin's key or a console user, with a fresh claim",
        params: caseParams,
        body: assignBody,
        response: { 200: caseSchema },
      },
    },
    async (request) =>
      presentCase(
        await assignCase(ctx, request.actor, request.params.id, request.body),
        ctx.clock.now(),
      ),
  )
}
