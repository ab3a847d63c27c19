import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { toAppError } from '../errors.js'
import { html, page } from './html.js'

/**
 * Headers for a public HTML page: a strict CSP (inline styles only, no scripts, forms post to
 * this site), no referrer (status links carry a token), and who may frame it.
 */
export function pageSecurityHeaders(frameAncestors: readonly string[] = ["'none'"]) {
  return {
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      "img-src 'self' data:",
      "form-action 'self'",
      "base-uri 'none'",
      `frame-ancestors ${frameAncestors.join(' ')}`,
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  }
}

/** Sends a whole HTML page with its status. */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body)
}

const FRIENDLY: Record<number, { title: string; text: string }> = {
  400: {
    title: 'Something in the form was wrong',
    text: 'Go back, check your answers and try again.',
  },
  404: { title: 'We could not find that page', text: 'Check that you copied the whole link.' },
  413: { title: 'That was too much to send', text: 'Make your answers shorter and try again.' },
  415: { title: 'We could not read that', text: 'Send the form from the page itself.' },
  429: { title: 'Please wait a little', text: 'You sent a lot in a short time. Try again later.' },
  500: {
    title: 'Sorry, something went wrong on our side',
    text: 'Please try again in a few minutes.',
  },
}

/** Errors on public pages become short HTML pages, not JSON; the status stays the same. */
export function installPageErrorHandler(app: FastifyInstance, siteName?: string): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error as FastifyError)
    const status =
      { invalid_input: 400, not_found: 404, payload_too_large: 413, rate_limited: 429 }[
        appError.code as string
      ] ?? (appError.code === 'unsupported_media_type' ? 415 : 500)
    if (status === 500) request.log.error({ err: error }, 'unhandled error on a public page')
    const words = FRIENDLY[status] ?? (FRIENDLY[500] as { title: string; text: string })
    const body = html`<p>${words.text}</p><p>If you need help, give us this code: ${request.id}</p>`
    return sendPage(reply, status, page({ title: words.title, body, siteName }))
  })
}
