import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.js'
import { publicBaseUrl } from '../../services/public-links.js'
import { installFormParser } from './form-body.js'
import { page, type SafeHtml } from './html.js'
import { installPageErrorHandler, pageSecurityHeaders, sendPage } from './page-reply.js'

/** The options of every public page's route: no key, and left out of the API document. */
export const PUBLIC_ROUTE = { config: { roles: 'public' as const }, schema: { hide: true } }

/** Sends a whole public page; `hasErrors` marks a form sent back with its problems. */
export type ShowPage = (
  reply: FastifyReply,
  status: number,
  title: string,
  body: SafeHtml,
  hasErrors?: boolean,
) => FastifyReply

/**
 * What every plugin of public pages sets up: form bodies, errors as HTML pages, and the security
 * headers (with `extraHeaders`) on every answer. Returns the function that sends a page.
 */
export function setUpPublicPages(
  app: FastifyInstance,
  ctx: AppContext,
  extraHeaders: Record<string, string> = {},
): ShowPage {
  const { serviceName: siteName, frameAncestors } = ctx.policy.reporting.page
  const headers = { ...pageSecurityHeaders(frameAncestors), ...extraHeaders }
  installFormParser(app)
  installPageErrorHandler(app, siteName)
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers)
    return payload
  })
  return (reply, status, title, body, hasErrors = false) =>
    sendPage(reply, status, page({ title, body, siteName, hasErrors }))
}

/** Where Vigil's pages are reached: the policy's public URL, else this request's own origin. */
export function pageOrigin(ctx: AppContext, request: FastifyRequest): string {
  return publicBaseUrl(ctx.policy) ?? `${request.protocol}://${request.host}`
}
