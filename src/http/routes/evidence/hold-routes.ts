import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import {
  legalHoldInputSchema,
  preservationRequestInputSchema,
  releaseHoldInputSchema,
} from '../../../core/evidence.js'
import { listLegalHolds, placeLegalHold, releaseLegalHold } from '../../../services/legal-holds.js'
import {
  listTrackedPreservationRequests,
  recordPreservationRequest,
} from '../../../services/preservation-requests.js'
import type { RouteApp } from '../route-app.js'
import { presentLegalHold, presentPreservationRequest } from './presenter.js'
import {
  holdListQuery,
  holdParams,
  legalHoldListSchema,
  legalHoldSchema,
  preservationRequestListSchema,
  preservationRequestSchema,
  requestListQuery,
} from './schema.js'

const ROLES = ['admin'] as const

/** Legal holds and authorities' preservation requests (the liaison may write these). */
export function holdRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerHoldWrites(app, ctx)
    registerHoldReads(app, ctx)
    registerRequests(app, ctx)
  }
}

function registerHoldWrites(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/legal-holds',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['evidence'],
        summary: 'Place a legal hold on a case or subject: retention erases nothing it covers',
        body: legalHoldInputSchema,
        response: { 201: legalHoldSchema },
      },
    },
    async (request, reply) => {
      const hold = await placeLegalHold(ctx, request.actor, request.body)
      return reply.status(201).send(presentLegalHold(hold, ctx.clock.now()))
    },
  )
  app.post(
    '/legal-holds/:id/release',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['evidence'],
        summary: 'Release a legal hold; 409 when it was already released',
        params: holdParams,
        body: releaseHoldInputSchema,
        response: { 200: legalHoldSchema },
      },
    },
    async (request) => {
      const { id } = request.params
      const hold = await releaseLegalHold(ctx, request.actor, id, request.body.reason)
      return presentLegalHold(hold, ctx.clock.now())
    },
  )
}

function registerHoldReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/legal-holds',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['evidence'],
        summary: 'Legal holds, newest first',
        querystring: holdListQuery,
        response: { 200: legalHoldListSchema },
      },
    },
    async (request) => {
      const holds = await listLegalHolds(ctx, request.query)
      return { holds: holds.map((h) => presentLegalHold(h, ctx.clock.now())) }
    },
  )
}

function registerRequests(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/preservation-requests',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['evidence'],
        summary: "Record an authority's preservation request: preserves the case and holds it",
        description:
          "The hold lasts until the deadline plus the policy's evidence.requestHoldDays (90 by default).",
        body: preservationRequestInputSchema,
        response: { 201: preservationRequestSchema },
      },
    },
    async (request, reply) => {
      const recorded = await recordPreservationRequest(ctx, request.actor, request.body)
      return reply.status(201).send(presentPreservationRequest(recorded))
    },
  )
  app.get(
    '/preservation-requests',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['evidence'],
        summary: 'Preservation requests, soonest deadline first, with whether each was met',
        querystring: requestListQuery,
        response: { 200: preservationRequestListSchema },
      },
    },
    async (request) => ({
      requests: (await listTrackedPreservationRequests(ctx, request.query)).map(
        presentPreservationRequest,
      ),
    }),
  )
}
