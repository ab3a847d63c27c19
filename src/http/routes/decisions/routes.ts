import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { decisionInputSchema, reversalInputSchema } from '../../../core/decision.js'
import {
  getDecisionOrThrow,
  getStatementOrThrow,
  previewStatement,
} from '../../../services/decision-statements.js'
import { reverseDecisionById } from '../../../services/reverse-decision.js'
import { presentDecision } from '../cases/presenter.js'
import { decisionSchema } from '../cases/view-schema.js'
import { MODERATORS, type RouteApp } from '../route-app.js'
import { caseParams, decisionParams, statementOfReasonsSchema } from './schema.js'

/** Decisions: read one and its statement of reasons, reverse one, preview a statement. */
export function decisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerReads(app, ctx)
    registerWrites(app, ctx)
  }
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/decisions/:id',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['decisions'],
        summary: 'A decision with its ground, actions and statement of reasons',
        params: decisionParams,
        response: { 200: decisionSchema },
      },
    },
    async (request) => presentDecision(await getDecisionOrThrow(ctx, request.params.id)),
  )
  app.get(
    '/decisions/:id/statement',
    {
      config: { roles: ['platform', ...MODERATORS] },
      schema: {
        tags: ['decisions'],
        summary: "The decision's statement of reasons (DSA Art. 17), structured and in plain words",
        description:
          'The platform can show `plainText` to the author. 404 when the decision restricted nothing.',
        params: decisionParams,
        response: { 200: statementOfReasonsSchema },
      },
    },
    async (request) => getStatementOrThrow(ctx, request.params.id),
  )
}

function registerWrites(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/decisions/:id/reverse',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['decisions'],
        summary: 'Reverse a decision: the platform is told to restore, the author is told why',
        description:
          '409 when the decision was already reversed, is a reversal, or restricted nothing.',
        params: decisionParams,
        body: reversalInputSchema,
        response: { 201: decisionSchema },
      },
    },
    async (request, reply) => {
      const reversal = await reverseDecisionById(
        ctx,
        request.actor,
        request.params.id,
        request.body,
      )
      return reply.status(201).send(presentDecision(reversal))
    },
  )
  app.post(
    '/cases/:id/statement-preview',
    {
      config: { roles: MODERATORS },
      schema: {
        tags: ['decisions'],
        summary: 'The statement of reasons a decision would carry, without recording it',
        params: caseParams,
        body: decisionInputSchema,
        response: { 200: statementOfReasonsSchema },
      },
    },
    async (request) => previewStatement(ctx, request.actor, request.params.id, request.body),
  )
}
