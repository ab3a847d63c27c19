import { AppError, type ErrorCode } from '../../core/errors.js'

// @NOTE Response codes as listed in NCMEC's CyberTipline Reporting API documentation
// (https://report.cybertip.org/ispws/documentation; the list is not exhaustive, so unknown codes
// are kept as numbers). 0, 1000, 2000, 3100, 4100, 5001 and 5102 are confirmed by two
// independent readings of that page; the others come from one client library's transcription
// (github.com/Nachtalb/ncmec-cybertip, enums.py ResponseCode).
export const NCMEC_RESPONSE_CODES = {
  success: 0,
  serverError: 1000,
  saveFailed: 1100,
  uploadFailed: 1110,
  fileUploadFailed: 1111,
  resourceNotFound: 1210,
  updateFailed: 1300,
  authenticationRequired: 2000,
  notAuthorized: 3000,
  notAuthorizedForSubmissions: 3100,
  notAuthorizedForUpdates: 3300,
  invalidRequest: 4000,
  validationFailed: 4100,
  malformedXml: 4110,
  malformedFile: 4200,
  reportDoesNotExist: 5001,
  fileDoesNotExist: 5002,
  reportAlreadyRetracted: 5101,
  reportAlreadyFinished: 5102,
} as const

/** The API calls, for messages and for the step a failed report stopped at. */
export type NcmecStep = 'status' | 'submit' | 'upload' | 'fileinfo' | 'finish' | 'retract'

export type NcmecFailure =
  /** The API answered with a non-zero responseCode. */
  | 'response_code'
  /** HTTP 401 (or responseCode 2000): the username or password is wrong. */
  | 'credentials'
  /** HTTP 408, 429 or 5xx. */
  | 'unavailable'
  | 'timeout'
  | 'network'
  /** An answer that is not the API's XML, or lacks what the step needs. */
  | 'bad_response'
  /** The MD5 NCMEC computed for an upload differs from the bytes sent. */
  | 'hash_mismatch'
  /** Refused before sending: the endpoint or a header is not acceptable. */
  | 'misconfigured'

const TRANSIENT: ReadonlySet<NcmecFailure> = new Set(['unavailable', 'timeout', 'network'])

/**
 * A CyberTipline API call that failed. Messages name the step and NCMEC's code and description
 * (cut to 200 characters), never credentials or report content we sent.
 */
export class NcmecError extends AppError {
  override name = 'NcmecError'
  readonly reason: NcmecFailure
  readonly step: NcmecStep
  /** NCMEC's responseCode, when it gave one. */
  readonly responseCode: number | undefined
  readonly description: string | undefined
  /** Worth retrying: 5xx, timeouts, broken connections and NCMEC's server error (1000). */
  readonly transient: boolean

  constructor(
    step: NcmecStep,
    reason: NcmecFailure,
    message: string,
    options: { responseCode?: number; description?: string; cause?: unknown } = {},
  ) {
    const { responseCode, description, cause } = options
    super(errorCode(responseCode), message, { details: { step, reason, responseCode }, cause })
    this.reason = reason
    this.step = step
    this.responseCode = responseCode
    this.description = description
    this.transient = TRANSIENT.has(reason) || responseCode === NCMEC_RESPONSE_CODES.serverError
  }
}

/** 4xxx: NCMEC refused what we sent; 5xxx: the report is not in a state for this step. */
function errorCode(responseCode: number | undefined): ErrorCode {
  if (responseCode === undefined) return 'internal'
  if (responseCode >= 4000 && responseCode < 5000) return 'invalid_input'
  if (responseCode >= 5000 && responseCode < 6000) return 'conflict'
  return 'internal'
}

/** The error for a non-zero responseCode. */
export function responseCodeError(
  step: NcmecStep,
  responseCode: number,
  description: string | undefined,
): NcmecError {
  const said = description ? `: ${description.slice(0, 200)}` : ''
  if (responseCode === NCMEC_RESPONSE_CODES.authenticationRequired) {
    return credentialsError(step, responseCode)
  }
  return new NcmecError(
    step,
    'response_code',
    `NCMEC ${step} failed with code ${responseCode}${said}`,
    {
      responseCode,
      ...(description ? { description: description.slice(0, 200) } : {}),
    },
  )
}

export function credentialsError(step: NcmecStep, responseCode?: number): NcmecError {
  return new NcmecError(
    step,
    'credentials',
    `NCMEC refused the credentials at ${step}: check VIGIL_NCMEC_USERNAME and ` +
      'VIGIL_NCMEC_PASSWORD, and that they belong to this environment (test and production ' +
      'credentials differ)',
    responseCode === undefined ? {} : { responseCode },
  )
}

/** True for failures worth retrying. */
export function isTransientNcmecError(error: unknown): boolean {
  return error instanceof NcmecError && error.transient
}

/** A report that could not be sent whole; retracted when it got as far as a report id. */
export class NcmecSendError extends AppError {
  override name = 'NcmecSendError'
  readonly step: NcmecStep
  readonly reportId: string | undefined
  readonly retracted: boolean

  constructor(
    step: NcmecStep,
    message: string,
    options: { reportId?: string; retracted: boolean; cause: unknown },
  ) {
    const { reportId, retracted, cause } = options
    const code = cause instanceof AppError ? cause.code : 'internal'
    super(code, message, { details: { step, reportId, retracted }, cause })
    this.step = step
    this.reportId = reportId
    this.retracted = retracted
  }
}
