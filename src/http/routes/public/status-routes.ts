import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { appealClosesAt } from '../../../core/appeal.js'
import { getReportStatusByToken } from '../../../services/report-status.js'
import { type FormValues, textParam } from '../../pages/form-body.js'
import { PUBLIC_ROUTE, pageOrigin, type ShowPage } from '../../pages/public-pages.js'
import { asKind, asSubjectId, asSurface } from './report-fields.js'
import { renderNotFound, renderStatusPage } from './status-page.js'

const REFERENCE = /^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/

/**
 * What the platform's report button may pass: `subject` (its id for the content), `kind`,
 * `surface`, `url` and `reason` (a harm id). Anything unusable is left out, not refused.
 */
export function prefillValues(query: unknown): FormValues {
  const values: FormValues = { followUp: 'yes' }
  const subject = asSubjectId(textParam(query, 'subject'))
  const kind = asKind(textParam(query, 'kind'))
  const surface = asSurface(textParam(query, 'surface'))
  const url = textParam(query, 'url')?.trim()
  const reason = textParam(query, 'reason')
  if (subject) values.subject = subject
  if (kind) values.kind = kind
  if (surface) values.surface = surface
  if (url && url.length <= 2000) values.urls = url
  if (reason && reason.length <= 120) values.reason = reason
  return values
}

/** GET /report/status/:reference?token=…: the reporter's private status page. */
export function statusRoutes(ctx: AppContext, show: ShowPage): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/report/status/:reference', PUBLIC_ROUTE, async (request, reply) => {
      reply.header('cache-control', 'no-store')
      reply.header('x-robots-tag', 'noindex')
      const reference = (request.params as { reference: string }).reference
      const token = textParam(request.query, 'token') ?? ''
      const view = REFERENCE.test(reference)
        ? await getReportStatusByToken(ctx, reference, token)
        : undefined
      if (!view) return show(reply, 404, 'We could not find that report', renderNotFound())
      const justSent = textParam(request.query, 'sent') === '1'
      const tokenQuery = new URLSearchParams({ token })
      const appealQuery = new URLSearchParams({ report: reference, token })
      const outcomeAt = view.report.outcomeAt
      const body = renderStatusPage({
        view,
        statusUrl: `${pageOrigin(ctx, request)}/report/status/${reference}?${tokenQuery}`,
        appealUrl: `/appeal/new?${appealQuery}`,
        appealByDate: outcomeAt
          ? appealClosesAt(outcomeAt, ctx.policy.appeals.windowDays)
          : undefined,
        justSent,
      })
      const title = justSent ? 'Thank you. We got your report' : 'Your report'
      return show(reply, 200, title, body)
    })
  }
}
