import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { backtestRule } from '../../../services/backtest-rules.js'
import {
  addRuleVersion,
  changeRuleState,
  createRule,
  getRule,
  listAllRules,
} from '../../../services/rules.js'
import { presentRule } from './presenter.js'
import {
  backtestBody,
  backtestSchema,
  createRuleBody,
  ruleDetailSchema,
  ruleListSchema,
  ruleParams,
  ruleStateBody,
  ruleVersionBody,
} from './schema.js'

const ADMIN = ['admin'] as const
const READERS = ['moderator', 'admin'] as const

type RouteApp = Parameters<FastifyPluginAsyncZod>[0]

/** Admins write rules; moderators read them and run backtests. */
export function ruleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerWrites(app, ctx)
    registerReads(app, ctx)
  }
}

function registerWrites(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/rules',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['rules'],
        summary: 'Create a rule from a JSON or YAML document (draft unless a state is given)',
        body: createRuleBody,
        response: { 201: ruleDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentRule(await createRule(ctx, request.actor, request.body))),
  )
  app.post(
    '/rules/:id/versions',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['rules'],
        summary: 'Add an immutable version; it becomes the current one',
        params: ruleParams,
        body: ruleVersionBody,
        response: { 201: ruleDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await addRuleVersion(ctx, request.actor, request.params.id, request.body)
      return reply.status(201).send(presentRule(detail))
    },
  )
  app.post(
    '/rules/:id/state',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['rules'],
        summary: 'Move a rule between draft, shadow and live',
        params: ruleParams,
        body: ruleStateBody,
        response: { 200: ruleDetailSchema },
      },
    },
    async (request) =>
      presentRule(await changeRuleState(ctx, request.actor, request.params.id, request.body.state)),
  )
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/rules',
    {
      config: { roles: READERS },
      schema: { tags: ['rules'], summary: 'Rules by name', response: { 200: ruleListSchema } },
    },
    async () => ({ rules: await listAllRules(ctx) }),
  )
  app.get(
    '/rules/:id',
    {
      config: { roles: READERS },
      schema: {
        tags: ['rules'],
        summary: 'A rule with its versions and its live and shadow outcomes of the last 7 days',
        params: ruleParams,
        response: { 200: ruleDetailSchema },
      },
    },
    async (request) => presentRule(await getRule(ctx, request.params.id)),
  )
  app.post(
    '/rules/:id/backtest',
    {
      config: { roles: READERS },
      schema: {
        tags: ['rules'],
        summary: 'Replay stored subjects through a rule version; precision and recall',
        params: ruleParams,
        body: backtestBody,
        response: { 200: backtestSchema },
      },
    },
    async (request) => {
      const { since, version } = request.body
      const options = { since: new Date(since), ...(version ? { version } : {}) }
      return backtestRule(ctx, request.params.id, options)
    },
  )
}
