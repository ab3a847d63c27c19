import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { getReportStatusByToken } from '../../../services/report-status.js'
import { page } from '../../pages/html.js'
import { sendPage } from '../../pages/page-reply.js'
import type { FormValues } from './form-body.js'
import { asKind, asSubjectId, asSurface } from './report-fields.js'
import { renderNotFound, renderStatusPage } from './status-page.js'

const DAY_MS = 86_400_000
const REFERENCE = /^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/

function queryText(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}

/**
 * What the platform's report button may pass: `subject` (its id for the content), `kind`,
 * `surface`, `url` and `reason` (a harm id). Anything unusable is left out, not refused.
 */
export function prefillValues(query: unknown): FormValues {
  const values: FormValues = { followUp: 'yes' }
  const subject = asSubjectId(queryText(query, 'subject'))
  const kind = asKind(queryText(query, 'kind'))
  const surface = asSurface(queryText(query, 'surface'))
  const url = queryText(query, 'url')?.trim()
  const reason = queryText(query, 'reason')
  if (subject) values.subject = subject
  if (kind) values.kind = kind
  if (surface) values.surface = surface
  if (url && url.length <= 2000) values.urls = url
  if (reason && reason.length <= 120) values.reason = reason
  return values
}

function baseUrl(ctx: AppContext, request: FastifyRequest): string {
  const configured = ctx.policy.reporting.page.publicUrl?.replace(/\/+$/, '')
  return configured ?? `${request.protocol}://${request.host}`
}

/** GET /report/status/:reference?token=…: the reporter's private status page. */
export function statusRoutes(ctx: AppContext, siteName: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/report/status/:reference',
      { config: { roles: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        reply.header('x-robots-tag', 'noindex')
        const reference = (request.params as { reference: string }).reference
        const token = queryText(request.query, 'token') ?? ''
        const view = REFERENCE.test(reference)
          ? await getReportStatusByToken(ctx, reference, token)
          : undefined
        if (!view) {
          const body = renderNotFound()
          return sendPage(
            reply,
            404,
            page({ title: 'We could not find that report', body, siteName }),
          )
        }
        const justSent = queryText(request.query, 'sent') === '1'
        const tokenQuery = new URLSearchParams({ token })
        const appealQuery = new URLSearchParams({ report: reference, token })
        const outcomeAt = view.report.outcomeAt
        const body = renderStatusPage({
          view,
          statusUrl: `${baseUrl(ctx, request)}/report/status/${reference}?${tokenQuery}`,
          appealUrl: `/appeal/new?${appealQuery}`,
          appealByDate: outcomeAt
            ? new Date(outcomeAt.getTime() + ctx.policy.appeals.windowDays * DAY_MS)
            : undefined,
          justSent,
        })
        const title = justSent ? 'Thank you. We got your report' : 'Your report'
        return sendPage(reply, 200, page({ title, body, siteName }))
      },
    )
  }
}
