import { ExponentialBackoff, handleWhen, retry } from 'cockatiel'
import type { EuStatement } from '../../core/eu-sor.js'
import {
  type GuardedResponse,
  guardedRequest,
  OutboundRequestError,
} from '../../net/guarded-request.js'
import { EuSorError } from './eu-sor-error.js'

// @NOTE The EU DSA Transparency Database API as documented (resources/markdown/api-documentation.md
// in digital-services-act/transparency-database at 69e80a0) and as its code answers
// (StatementMultipleAPIController, GroupedSubmissionsService, PuidNotUniqueMultipleException):
// - POST /api/v1/statements {"statements": [1..100]} → 201 {"statements": [{…, puid, uuid, permalink}]}
// - 422 {"errors": {"statement_<i>": {"<field>": ["…"]}}}: statement i broke a rule; none created
// - 422 {"message", "errors": {"puid": ["…"], "existing_puids": ["…"]}}: puids already used; none created
// - 422 {"message", "errors": {"statements": ["…"]}}: the call itself is wrong (e.g. >100)
// - GET /api/v1/statement/existing-puid/{puid} → 302 found, 404 not found
// - 401 bad token; Authorization: Bearer <token>, JSON in and out.

export interface EuSorEndpoint {
  /** The database's address, e.g. https://transparency.dsa.ec.europa.eu (no /api/v1). */
  baseUrl: string
  token: string
  timeoutMs: number
  /** Retries of 5xx, 429, timeouts and network failures, with exponential backoff. */
  retries: number
  retryDelayMs: number
  allowPrivate: boolean
}

/** A rule the database says a statement broke. */
export interface ReportedProblem {
  field: string
  rule: string
  message: string
}

export type BatchAnswer =
  | { kind: 'created'; created: { puid: string; uuid: string | null; permalink: string | null }[] }
  | { kind: 'invalid'; byIndex: Map<number, ReportedProblem[]> }
  | { kind: 'duplicates'; puids: string[] }
  | { kind: 'refused'; message: string }

const MAX_RESPONSE_BYTES = 8 * 1024 * 1024

export class EuSorClient {
  readonly #endpoint: EuSorEndpoint
  readonly #origin: string

  constructor(endpoint: EuSorEndpoint) {
    this.#endpoint = endpoint
    this.#origin = new URL(endpoint.baseUrl).origin
  }

  /** Sends 1 to 100 statements in one call; the database creates all or none. */
  async postStatements(statements: readonly EuStatement[]): Promise<BatchAnswer> {
    const body = JSON.stringify({ statements })
    const res = await this.#call('POST', '/api/v1/statements', body)
    const json = parseJson(res)
    if (res.status === 201) return { kind: 'created', created: createdOf(json) }
    if (res.status === 422) return answerOf422(json)
    throw this.#unexpected(res)
  }

  /** Whether the database holds a statement of this platform with this puid. */
  async puidExists(puid: string): Promise<boolean> {
    const path = `/api/v1/statement/existing-puid/${encodeURIComponent(puid)}`
    const res = await this.#call('GET', path).catch((error: unknown) => {
      // @NOTE A 302 carrying a Location header is refused as a redirect; it still means found.
      if (error instanceof OutboundRequestError && error.reason === 'too_many_redirects') {
        return { status: 302, headers: {}, body: Buffer.alloc(0) }
      }
      throw error
    })
    if (res.status === 302) return true
    if (res.status === 404) return false
    throw this.#unexpected(res)
  }

  async #call(method: 'GET' | 'POST', path: string, body?: string): Promise<GuardedResponse> {
    const { retries, retryDelayMs } = this.#endpoint
    const policy = retry(handleWhen(isTransient), {
      maxAttempts: retries,
      backoff: new ExponentialBackoff({ initialDelay: retryDelayMs, maxDelay: retryDelayMs * 16 }),
    })
    try {
      return await policy.execute(() => this.#attempt(method, path, body))
    } catch (error) {
      if (error instanceof EuSorError) throw error
      const detail = (error as Error).message
      if (!isTransient(error as Error)) {
        throw new EuSorError('unexpected', `the EU Transparency Database: ${detail}`, {
          cause: error,
        })
      }
      const message = `the EU Transparency Database at ${this.#origin} gave no usable answer after ${retries + 1} attempt(s) (${detail}); statements stay pending and are sent again later`
      throw new EuSorError('unavailable', message, { cause: error })
    }
  }

  async #attempt(method: 'GET' | 'POST', path: string, body?: string): Promise<GuardedResponse> {
    const { token, timeoutMs, allowPrivate } = this.#endpoint
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'content-type': 'application/json',
    }
    const url = `${this.#endpoint.baseUrl.replace(/\/+$/, '')}${path}`
    const options = {
      allowPrivate,
      timeoutMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
      maxRedirects: 0,
    }
    const res = await guardedRequest(url, { method, headers, ...(body ? { body } : {}) }, options)
    if (res.status === 401) {
      throw new EuSorError(
        'credentials',
        `the EU Transparency Database at ${this.#origin} refused the API token (401): generate a ` +
          'new token in your profile there (each new token replaces the old one) and set VIGIL_EU_SOR_TOKEN',
      )
    }
    if (res.status === 403) {
      throw new EuSorError(
        'forbidden',
        `the EU Transparency Database at ${this.#origin} refused the request (403): the token's ` +
          'user may not create statements or belongs to no platform; ask your Digital Services Coordinator',
      )
    }
    if (res.status === 429 || res.status >= 500) {
      throw new TransientAnswer(`it answered ${res.status}`)
    }
    return res
  }

  #unexpected(res: GuardedResponse): EuSorError {
    return new EuSorError(
      'unexpected',
      `the EU Transparency Database at ${this.#origin} answered ${res.status}, which its API does ` +
        'not document for this call; check VIGIL_EU_SOR_URL (the address without /api/v1)',
    )
  }
}

class TransientAnswer extends Error {
  override name = 'TransientAnswer'
}

function isTransient(error: Error): boolean {
  if (error instanceof TransientAnswer) return true
  return (
    error instanceof OutboundRequestError &&
    (error.reason === 'timeout' || error.reason === 'network')
  )
}

function parseJson(res: GuardedResponse): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(res.body.toString('utf8'))
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function createdOf(json: Record<string, unknown>) {
  const list = Array.isArray(json.statements) ? (json.statements as Record<string, unknown>[]) : []
  return list.map((s) => ({
    puid: String(s.puid ?? ''),
    uuid: typeof s.uuid === 'string' ? s.uuid : null,
    permalink: typeof s.permalink === 'string' ? s.permalink : null,
  }))
}

function answerOf422(json: Record<string, unknown>): BatchAnswer {
  const errors = (json.errors ?? {}) as Record<string, unknown>
  if (Array.isArray(errors.existing_puids)) {
    return { kind: 'duplicates', puids: errors.existing_puids.map(String) }
  }
  const byIndex = new Map<number, ReportedProblem[]>()
  for (const [key, fields] of Object.entries(errors)) {
    const index = /^statement_(\d+)$/.exec(key)?.[1]
    if (index === undefined || typeof fields !== 'object' || fields === null) continue
    byIndex.set(Number(index), problemsOf(fields as Record<string, unknown>))
  }
  if (byIndex.size > 0) return { kind: 'invalid', byIndex }
  const messages = Object.values(errors).flat().map(String)
  const message = [json.message, ...messages].filter(Boolean).join('; ')
  return { kind: 'refused', message: message || 'the database refused the call (422)' }
}

function problemsOf(fields: Record<string, unknown>): ReportedProblem[] {
  return Object.entries(fields).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages]).map((message) => ({
      field,
      rule: 'eu_database',
      message: String(message),
    })),
  )
}
