import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { reportInputSchema } from '../../../core/report.js'
import { fileReport } from '../../../services/file-report.js'
import { getReportForActor, listReportsForActor } from '../../../services/report-status.js'
import { claimFromRequest, idempotencyHeaders } from '../idempotency-header.js'
import type { RouteApp } from '../route-app.js'
import { presentReportStatus, presentReportSummary } from './presenter.js'
import {
  receiptSchema,
  referenceParams,
  reportListQuery,
  reportListSchema,
  reportStatusSchema,
} from './schema.js'

const READERS = ['platform', 'trusted_flagger', 'moderator', 'admin'] as const

/** Notices (DSA Art. 16): filed by the platform or a trusted flagger, read back by them and staff. */
export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerFiling(app, ctx)
    registerReads(app, ctx)
  }
}

function registerFiling(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/reports',
    {
      config: { roles: ['platform', 'trusted_flagger', 'admin'] },
      schema: {
        tags: ['reports'],
        summary: 'File a notice (DSA Art. 16) about content or an account; opens or joins its case',
        description:
          'Rate limited per reporter (reporter.id, else reporter.email) and per reporter.address ' +
          '(policy.reporting.rateLimit); over the limit the answer is 429 with Retry-After. ' +
          'Trusted flaggers and authorities are not limited.',
        body: reportInputSchema,
        headers: idempotencyHeaders,
        response: { 201: receiptSchema },
      },
    },
    async (request, reply) => {
      const claim = claimFromRequest(request, 'report')
      const result = await fileReport(ctx, request.actor, request.body, { claim })
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      return reply.status(201).send(result.body)
    },
  )
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/reports',
    {
      config: { roles: READERS },
      schema: {
        tags: ['reports'],
        summary: 'Notices, newest first; a trusted flagger sees only its own',
        querystring: reportListQuery,
        response: { 200: reportListSchema },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query
      const query = {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      }
      const { reports, total } = await listReportsForActor(ctx, request.actor, query)
      return { reports: reports.map(presentReportSummary), total }
    },
  )
  app.get(
    '/reports/:reference',
    {
      config: { roles: READERS },
      schema: {
        tags: ['reports'],
        summary: "A notice's status, outcome and the messages its reporter was sent",
        description: "A trusted flagger may read only its own notices; others' are not found.",
        params: referenceParams,
        response: { 200: reportStatusSchema },
      },
    },
    async (request) =>
      presentReportStatus(await getReportForActor(ctx, request.actor, request.params.reference)),
  )
}
