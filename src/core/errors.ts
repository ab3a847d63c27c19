export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'purpose_required'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal'

export type ErrorDetails = Record<string, unknown> | readonly unknown[]

export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly details: ErrorDetails | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetails; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.details = options.details
  }
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError'
  constructor(entity: string, id: string) {
    super('not_found', `${entity} ${id} was not found`, { details: { entity, id } })
  }
}

export class InvalidInputError extends AppError {
  override name = 'InvalidInputError'
  constructor(message: string, details?: ErrorDetails) {
    super('invalid_input', message, { details })
  }
}

export class ConflictError extends AppError {
  override name = 'ConflictError'
  constructor(message: string, details?: ErrorDetails) {
    super('conflict', message, { details })
  }
}

export class ForbiddenError extends AppError {
  override name = 'ForbiddenError'
  constructor(message: string, details?: ErrorDetails) {
    super('forbidden', message, { details })
  }
}

export class UnauthenticatedError extends AppError {
  override name = 'UnauthenticatedError'
  constructor(message: string) {
    super('unauthenticated', message)
  }
}

export class RateLimitedError extends AppError {
  override name = 'RateLimitedError'
  /** Whole seconds until the limit resets; sent as the Retry-After header. */
  readonly retryAfterSeconds: number
  constructor(message: string, retryAfterSeconds: number, details?: ErrorDetails) {
    super('rate_limited', message, { details: details ?? { retryAfterSeconds } })
    this.retryAfterSeconds = retryAfterSeconds
  }
}
