import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { preserveInputSchema } from '../../../core/evidence.js'
import { listCaseEvidence, openEvidenceItem } from '../../../services/evidence-items.js'
import { preserveCaseEvidence } from '../../../services/evidence-preserve.js'
import type { RouteApp } from '../route-app.js'
import { holdRoutes } from './hold-routes.js'
import { presentEvidenceItem } from './presenter.js'
import {
  caseParams,
  contentQuery,
  evidenceListSchema,
  itemParams,
  preservationReceiptSchema,
} from './schema.js'

// @NOTE Admin keys only; in the console, admins and (see console-roles.ts) the child_safety and
// law_enforcement_liaison roles. Every opening is audited with its purpose before bytes are read.
export const EVIDENCE_ROLES = ['admin'] as const

/** Preserved evidence: list a case's items, open one with a purpose, preserve a case now. */
export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    registerList(app, ctx)
    registerContent(app, ctx)
    registerPreserve(app, ctx)
    await app.register(holdRoutes(ctx))
  }
}

function registerList(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/cases/:id/evidence',
    {
      config: { roles: EVIDENCE_ROLES },
      schema: {
        tags: ['evidence'],
        summary: "A case's preserved evidence items: metadata and SHA-256 hashes, no bytes",
        params: caseParams,
        response: { 200: evidenceListSchema },
      },
    },
    async (request) => ({
      items: (await listCaseEvidence(ctx.db, request.params.id)).map(presentEvidenceItem),
    }),
  )
}

function registerContent(app: RouteApp, ctx: AppContext): void {
  app.get(
    '/evidence/:id/content',
    {
      config: { roles: EVIDENCE_ROLES },
      schema: {
        tags: ['evidence'],
        summary: 'The bytes of an evidence item, decrypted and checked against its SHA-256',
        description:
          'Needs `purpose` (10 characters or more; 400 `purpose_required` otherwise), recorded in the custody log before the bytes are read. Served as an attachment, never cached.',
        params: itemParams,
        querystring: contentQuery,
        response: { 200: z.unknown().describe('The original bytes, as the item’s content type') },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const opened = await openEvidenceItem(ctx, request.actor, id, request.query.purpose)
      return reply
        .header('content-type', opened.item.contentType)
        .header('content-disposition', `attachment; filename="evidence-${id}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-evidence-sha256', opened.item.sha256 ?? '')
        .send(opened.bytes)
    },
  )
}

function registerPreserve(app: RouteApp, ctx: AppContext): void {
  app.post(
    '/cases/:id/evidence',
    {
      config: { roles: EVIDENCE_ROLES },
      schema: {
        tags: ['evidence'],
        summary: "Preserve the case's subject, media and records now (queued; 202)",
        params: caseParams,
        body: preserveInputSchema,
        response: { 202: preservationReceiptSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const receipt = await preserveCaseEvidence(ctx, request.actor, id, request.body.reason)
      return reply.status(202).send({
        preservationId: receipt.preservationId,
        caseId: receipt.caseId,
        status: 'queued' as const,
        queuedAt: receipt.queuedAt.toISOString(),
      })
    },
  )
}
