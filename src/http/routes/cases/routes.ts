import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { decisionInputSchema } from '../../../core/decision.js'
import { caseListQuerySchema } from '../../../core/moderation-case.js'
import { getCaseView, listCaseQueue } from '../../../services/case-view.js'
import { recordDecision } from '../../../services/record-decision.js'
import { presentCase, presentCaseView } from './presenter.js'

const MODERATORS = ['moderator', 'admin'] as const
const caseParams = z.object({ id: z.uuid({ error: 'a case id is a UUID' }) })

export function caseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases',
      {
        config: { roles: MODERATORS },
        schema: {
          tags: ['cases'],
          summary: 'Cases by priority, then age',
          querystring: caseListQuerySchema,
        },
      },
      async (request) => {
        const { cases, total } = await listCaseQueue(ctx.db, request.query)
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
          summary: 'A case with its subject, signals, reports, decisions and history',
          params: caseParams,
        },
      },
      async (request) =>
        presentCaseView(await getCaseView(ctx.db, request.params.id), ctx.clock.now()),
    )
    app.post(
      '/cases/:id/decisions',
      {
        config: { roles: MODERATORS },
        schema: {
          tags: ['cases'],
          summary: 'Record an immutable decision; the platform is told by webhook',
          params: caseParams,
          body: decisionInputSchema,
        },
      },
      async (request, reply) => {
        const decision = await recordDecision(ctx, request.actor, request.params.id, request.body)
        return reply.status(201).send(decision)
      },
    )
  }
}
