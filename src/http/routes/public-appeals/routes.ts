import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { APPEAL_REFERENCE_PATTERN } from '../../../core/appeal.js'
import { AppError } from '../../../core/errors.js'
import type { Actor } from '../../../core/roles.js'
import { fileAppeal } from '../../../services/file-appeal.js'
import {
  type AppealPageState,
  appealPageState,
  appealStatusView,
  filingFromPage,
} from '../../../services/public-appeal.js'
import { formValues, textParam } from '../../pages/form-body.js'
import type { FormState } from '../../pages/form-fields.js'
import {
  PUBLIC_ROUTE,
  pageOrigin,
  type ShowPage,
  setUpPublicPages,
} from '../../pages/public-pages.js'
import { linkFrom, parseAppealForm, renderAppealForm } from './appeal-form.js'
import {
  renderAlreadyAppealed,
  renderAppealEntry,
  renderAppealStatus,
  renderLinkNotFound,
  renderNotDecidedYet,
  renderRefusal,
  renderWindowClosed,
} from './appeal-pages.js'

/** Who files appeals sent through the public page (no key; the token proves the appellant). */
export const PUBLIC_APPEAL_ACTOR: Actor = {
  id: 'public_appeal_page',
  role: 'system',
  name: 'Public appeal page',
}

const TITLE = 'Ask us to look again'

/**
 * The public appeal pages (no login, outside /v1): the appeal form reached with a reporter's
 * status token or an author's appeal token, and the private status page. Plain HTML, no
 * scripts; bad answers are shown again with a message beside each and nothing is stored.
 */
export function publicAppealRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const show = setUpPublicPages(app, ctx, {
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    })
    app.get('/appeal', PUBLIC_ROUTE, (_request, reply) =>
      show(reply, 200, TITLE, renderAppealEntry()),
    )
    app.get('/appeal/new', PUBLIC_ROUTE, async (request, reply) => {
      const state = await stateOrPage(ctx, request.query, reply, show)
      if (!state) return reply
      const blank: FormState = { values: { followUp: 'yes' }, errors: [] }
      return show(reply, 200, TITLE, renderAppealForm(state, blank))
    })
    app.post('/appeal/new', PUBLIC_ROUTE, (request, reply) => post(ctx, request, reply, show))
    app.get('/appeal/status/:reference', PUBLIC_ROUTE, async (request, reply) =>
      statusPage(ctx, request, reply, show),
    )
  }
}

/** The page state for the link, or undefined after sending the page that says why there is none. */
async function stateOrPage(
  ctx: AppContext,
  values: unknown,
  reply: FastifyReply,
  show: ShowPage,
): Promise<AppealPageState | undefined> {
  const link = linkFrom(values as Record<string, unknown> | undefined)
  const state = link ? await appealPageState(ctx, link) : 'not_found'
  if (state === 'not_found') {
    show(reply, 404, 'We could not find that appeal link', renderLinkNotFound())
  } else if (state === 'not_decided') {
    show(reply, 409, 'We have not decided on your report yet', renderNotDecidedYet())
  } else if (!state.open) {
    show(
      reply,
      409,
      'The time to ask us to look again has ended',
      renderWindowClosed(state.closesAt),
    )
  } else if (state.earlier) {
    show(
      reply,
      409,
      'You have already asked us to look again',
      renderAlreadyAppealed(state.earlier),
    )
  } else {
    return state
  }
  return undefined
}

/** A sent form: shown again with its problems (nothing stored), or filed and acknowledged. */
async function post(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  show: ShowPage,
): Promise<FastifyReply> {
  const values = formValues(request.body)
  const state = await stateOrPage(ctx, values, reply, show)
  if (!state) return reply
  const parsed = parseAppealForm(values)
  if (!parsed.answers) {
    const form: FormState = { values, errors: parsed.errors }
    return show(reply, 400, TITLE, renderAppealForm(state, form), true)
  }
  return submit(ctx, reply, state, parsed.answers, show)
}

async function submit(
  ctx: AppContext,
  reply: FastifyReply,
  state: AppealPageState,
  answers: Parameters<typeof filingFromPage>[1],
  show: ShowPage,
): Promise<FastifyReply> {
  try {
    const { body: receipt } = await fileAppeal(
      ctx,
      PUBLIC_APPEAL_ACTOR,
      filingFromPage(state, answers),
    )
    const query = new URLSearchParams({ token: receipt.statusToken, sent: '1' })
    return reply.redirect(`/appeal/status/${receipt.reference}?${query}`, 303)
  } catch (error) {
    if (!(error instanceof AppError) || !['conflict', 'forbidden'].includes(error.code)) throw error
    const status = error.code === 'conflict' ? 409 : 403
    return show(reply, status, 'We could not take your appeal', renderRefusal(error.message), true)
  }
}

async function statusPage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  show: ShowPage,
): Promise<FastifyReply> {
  const reference = (request.params as { reference: string }).reference
  const token = textParam(request.query, 'token')
  const view = APPEAL_REFERENCE_PATTERN.test(reference)
    ? await appealStatusView(ctx.db, reference, token)
    : undefined
  if (!view) return show(reply, 404, 'We could not find that appeal', renderLinkNotFound())
  const statusUrl = `${pageOrigin(ctx, request)}/appeal/status/${reference}?${new URLSearchParams({ token: token ?? '' })}`
  const justSent = textParam(request.query, 'sent') === '1'
  const title = justSent ? 'Thank you. We got your appeal' : 'Your appeal'
  return show(reply, 200, title, renderAppealStatus({ ...view, statusUrl, justSent }))
}
