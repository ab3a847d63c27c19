import { createHash } from 'node:crypto'
import { ExponentialBackoff, handleWhen, type RetryPolicy, retry } from 'cockatiel'
import { InvalidInputError } from '../../core/errors.js'
import { ncmecEndpointProblem } from '../../core/ncmec-report.js'
import {
  type GuardedResponse,
  guardedRequest,
  OutboundRequestError,
} from '../../net/guarded-request.js'
import { multipartBody } from './multipart.js'
import {
  credentialsError,
  isTransientNcmecError,
  NcmecError,
  type NcmecStep,
  responseCodeError,
} from './ncmec-error.js'
import { type NcmecResponse, parseNcmecResponse } from './report-xml.js'

// @NOTE The contract: NCMEC's CyberTipline Reporting API documentation
// (https://report.cybertip.org/ispws/documentation), summarised in shared
// research/regulation.md §7. HTTP Basic credentials issued by NCMEC; GET /status; POST /submit
// and /fileinfo with `text/xml; charset=utf-8`; POST /upload as multipart/form-data with the
// fields `id` (the report id) and `file`; POST /finish and /retract with the form field `id`.
// Every answer is XML: `<reportResponse>` (`<reportDoneResponse>` from /finish) whose
// `responseCode` is 0 on success.

export interface NcmecClientOptions {
  /** `https://report.cybertip.org/ispws` (production) or `https://exttest.cybertip.org/ispws`. */
  baseUrl: string
  username: string
  password: string
  /** Allow private and loopback addresses (VIGIL_ALLOW_PRIVATE_NETWORK). */
  allowPrivate: boolean
  /** For each request, upload included; default 60 000 ms. */
  timeoutMs?: number
  /** Retries of transient failures (5xx, timeouts, broken connections); default 3. */
  maxRetries?: number
  /** The first retry's delay, growing exponentially with jitter; default 500 ms. */
  retryDelayMs?: number
  /** Default 10 000 ms. */
  maxRetryDelayMs?: number
}

export interface NcmecUpload {
  fileId: string
  /** The MD5 NCMEC computed, checked against the bytes sent. */
  md5: string
}

export interface NcmecFinished {
  reportId: string
  fileIds: string[]
}

interface Call {
  step: NcmecStep
  method: 'GET' | 'POST'
  path: string
  contentType?: string
  body?: string | Buffer
}

const XML = 'text/xml; charset=utf-8'
const FORM = 'application/x-www-form-urlencoded'
const MAX_RESPONSE_BYTES = 64 * 1024
const REPORT_ID = /^\d{1,18}$/

/** A client of the CyberTipline Reporting API; every request goes through `guardedRequest`. */
export class NcmecClient {
  readonly baseUrl: string
  readonly #authorization: string
  readonly #allowPrivate: boolean
  readonly #timeoutMs: number
  readonly #retry: RetryPolicy

  constructor(options: NcmecClientOptions) {
    const problem = ncmecEndpointProblem(options.baseUrl)
    if (problem) throw new InvalidInputError(`the NCMEC base URL ${problem}`)
    if (options.username === '' || options.username.includes(':')) {
      throw new InvalidInputError('the NCMEC username must be non-empty and contain no colon')
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    const pair = Buffer.from(`${options.username}:${options.password}`, 'utf8')
    this.#authorization = `Basic ${pair.toString('base64')}`
    this.#allowPrivate = options.allowPrivate
    this.#timeoutMs = options.timeoutMs ?? 60_000
    this.#retry = retry(handleWhen(isTransientNcmecError), {
      maxAttempts: options.maxRetries ?? 3,
      backoff: new ExponentialBackoff({
        initialDelay: options.retryDelayMs ?? 500,
        maxDelay: options.maxRetryDelayMs ?? 10_000,
      }),
    })
  }

  /** Checks the endpoint and the credentials; NCMEC's description names the remote user. */
  async status(): Promise<string> {
    const answer = await this.#call({ step: 'status', method: 'GET', path: '/status' })
    return answer.responseDescription ?? ''
  }

  /** Opens a report; returns NCMEC's report id. */
  async submit(reportXml: string): Promise<string> {
    const answer = await this.#call({
      step: 'submit',
      method: 'POST',
      path: '/submit',
      contentType: XML,
      body: reportXml,
    })
    if (answer.reportId && REPORT_ID.test(answer.reportId)) return answer.reportId
    throw new NcmecError(
      'submit',
      'bad_response',
      'NCMEC accepted the report but sent no report id',
    )
  }

  /** Adds a file to an open report, and checks NCMEC received exactly these bytes. */
  async upload(
    reportId: string,
    file: { fileName: string; bytes: Uint8Array },
  ): Promise<NcmecUpload> {
    assertReportId(reportId)
    const form = multipartBody({ id: reportId }, { field: 'file', ...file })
    const answer = await this.#call({
      step: 'upload',
      method: 'POST',
      path: '/upload',
      contentType: form.contentType,
      body: form.body,
    })
    if (!answer.fileId || !answer.hash) {
      throw new NcmecError(
        'upload',
        'bad_response',
        'NCMEC answered the upload without a file id or MD5',
      )
    }
    const md5 = createHash('md5').update(file.bytes).digest('hex')
    if (answer.hash.toLowerCase() !== md5) {
      throw new NcmecError(
        'upload',
        'hash_mismatch',
        `NCMEC received different bytes for file ${answer.fileId} of report ${reportId} ` +
          `(MD5 ${answer.hash.toLowerCase()}, sent ${md5})`,
      )
    }
    return { fileId: answer.fileId, md5 }
  }

  /** Sends the `<fileDetails>` of an uploaded file (build it with buildFileDetailsXml). */
  async fileInfo(reportId: string, fileId: string, fileDetailsXml: string): Promise<void> {
    assertReportId(reportId)
    if (fileId === '') throw new InvalidInputError('a file id is required for NCMEC fileinfo')
    await this.#call({
      step: 'fileinfo',
      method: 'POST',
      path: '/fileinfo',
      contentType: XML,
      body: fileDetailsXml,
    })
  }

  /** Files the report with NCMEC; after this it can no longer be changed or retracted. */
  async finish(reportId: string): Promise<NcmecFinished> {
    const answer = await this.#form('finish', reportId)
    return { reportId: answer.reportId ?? reportId, fileIds: answer.fileIds }
  }

  /** Cancels a report that is not finished. */
  async retract(reportId: string): Promise<void> {
    await this.#form('retract', reportId)
  }

  #form(step: 'finish' | 'retract', reportId: string): Promise<NcmecResponse> {
    assertReportId(reportId)
    const body = new URLSearchParams({ id: reportId }).toString()
    return this.#call({ step, method: 'POST', path: `/${step}`, contentType: FORM, body })
  }

  #call(call: Call): Promise<NcmecResponse> {
    return this.#retry.execute(() => this.#once(call))
  }

  async #once(call: Call): Promise<NcmecResponse> {
    const headers: Record<string, string> = {
      authorization: this.#authorization,
      accept: 'text/xml, application/xml',
      'user-agent': 'Vigil-NCMEC/1',
      ...(call.contentType ? { 'content-type': call.contentType } : {}),
    }
    let response: GuardedResponse
    try {
      response = await guardedRequest(
        `${this.baseUrl}${call.path}`,
        { method: call.method, headers, ...(call.body === undefined ? {} : { body: call.body }) },
        {
          allowPrivate: this.#allowPrivate,
          timeoutMs: this.#timeoutMs,
          maxResponseBytes: MAX_RESPONSE_BYTES,
        },
      )
    } catch (error) {
      throw outboundFailure(call.step, error)
    }
    return readAnswer(call.step, response)
  }
}

/** The answer of a 2xx with responseCode 0; anything else as an NcmecError. */
function readAnswer(step: NcmecStep, response: GuardedResponse): NcmecResponse {
  const { status } = response
  if (status === 401 || status === 403) throw credentialsError(step)
  const answer = parseNcmecResponse(response.body.toString('utf8'))
  if (status === 408 || status === 429 || status >= 500) {
    const code = answer ? ` (code ${answer.responseCode})` : ''
    throw new NcmecError(
      step,
      'unavailable',
      `NCMEC answered ${step} with HTTP ${status}${code}; worth retrying later`,
      {
        ...(answer ? { responseCode: answer.responseCode } : {}),
      },
    )
  }
  if (answer && answer.responseCode !== 0) {
    throw responseCodeError(step, answer.responseCode, answer.responseDescription)
  }
  if (!answer || status < 200 || status > 299) {
    throw new NcmecError(
      step,
      'bad_response',
      `NCMEC answered ${step} with HTTP ${status} and ${answer ? 'code 0' : 'no CyberTipline response XML'}`,
    )
  }
  return answer
}

function outboundFailure(step: NcmecStep, error: unknown): NcmecError {
  // @NOTE guardedRequest's messages name an origin at most, never headers: no credentials.
  const message = `NCMEC ${step} request failed: ${error instanceof Error ? error.message : String(error)}`
  if (!(error instanceof OutboundRequestError)) {
    return new NcmecError(step, 'misconfigured', message, { cause: error })
  }
  const reason =
    error.reason === 'timeout' || error.reason === 'network'
      ? error.reason
      : error.reason === 'too_large'
        ? 'bad_response'
        : 'misconfigured'
  return new NcmecError(step, reason, message, { cause: error })
}

function assertReportId(reportId: string): void {
  if (!REPORT_ID.test(reportId)) {
    throw new InvalidInputError('an NCMEC report id is a number of up to 18 digits', { reportId })
  }
}
