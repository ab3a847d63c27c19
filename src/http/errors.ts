import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, type ErrorCode, RateLimitedError } from '../core/errors.js'

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  purpose_required: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string }
}

/** The one place errors become responses: `{ error: { code, message, details?, requestId } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error as FastifyError)
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error')
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details !== undefined ? { details: appError.details } : {}),
        requestId: request.id,
      },
    }
    if (appError instanceof RateLimitedError) {
      reply.header('retry-after', String(appError.retryAfterSeconds))
    }
    return reply.status(STATUS[appError.code]).send(body)
  })
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        code: 'not_found',
        message: `no route for ${request.method} ${request.url.split('?')[0]}; see /docs`,
        requestId: request.id,
      },
    }
    return reply.status(404).send(body)
  })
}

export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      field: [error.validationContext ?? 'body', ...v.instancePath.split('/').filter(Boolean)].join(
        '.',
      ),
      message: v.message ?? 'is invalid',
    }))
    const first = details[0]
    const summary = first ? `${first.field}: ${first.message}` : 'the request is invalid'
    const more = details.length > 1 ? ` (and ${details.length - 1} more problem(s))` : ''
    return new AppError('invalid_input', `${summary}${more}`, { details })
  }
  return fromFastifyCode(error)
}

function fromFastifyCode(error: FastifyError): AppError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_input', `the body is not valid JSON: ${error.message}`)
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        'payload_too_large',
        'the body is larger than the configured limit (VIGIL_BODY_LIMIT_BYTES)',
      )
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'send the body as application/json')
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalid_input', 'the Content-Length header does not match the body')
  }
  if (error.statusCode === 429) return new AppError('rate_limited', error.message)
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('invalid_input', error.message)
  }
  return new AppError(
    'internal',
    'something went wrong on our side; the request id identifies it in the logs',
    {
      cause: error,
    },
  )
}
