import { AppError } from '../../core/errors.js'

/**
 * Why a classifier call failed. Stable and safe to store: messages name the classifier and at
 * most an endpoint's origin, never API keys, request bodies or the text being classified.
 */
export type ClassifierFailure =
  /** 401 or 403: the API key is missing, wrong or lacks access. */
  | 'unauthorised'
  /** Another 4xx: the provider refused this request (e.g. the input is too long). */
  | 'rejected'
  /** 429. */
  | 'rate_limited'
  /** 408 or 5xx. */
  | 'unavailable'
  /** No complete answer within the time limit. */
  | 'timeout'
  /** Could not connect, or the connection broke. */
  | 'network'
  /** An answer that does not follow the provider's API. */
  | 'bad_response'
  /** The endpoint is misconfigured or refused by the outbound policy (a private address, …). */
  | 'misconfigured'
  /** The caller (the detection deadline) aborted the call. */
  | 'cancelled'
  /** The circuit breaker is open: the classifier failed repeatedly and is not being called. */
  | 'circuit_open'

const TRANSIENT: ReadonlySet<ClassifierFailure> = new Set([
  'rate_limited',
  'unavailable',
  'timeout',
  'network',
])

/** A classifier call that failed; `transient` failures are worth retrying. */
export class ClassifierError extends AppError {
  override name = 'ClassifierError'
  readonly reason: ClassifierFailure
  readonly transient: boolean
  /** From a 429's or 503's `retry-after` header. */
  readonly retryAfterMs: number | undefined

  constructor(
    reason: ClassifierFailure,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    const code = reason === 'rate_limited' ? 'rate_limited' : 'internal'
    super(code, message, { details: { reason }, cause: options.cause })
    this.reason = reason
    this.transient = TRANSIENT.has(reason)
    this.retryAfterMs = options.retryAfterMs
  }
}

/** True for failures worth retrying: rate limits, 5xx, timeouts and broken connections. */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof ClassifierError && error.transient
}

/** The error for a call the caller aborted. */
export function cancelledError(classifier: string): ClassifierError {
  return new ClassifierError('cancelled', `${classifier} was cancelled (the detection deadline)`)
}
