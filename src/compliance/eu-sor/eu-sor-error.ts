import { AppError } from '../../core/errors.js'

export type EuSorFailure =
  /** 401: the token is wrong, expired or replaced by a newer one. */
  | 'credentials'
  /** 403: the token's user may not create statements, or has no platform. */
  | 'forbidden'
  /** 5xx, 429, timeouts and network failures, after the retries. */
  | 'unavailable'
  /** Anything else the API is not documented to answer (e.g. 404: a wrong URL). */
  | 'unexpected'
  /** Vigil has no endpoint or token configured. */
  | 'not_configured'

/**
 * The EU Transparency Database could not be used. Messages name the database's origin at most,
 * never the token.
 */
export class EuSorError extends AppError {
  override name = 'EuSorError'
  readonly reason: EuSorFailure

  constructor(reason: EuSorFailure, message: string, options: { cause?: unknown } = {}) {
    super(reason === 'not_configured' ? 'invalid_input' : 'internal', message, {
      details: { reason },
      cause: options.cause,
    })
    this.reason = reason
  }
}

export function notConfiguredError(): EuSorError {
  return new EuSorError(
    'not_configured',
    'the EU Transparency Database is not configured: set VIGIL_EU_SOR_URL (the database’s ' +
      'address, sandbox or production) and VIGIL_EU_SOR_TOKEN (the API token from your profile there)',
  )
}
