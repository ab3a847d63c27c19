import type { AppContext } from '../../context.js'
import { sendApprovedReport } from '../../services/csea-reports/send.js'
import { CSEA_SEND_JOB, CSEA_SEND_URGENT_JOB } from '../../services/csea-reports/senders.js'
import type { JobContext, JobHandler } from '../job-handler.js'

type SendJob = { reportId: string }

function run(ctx: AppContext, job: JobContext<SendJob>): Promise<void> {
  return sendApprovedReport(ctx, {
    reportId: job.data.reportId,
    final: job.retryCount >= job.retryLimit,
  })
}

/** P1 reports (imminent risk to a child): the worker takes this queue before any other. */
export const cseaReportSendUrgentJob: JobHandler<SendJob> = {
  name: CSEA_SEND_URGENT_JOB,
  batchSize: 5,
  run,
}

export const cseaReportSendJob: JobHandler<SendJob> = { name: CSEA_SEND_JOB, batchSize: 5, run }
