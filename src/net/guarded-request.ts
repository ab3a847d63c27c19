import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  validateHeaderName,
  validateHeaderValue,
} from 'node:http'
import { request as httpsRequest } from 'node:https'
import { InvalidInputError } from '../core/errors.js'
import { assertFetchableUrl } from './address-policy.js'
import { createGuardedLookup, guardSocket } from './guarded-lookup.js'
import { OutboundRequestError } from './outbound-request-error.js'

export { assertFetchableUrl, isBlockedAddress } from './address-policy.js'
export { type OutboundFailureReason, OutboundRequestError } from './outbound-request-error.js'

export interface GuardOptions {
  /** Allow private, loopback and other non-public addresses (VIGIL_ALLOW_PRIVATE_NETWORK). */
  allowPrivate: boolean
  /** Limit for the whole exchange: every hop's connect, request and response body. */
  timeoutMs: number
  maxResponseBytes: number
  /** Redirects to follow, each re-checked; default 0 for POST and 3 for GET. */
  maxRedirects?: number
}

export interface GuardedRequestInit {
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string | Buffer
  signal?: AbortSignal
}

export interface GuardedResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
}

interface Hop {
  url: URL
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body: string | Buffer | undefined
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'cookie', 'proxy-authorization'])
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding'])

/**
 * The one way Vigil makes outbound HTTP(S) requests. Refuses non-http(s) URLs, credentials in
 * URLs and (unless `allowPrivate`) any host that is or resolves to a non-public address, on every
 * redirect hop. Rejects with `OutboundRequestError`, or with `init.signal`'s reason when the
 * caller aborts.
 */
export async function guardedRequest(
  url: string,
  init: GuardedRequestInit,
  options: GuardOptions,
): Promise<GuardedResponse> {
  const headers = init.headers ?? {}
  assertValidHeaders(headers)
  const first = assertFetchableUrl(url, options.allowPrivate)
  let hop: Hop = { url: first, method: init.method, headers, body: init.body }
  const maxRedirects = options.maxRedirects ?? (init.method === 'GET' ? 3 : 0)
  const deadline = startDeadline(first, options.timeoutMs, init.signal)
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await send(hop, options, deadline.signal)
      const location = REDIRECT_STATUSES.has(response.status)
        ? response.headers.location
        : undefined
      if (location === undefined) return response
      if (redirects >= maxRedirects) throw tooManyRedirects(hop, response.status, maxRedirects)
      hop = nextHop(hop, response.status, location, options.allowPrivate)
    }
  } finally {
    deadline.dispose()
  }
}

function assertValidHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    try {
      validateHeaderName(name)
    } catch {
      throw new InvalidInputError('a request header name is not a valid HTTP token')
    }
    try {
      validateHeaderValue(name, value)
    } catch {
      // @NOTE Node's own message quotes the value, which may be a secret; this one does not.
      throw new InvalidInputError(`request header "${name}" has an invalid value`, { header: name })
    }
  }
}

function startDeadline(url: URL, timeoutMs: number, outer: AbortSignal | undefined) {
  const controller = new AbortController()
  const message =
    `no complete response from ${url.origin} within ${timeoutMs} ms (the limit covers ` +
    'connecting, redirects and reading the body); check the endpoint is reachable and fast'
  const timer = setTimeout(
    () => controller.abort(new OutboundRequestError('timeout', message)),
    timeoutMs,
  )
  const onAbort = () => controller.abort(outer?.reason)
  if (outer?.aborted) onAbort()
  else outer?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onAbort)
    },
  }
}

function nextHop(hop: Hop, status: number, location: string, allowPrivate: boolean): Hop {
  let target: URL
  try {
    target = new URL(location, hop.url)
  } catch {
    throw new OutboundRequestError(
      'bad_url',
      `${hop.url.origin} redirected to an invalid Location; fix the endpoint or its URL`,
    )
  }
  const url = assertFetchableUrl(target.href, allowPrivate)
  const crossOrigin = url.origin !== hop.url.origin
  const keepMethod = status === 307 || status === 308 || hop.method === 'GET'
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(([name]) => {
      const lower = name.toLowerCase()
      if (crossOrigin && CROSS_ORIGIN_DROPPED.has(lower)) return false
      return keepMethod || !BODY_HEADERS.has(lower)
    }),
  )
  if (keepMethod) return { ...hop, url, headers }
  return { url, method: 'GET', headers, body: undefined }
}

function tooManyRedirects(hop: Hop, status: number, maxRedirects: number): OutboundRequestError {
  return new OutboundRequestError(
    'too_many_redirects',
    `${hop.url.origin} answered ${status} (a redirect) and the limit of ${maxRedirects} ` +
      `redirect(s) for ${hop.method} is reached; use the final URL instead`,
  )
}

function send(hop: Hop, options: GuardOptions, signal: AbortSignal): Promise<GuardedResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const request = hop.url.protocol === 'https:' ? httpsRequest : httpRequest
    const req = request(hop.url, {
      method: hop.method,
      headers: hop.headers,
      agent: false,
      lookup: createGuardedLookup(options.allowPrivate),
    })
    const settle = (error: unknown, response?: GuardedResponse) => {
      signal.removeEventListener('abort', onAbort)
      if (response) return resolve(response)
      req.destroy()
      reject(signal.aborted ? signal.reason : error)
    }
    const onAbort = () => settle(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    req.on('socket', (socket) => guardSocket(socket, options.allowPrivate))
    req.on('error', (error) => settle(networkError(hop.url, error)))
    req.on('response', (res) => {
      readResponse(res, hop.url, options.maxResponseBytes).then(
        (response) => settle(undefined, response),
        settle,
      )
    })
    req.end(hop.body)
  })
}

function readResponse(res: IncomingMessage, url: URL, limit: number): Promise<GuardedResponse> {
  return new Promise((resolve, reject) => {
    const status = res.statusCode ?? 0
    const headers = flattenHeaders(res.headers)
    if (REDIRECT_STATUSES.has(status) && headers.location !== undefined) {
      res.destroy()
      return resolve({ status, headers, body: Buffer.alloc(0) })
    }
    const tooLarge = () => {
      res.destroy()
      reject(
        new OutboundRequestError(
          'too_large',
          `response from ${url.origin} is larger than the ${limit}-byte limit; stopped reading`,
        ),
      )
    }
    if (Number(headers['content-length'] ?? 0) > limit) return tooLarge()
    const chunks: Buffer[] = []
    let size = 0
    res.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) return tooLarge()
      chunks.push(chunk)
    })
    res.on('end', () => resolve({ status, headers, body: Buffer.concat(chunks, size) }))
    res.on('error', (error) => reject(networkError(url, error)))
    res.on('close', () => {
      if (!res.complete) reject(networkError(url, new Error('connection closed mid-response')))
    })
  })
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

function networkError(url: URL, error: unknown): OutboundRequestError {
  if (error instanceof OutboundRequestError) return error
  const code = (error as NodeJS.ErrnoException).code
  const detail = code ?? (error instanceof Error ? error.message : String(error))
  return new OutboundRequestError(
    'network',
    `request to ${url.origin} failed (${detail}); check the host name, port and that it accepts connections`,
    { cause: error },
  )
}
