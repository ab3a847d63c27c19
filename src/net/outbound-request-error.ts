import { AppError } from '../core/errors.js'

export type OutboundFailureReason =
  | 'blocked_address'
  | 'bad_url'
  | 'timeout'
  | 'too_large'
  | 'network'
  | 'too_many_redirects'

/**
 * An outbound HTTP request Vigil refused to make or could not finish. `reason` is stable and safe
 * to store (e.g. as a webhook attempt's error). Messages name an origin at most: never request
 * headers, bodies, paths or query strings, which can carry secrets.
 */
export class OutboundRequestError extends AppError {
  override name = 'OutboundRequestError'
  readonly reason: OutboundFailureReason

  constructor(reason: OutboundFailureReason, message: string, options: { cause?: unknown } = {}) {
    const code = reason === 'bad_url' || reason === 'blocked_address' ? 'invalid_input' : 'internal'
    super(code, message, { details: { reason }, cause: options.cause })
    this.reason = reason
  }
}

/** The error for a refused address; `host` is the name asked for, `address` what it resolved to. */
export function blockedAddressError(
  host: string,
  address: string,
  kind: string,
): OutboundRequestError {
  const target = host === address ? address : `${host} (${address})`
  return new OutboundRequestError(
    'blocked_address',
    `refused to connect to ${target}: it is a ${kind} address, and private and loopback addresses ` +
      'are blocked (set VIGIL_ALLOW_PRIVATE_NETWORK=true to allow them)',
  )
}
