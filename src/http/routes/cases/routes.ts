import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { decisionInputSchema } from '../../../core/decision.js'
import { getCasePriorityBasis, listCasesFor } from '../../../services/case-list.js'
import { getCaseView } from '../../../services/case-view.js'
import { recordDecision } from '../../../services/record-decision.js'
import { MODERATORS, type RouteApp } from '../route-app.js'
import { claimRoutes } from './claim-routes.js'
import { mediaRoutes } from './media-routes.js'
import { presentCase, presentCaseView, presentDecision } from './presenter.js'
import { queueRoutes } from './queue-routes.js'
import { caseListQuery, caseParams } from './schema.js'
import { caseListSchema, caseViewSchema, decisionSchema } from './view-schema.js'

export function caseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerReads(app, ctx)
    registerDecisions(app, ctx)
    await app.register(claimRoutes(ctx))
    await app.register(queueRoutes(ctx))
    await app.register(mediaRoutes(ctx))
  }
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/cases',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['cases'],
        summary: 'Cases by priority, then age; filter by status, queue, kind, assignee, escalation',
        querystring: caseListQuery,
        response: { 200: caseListSchema },
      },
    },
    async (request) => {
      const { cases, total } = await listCasesFor(ctx.db, request.actor, request.query)
      const now = ctx.clock.now()
      return { cases: cases.map((c) => presentCase(c, now)), total }
    },
  )
  app.get(
    '/cases/:id',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['cases'],
        summary: 'A case with its subject, signals, reports, decisions, history and priority parts',
        params: caseParams,
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      const view = await getCaseView(ctx.db, request.params.id)
      const basis = await getCasePriorityBasis(ctx.db, request.params.id)
      return presentCaseView(view, ctx.clock.now(), basis, request.actor)
    },
  )
}

function registerDecisions(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/cases/:id/decisions',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['cases'],
        summary: 'Record an immutable decision; the platform is told by webhook',
        params: caseParams,
        body: decisionInputSchema,
        response: { 201: decisionSchema },
      },
    },
    async (request, reply) => {
      const decision = await recordDecision(ctx, request.actor, request.params.id, request.body)
      return reply.status(201).send(presentDecision(decision))
    },
  )
}
