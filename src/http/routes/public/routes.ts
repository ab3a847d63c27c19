import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { RateLimitedError } from '../../../core/errors.js'
import type { ReportInput } from '../../../core/report.js'
import type { Actor } from '../../../core/roles.js'
import { fileReport } from '../../../services/file-report.js'
import { type FormValues, formValues } from '../../pages/form-body.js'
import type { FormState } from '../../pages/form-fields.js'
import type { SafeHtml } from '../../pages/html.js'
import { PUBLIC_ROUTE, setUpPublicPages } from '../../pages/public-pages.js'
import { parseIntimateForm, renderIntimateForm } from './intimate-form.js'
import { parseReportForm, renderReportForm } from './report-form.js'
import { prefillValues, statusRoutes } from './status-routes.js'

/** Who files notices sent through the public page (no key; the reporter is in the notice). */
export const PUBLIC_PAGE_ACTOR: Actor = {
  id: 'public_page',
  role: 'system',
  name: 'Public report page',
}

interface ReportPage {
  path: string
  title: string
  render(state: FormState): SafeHtml
  parse(values: FormValues): { input?: ReportInput; errors: FormState['errors'] }
}

function reportPages(ctx: AppContext): ReportPage[] {
  return [
    {
      path: '/report',
      title: 'Report something',
      render: (state) => renderReportForm(ctx.taxonomy, state),
      parse: (values) => parseReportForm(ctx.taxonomy, values),
    },
    {
      path: '/report/intimate-image',
      title: 'Report a private picture or video shared without permission',
      render: renderIntimateForm,
      parse: parseIntimateForm,
    },
  ]
}

/**
 * The public report pages (no login, outside /v1): the report form, the intimate-image form
 * and the private status page. Plain HTML that works without JavaScript; forms post
 * application/x-www-form-urlencoded, which only this plugin parses. Embeddable in an iframe
 * from the sites in policy.reporting.page.frameAncestors.
 */
export function publicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const show = setUpPublicPages(app, ctx)
    for (const form of reportPages(ctx)) {
      const showForm = (reply: FastifyReply, status: number, state: FormState) =>
        show(reply, status, form.title, form.render(state), state.errors.length > 0)
      app.get(form.path, PUBLIC_ROUTE, (request, reply) =>
        showForm(reply, 200, { values: prefillValues(request.query), errors: [] }),
      )
      app.post(form.path, PUBLIC_ROUTE, (request, reply) =>
        submit(ctx, request, reply, form, showForm),
      )
    }
    await app.register(statusRoutes(ctx, show))
  }
}

async function submit(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  form: ReportPage,
  show: (reply: FastifyReply, status: number, state: FormState) => FastifyReply,
): Promise<FastifyReply> {
  const values = formValues(request.body)
  const parsed = form.parse(values)
  if (!parsed.input) return show(reply, 400, { values, errors: parsed.errors })
  try {
    const filed = await fileReport(ctx, PUBLIC_PAGE_ACTOR, parsed.input, {
      channel: 'public_page',
      address: request.ip,
    })
    const query = new URLSearchParams({ token: filed.statusToken ?? '', sent: '1' })
    return reply.redirect(`/report/status/${filed.body.reference}?${query}`, 303)
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60))
    reply.header('retry-after', String(error.retryAfterSeconds))
    const alert = `You have sent a lot of reports in a short time. Please wait about ${minutes} minute${minutes === 1 ? '' : 's'}, then press Send report again. Your answers are still here.`
    return show(reply, 429, { values, errors: [], alert })
  }
}
