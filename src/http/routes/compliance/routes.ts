import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { assessmentExport } from '../../../compliance/assessment-export.js'
import { measureMatrix } from '../../../compliance/measure-matrix.js'
import { renderAssessmentHtml } from '../../../compliance/render-assessment.js'
import { renderMatrixHtml } from '../../../compliance/render-matrix.js'
import {
  approveAssessment,
  assessmentHistory,
  createDraftAssessment,
  recordAlternativeMeasure,
  updateDraftAssessment,
} from '../../../compliance/risk-assessments.js'
import type { AppContext } from '../../../context.js'
import { approvalInputSchema, riskAssessmentInputSchema } from '../../../core/risk-assessment.js'
import { alternativeMeasureInputSchema } from '../../../core/risk-record.js'
import type { RouteApp } from '../route-app.js'
import {
  presentAlternative,
  presentAssessment,
  presentExport,
  presentMatrix,
  presentSummary,
} from './presenter.js'
import {
  alternativeSchema,
  assessmentExportSchema,
  assessmentParams,
  assessmentSchema,
  exportQuerySchema,
  historySchema,
  matrixQuerySchema,
  matrixSchema,
} from './schema.js'

// @NOTE The risk assessment (OSA s.9) and the code-measure matrix: admin keys write and read; in
// the console the auditor reads too (CONSOLE_READ_GRANTS in core/console-roles.ts).
const ADMIN = ['admin'] as const
const TAGS = ['compliance']

/** The pages need only their own inline CSS and SVG; they may load and run nothing else. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"

function sendPage(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_POLICY)
    .header('x-content-type-options', 'nosniff')
    .send(html)
}

export function complianceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerDrafts(app, ctx)
    registerApproval(app, ctx)
    registerReads(app, ctx)
    registerMatrix(app, ctx)
  }
}

function registerDrafts(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/risk-assessments',
    {
      config: { roles: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Start the next version of the risk assessment as a draft',
        description:
          'Every kind of priority illegal content must be assessed. 409 while another draft is open.',
        body: riskAssessmentInputSchema,
        response: { 201: assessmentSchema },
      },
    },
    async (request, reply) => {
      const draft = await createDraftAssessment(ctx, request.actor, request.body)
      return reply.status(201).send(presentAssessment(draft))
    },
  )
  app.put(
    '/risk-assessments/:id',
    {
      config: { roles: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Replace a draft; approved and superseded versions are refused (409)',
        params: assessmentParams,
        body: riskAssessmentInputSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) =>
      presentAssessment(
        await updateDraftAssessment(ctx, request.actor, request.params.id, request.body),
      ),
  )
}

function registerApproval(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/risk-assessments/:id/approve',
    {
      config: { roles: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Approve a draft: it supersedes the approved version, which is kept',
        description: 'Keeps the live evidence as it stands with the version. 409 if not a draft.',
        params: assessmentParams,
        body: approvalInputSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) =>
      presentAssessment(
        await approveAssessment(ctx, request.actor, request.params.id, request.body),
      ),
  )
}

function registerReads(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/risk-assessments',
    {
      config: { roles: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Every version of the risk assessment, newest first (kept at least 3 years)',
        response: { 200: historySchema },
      },
    },
    async () => ({ assessments: (await assessmentHistory(ctx)).map(presentSummary) }),
  )
  app.get(
    '/risk-assessments/:id',
    {
      config: { roles: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'A version with its live evidence and the history, as JSON or an HTML page',
        params: assessmentParams,
        querystring: exportQuerySchema,
        response: {
          200: z.union([assessmentExportSchema, z.string().describe('format=html (text/html)')]),
        },
      },
    },
    async (request, reply) => {
      const exported = await assessmentExport(ctx, request.params.id)
      if (request.query.format === 'json') return presentExport(exported)
      return sendPage(reply, renderAssessmentHtml(exported))
    },
  )
}

function registerMatrix(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/compliance/measures',
    {
      config: { roles: ADMIN },
      schema: {
        tags: TAGS,
        summary:
          'The code-measure matrix: which measures apply and why, and what Vigil carries out',
        description:
          'For the approved risk assessment (or the version named by assessmentId). 404 when none is approved.',
        querystring: matrixQuerySchema,
        response: {
          200: z.union([matrixSchema, z.string().describe('format=html (text/html)')]),
        },
      },
    },
    async (request, reply) => {
      const matrix = await measureMatrix(ctx, request.query.assessmentId)
      if (request.query.format === 'json') return presentMatrix(matrix)
      return sendPage(reply, renderMatrixHtml(matrix))
    },
  )
  app.post(
    '/compliance/alternative-measures',
    {
      config: { roles: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Record an alternative to a Code measure (OSA s.23(4)); kept, never changed',
        body: alternativeMeasureInputSchema,
        response: { 201: alternativeSchema },
      },
    },
    async (request, reply) => {
      const recorded = await recordAlternativeMeasure(ctx, request.actor, request.body)
      return reply.status(201).send(presentAlternative(recorded))
    },
  )
}
