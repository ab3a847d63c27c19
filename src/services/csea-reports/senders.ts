import type { NcaReport } from '../../core/nca-report.js'
import type { NcmecClient } from '../ncmec/client.js'
import type { ServiceContext } from '../service-context.js'

/**
 * How a report reaches the NCA. The NCA's API contract is not public, so this is small and
 * swappable: the default posts Vigil's JSON form of Schedule 1 (nca-http-transport.ts).
 */
export interface NcaTransport {
  /** Files the report; the NCA's reference. Throws CseaSendError on failure. */
  send(report: NcaReport): Promise<{ reference: string }>
}

/** The ways out, each undefined until configured (VIGIL_NCA_URL, VIGIL_NCMEC_URL). */
export interface CseaSenders {
  nca?: NcaTransport
  ncmec?: NcmecClient
}

/** What the approving and sending services need beyond every use case's context. */
export interface CseaServiceContext extends ServiceContext {
  csea: CseaSenders
}

/** Sending jobs: P1 reports go through their own queue, which the worker takes first. */
export const CSEA_SEND_JOB = 'csea_report.send'
export const CSEA_SEND_URGENT_JOB = 'csea_report.send_urgent'

/** A failed send; `permanent` when trying the same report again cannot help. */
export class CseaSendError extends Error {
  override name = 'CseaSendError'
  readonly permanent: boolean
  constructor(message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, { cause: options.cause })
    this.permanent = options.permanent
  }
}

export interface CseaSenderSettings {
  nca?: { url: string; token: string; timeoutMs: number }
  ncmec?: { baseUrl: string; username: string; password: string; timeoutMs: number }
  allowPrivate: boolean
}
