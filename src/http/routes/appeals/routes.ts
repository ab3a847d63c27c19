import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import {
  appealDecisionInputSchema,
  appealInputSchema,
  appealListQuerySchema,
} from '../../../core/appeal.js'
import { getAppealView, listAppealQueue } from '../../../services/appeal-view.js'
import { decideAppeal } from '../../../services/decide-appeal.js'
import { fileAppeal } from '../../../services/file-appeal.js'
import { claimFromRequest, idempotencyHeaders } from '../idempotency-header.js'
import { MODERATORS, type RouteApp } from '../route-app.js'
import { presentAppeal, presentAppealView, presentSettlement } from './presenter.js'
import {
  appealDecisionSchema,
  appealListSchema,
  appealParams,
  appealReceiptSchema,
  appealViewSchema,
} from './schema.js'

/** Appeals and complaints: the platform files them, moderators work through and decide them. */
export function appealRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerFiling(app, ctx)
    registerReads(app, ctx)
    registerDecision(app, ctx)
  }
}

function registerFiling(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/appeals',
    {
      config: { roles: ['platform', 'admin'] },
      schema: {
        tags: ['appeals'],
        summary:
          'File an appeal against a decision or a complaint (DSA Art. 20; Ofcom D8–D12; OSA s.21), relayed for a signed-in user',
        body: appealInputSchema,
        headers: idempotencyHeaders,
        response: { 201: appealReceiptSchema },
      },
    },
    async (request, reply) => {
      const { appellant, report, ...rest } = request.body
      const claim = { appellantId: appellant.id, email: appellant.email, report }
      const filing = { ...rest, claim, channel: 'api' as const }
      const result = await fileAppeal(
        ctx,
        request.actor,
        filing,
        claimFromRequest(request, 'appeal'),
      )
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      return reply.status(201).send(result.body)
    },
  )
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/appeals',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['appeals'],
        summary: 'Appeals and complaints, expedited first, then oldest first',
        querystring: appealListQuerySchema,
        response: { 200: appealListSchema },
      },
    },
    async (request) => {
      const { appeals, total } = await listAppealQueue(ctx.db, request.query)
      return {
        appeals: appeals.map((a) => ({
          ...presentAppeal(a.appeal),
          slaDeadline: a.slaDeadline,
          legalDeadline: a.legalDeadline,
        })),
        total,
      }
    },
  )
  app.get(
    '/appeals/:id',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['appeals'],
        summary: 'An appeal with the decision under appeal, its case and its messages',
        params: appealParams,
        response: { 200: appealViewSchema },
      },
    },
    async (request) => presentAppealView(await getAppealView(ctx.db, request.params.id)),
  )
}

function registerDecision(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/appeals/:id/decision',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['appeals'],
        summary:
          'Decide an appeal (upheld or reversed) or a complaint (resolved), with reasons; never by the original decider',
        params: appealParams,
        body: appealDecisionInputSchema,
        response: { 200: appealDecisionSchema },
      },
    },
    async (request) => {
      const settled = await decideAppeal(ctx, request.actor, request.params.id, request.body)
      return presentSettlement(settled)
    },
  )
}
