import { z } from 'zod'
import { InvalidInputError } from '../../core/errors.js'
import {
  type GuardedResponse,
  guardedRequest,
  OutboundRequestError,
} from '../../net/guarded-request.js'
import { ClassifierError, cancelledError } from './classifier-error.js'

/** How an adapter reaches its provider; every request goes through `guardedRequest`. */
export interface ProviderHttpOptions {
  /** Allow private and loopback addresses (VIGIL_ALLOW_PRIVATE_NETWORK); default false. */
  allowPrivate?: boolean
  /** For the whole exchange; default 10 000 ms. The resilience layer may impose a shorter one. */
  timeoutMs?: number
  /** Default 256 KiB. */
  maxResponseBytes?: number
}

/** Just the HTTP options out of an adapter's options. */
export function providerHttpOptions(options: ProviderHttpOptions): ProviderHttpOptions {
  return {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
  }
}

export interface ProviderRequest<T> {
  /** The classifier's name, for messages. */
  classifier: string
  /** The API the answer must follow, for messages, e.g. `the moderation API`. */
  api: string
  /** The shape of a good answer. */
  answer: z.ZodType<T>
  url: string
  body: unknown
  headers: Record<string, string>
  signal: AbortSignal
}

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * `{base}{path}` with trailing slashes dropped, and a trailing `/v1` too, since OpenAI-compatible
 * servers are often configured as `http://host:8000/v1`.
 */
export function endpointUrl(baseUrl: string, path: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/, '')
  return `${base}${path}`
}

/**
 * POSTs JSON and returns the answer of a 2xx, checked against `request.answer`; anything else
 * (a status, no JSON, another shape) is a ClassifierError.
 */
export async function postJson<T>(
  request: ProviderRequest<T>,
  options: ProviderHttpOptions,
): Promise<T> {
  const answer = await postForJson(request, options)
  const parsed = request.answer.safeParse(answer)
  if (parsed.success) return parsed.data
  throw new ClassifierError(
    'bad_response',
    `${request.classifier} answered with a body that does not follow ${request.api}: ` +
      z.prettifyError(parsed.error),
  )
}

async function postForJson(
  request: ProviderRequest<unknown>,
  options: ProviderHttpOptions,
): Promise<unknown> {
  const { classifier, url, body, headers, signal } = request
  let response: GuardedResponse
  try {
    response = await guardedRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(body),
        signal,
      },
      {
        allowPrivate: options.allowPrivate ?? false,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      },
    )
  } catch (error) {
    throw signal.aborted ? cancelledError(classifier) : outboundFailure(classifier, error)
  }
  if (response.status < 200 || response.status > 299) throw statusError(classifier, response)
  try {
    return JSON.parse(response.body.toString('utf8'))
  } catch (error) {
    throw new ClassifierError(
      'bad_response',
      `${classifier} answered ${response.status} with a body that is not JSON`,
      {
        cause: error,
      },
    )
  }
}

function outboundFailure(classifier: string, error: unknown): ClassifierError {
  if (!(error instanceof OutboundRequestError)) {
    // @NOTE guardedRequest's own messages never quote header values, so the API key stays out.
    const detail = error instanceof Error ? error.message : String(error)
    const reason = error instanceof InvalidInputError ? 'misconfigured' : 'network'
    return new ClassifierError(reason, `${classifier} request failed: ${detail}`, { cause: error })
  }
  const reason =
    error.reason === 'timeout' || error.reason === 'network'
      ? error.reason
      : error.reason === 'too_large'
        ? 'bad_response'
        : 'misconfigured'
  return new ClassifierError(reason, `${classifier}: ${error.message}`, { cause: error })
}

/** Maps an HTTP status onto a failure, with the provider's error code when it gives a safe one. */
export function statusError(classifier: string, response: GuardedResponse): ClassifierError {
  const { status } = response
  const code = providerErrorCode(response.body)
  const said = `${classifier} answered HTTP ${status}${code ? ` (${code})` : ''}`
  if (status === 401 || status === 403) {
    return new ClassifierError('unauthorised', `${said}: check its API key and access to the model`)
  }
  if (status === 429 || status === 503 || status === 408 || status >= 500) {
    const reason = status === 429 ? 'rate_limited' : 'unavailable'
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'])
    return new ClassifierError(reason, `${said}; worth retrying later`, { retryAfterMs })
  }
  if (status >= 400) {
    return new ClassifierError('rejected', `${said}: the provider refused this request`)
  }
  return new ClassifierError('bad_response', `${said}, which is not an answer`)
}

/**
 * The `code` or `type` of an OpenAI-style error body `{ error: { message, type, code } }`, when it
 * is a plain identifier. The `message` is never used: OpenAI's 401 message quotes the API key.
 */
export function providerErrorCode(body: Buffer): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
  const error = (parsed as { error?: { code?: unknown; type?: unknown } } | null)?.error
  for (const value of [error?.code, error?.type]) {
    if (typeof value === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(value)) return value
  }
  return undefined
}

/** `retry-after` as delta-seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const trimmed = value.trim()
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now
  if (!Number.isFinite(ms)) return undefined
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)))
}
