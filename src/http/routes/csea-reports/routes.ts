import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import {
  cseaApproveInputSchema,
  cseaDraftInputSchema,
  cseaListQuerySchema,
  suppliedDetailsSchema,
} from '../../../core/csea-report.js'
import { attachSuppliedDetails } from '../../../services/csea-reports/account-details.js'
import { approveCseaReport, resendCseaReport } from '../../../services/csea-reports/approve.js'
import { draftCseaReport } from '../../../services/csea-reports/draft.js'
import {
  getCseaReportView,
  listCseaReports,
  missingOf,
} from '../../../services/csea-reports/review.js'
import type { RouteApp } from '../route-app.js'
import { presentSummary, presentView } from './presenter.js'
import {
  caseParams,
  detailsReceiptSchema,
  reportListSchema,
  reportParams,
  reportViewSchema,
  sendBody,
} from './schema.js'

// @NOTE Child sexual abuse reports to the NCA and NCMEC: admin keys only; in the console, admins
// and child safety specialists (console-roles.ts). The platform may attach account details.
const ADMIN = ['admin'] as const

export function cseaReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerReads(app, ctx)
    registerDraft(app, ctx)
    registerSending(app, ctx)
    registerDetails(app, ctx)
  }
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/csea-reports',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['csea-reports'],
        summary: 'CSEA reports to the NCA and NCMEC: unsent first, soonest due first',
        querystring: cseaListQuerySchema,
        response: { 200: reportListSchema },
      },
    },
    async (request) => {
      const { reports, total } = await listCseaReports(ctx, request.query)
      return { reports: reports.map(presentSummary), total }
    },
  )
  app.get(
    '/csea-reports/:id',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['csea-reports'],
        summary: 'A CSEA report for review: as it will be sent, what is missing, any duplicate',
        params: reportParams,
        response: { 200: reportViewSchema },
      },
    },
    async (request) => presentView(await getCseaReportView(ctx, request.params.id)),
  )
}

function registerDraft(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/csea-reports',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['csea-reports'],
        summary: "Draft a case's report to the NCA or NCMEC (201), or get the one it has (200)",
        body: cseaDraftInputSchema,
        response: { 200: reportViewSchema, 201: reportViewSchema },
      },
    },
    async (request, reply) => {
      const { report, created } = await draftCseaReport(ctx, request.actor, request.body)
      const view = presentView(await getCseaReportView(ctx, report.id))
      return reply.status(created ? 201 : 200).send(view)
    },
  )
}

function registerSending(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/csea-reports/:id/approve',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['csea-reports'],
        summary: 'Approve a draft with the declaration; the worker sends it (a P1 first)',
        description:
          '403 when the policy asks for a second person and you drafted the report or made its decision. 409 for an NCA report that duplicates an NCMEC report, unless duplicateOverride gives a reason.',
        params: reportParams,
        body: cseaApproveInputSchema,
        response: { 200: reportViewSchema },
      },
    },
    async (request) => {
      await approveCseaReport(ctx, request.actor, request.params.id, request.body)
      return presentView(await getCseaReportView(ctx, request.params.id))
    },
  )
  app.post(
    '/csea-reports/:id/send',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['csea-reports'],
        summary: 'Send a failed report again once the worker has given up on it',
        params: reportParams,
        body: sendBody,
        response: { 202: reportViewSchema },
      },
    },
    async (request, reply) => {
      await resendCseaReport(ctx, request.actor, request.params.id, request.body ?? {})
      return reply.status(202).send(presentView(await getCseaReportView(ctx, request.params.id)))
    },
  )
}

function registerDetails(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/cases/:id/csea-account-details',
    {
      config: { roles: ['platform', 'admin'] },
      schema: {
        tags: ['csea-reports'],
        summary:
          "Attach the account and upload details only the platform holds to the case's draft CSEA reports",
        description:
          'Emails, phones (and whether verified), billing details, profile URL, login and upload IP addresses and ports, EXIF. Each section given replaces the one held. 409 when the case has no draft.',
        params: caseParams,
        body: suppliedDetailsSchema,
        response: { 200: detailsReceiptSchema },
      },
    },
    async (request) => {
      const caseId = request.params.id
      const reports = await attachSuppliedDetails(ctx, request.actor, caseId, request.body)
      return {
        caseId,
        reports: reports.map((r) => ({ id: r.id, channel: r.channel, missing: missingOf(r) })),
      }
    },
  )
}
