import type { NcaReport } from '../../core/nca-report.js'
import { guardedRequest, OutboundRequestError } from '../../net/guarded-request.js'
import { CseaSendError, type NcaTransport } from './senders.js'

export interface HttpNcaTransportOptions {
  /** Where reports are posted (VIGIL_NCA_URL). */
  url: string
  /** Sent as `Authorization: Bearer <token>` (VIGIL_NCA_TOKEN); never logged. */
  token: string
  allowPrivate: boolean
  timeoutMs: number
}

const MAX_RESPONSE_BYTES = 64 * 1024
const RETRYABLE_STATUSES = new Set([408, 425, 429])

/**
 * Posts the report as JSON with a bearer token through the SSRF guard and expects
 * `{ "reference": "…" }` back. `Idempotency-Key` is the report's id, the same on every retry, so
 * a receiver can tell a retry after a lost answer from a new report. 4xx answers (but 408, 425
 * and 429) are permanent: the same report would be refused again.
 */
export function createHttpNcaTransport(options: HttpNcaTransportOptions): NcaTransport {
  return {
    async send(report: NcaReport) {
      const response = await post(options, report)
      if (response.status < 200 || response.status >= 300) {
        const permanent =
          response.status >= 400 &&
          response.status < 500 &&
          !RETRYABLE_STATUSES.has(response.status)
        throw new CseaSendError(
          `the NCA endpoint answered HTTP ${response.status}${errorText(response.body)}`,
          { permanent },
        )
      }
      return { reference: referenceOf(response.body) }
    },
  }
}

async function post(options: HttpNcaTransportOptions, report: NcaReport) {
  try {
    return await guardedRequest(
      options.url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': report.id,
          'user-agent': 'Vigil-NCA/1',
        },
        body: JSON.stringify(report),
      },
      {
        allowPrivate: options.allowPrivate,
        timeoutMs: options.timeoutMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      },
    )
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error
    const permanent = error.reason === 'bad_url' || error.reason === 'blocked_address'
    throw new CseaSendError(`the NCA endpoint could not be reached: ${error.message}`, {
      permanent,
      cause: error,
    })
  }
}

function referenceOf(body: Buffer): string {
  const parsed = parseJson(body)
  const reference = (parsed as { reference?: unknown } | undefined)?.reference
  if (typeof reference === 'string' && /^[\x21-\x7e][\x20-\x7e]{0,199}$/.test(reference)) {
    return reference.trim()
  }
  throw new CseaSendError('the NCA endpoint answered 2xx without a reference', { permanent: false })
}

/** The receiver's own message, if it sent one: short, printable, for the person who re-sends. */
function errorText(body: Buffer): string {
  const parsed = parseJson(body) as { error?: { message?: unknown }; message?: unknown } | undefined
  const message = parsed?.error?.message ?? parsed?.message
  if (typeof message !== 'string') return ''
  const clean = message.replace(/[^\x20-\x7e]/g, ' ').slice(0, 300)
  return `: ${clean}`
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}
