import { z } from 'zod'
import { InvalidInputError } from '../../core/errors.js'
import {
  type NcmecFileDetails,
  type NcmecReport,
  ncmecFileDetailsSchema,
  ncmecReportSchema,
} from '../../core/ncmec-report.js'
import type { NcmecClient } from './client.js'
import { NCMEC_RESPONSE_CODES, NcmecError, NcmecSendError, type NcmecStep } from './ncmec-error.js'
import { buildFileDetailsXml, buildReportXml } from './report-xml.js'

export interface NcmecReportFile {
  fileName: string
  bytes: Uint8Array
  details: NcmecFileDetails
}

export interface NcmecSendInput {
  report: NcmecReport
  files: NcmecReportFile[]
}

/** A step that failed after the report was opened. */
class StepFailed extends Error {
  constructor(
    readonly step: NcmecStep,
    readonly what: string,
    override readonly cause: unknown,
  ) {
    super(what)
  }
}

/**
 * Files one CyberTipline report: submit → upload each file → fileinfo each → finish. When
 * anything fails after submit the report is retracted (NCMEC would delete an unfinished one after
 * about 24 hours anyway) and an NcmecSendError names the step, the file and whether the
 * retraction worked. Input is checked before anything is sent.
 */
export async function sendNcmecReport(
  client: NcmecClient,
  input: NcmecSendInput,
): Promise<{ reportId: string; fileIds: string[] }> {
  const { report, files } = checkInput(input)
  const reportXml = buildReportXml(report)
  let reportId: string
  try {
    reportId = await client.submit(reportXml)
  } catch (error) {
    throw new NcmecSendError('submit', `NCMEC did not accept the report: ${describe(error)}`, {
      retracted: false,
      cause: error,
    })
  }
  const fileIds: string[] = []
  try {
    return await fillAndFinish(client, reportId, files, fileIds)
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error
    if (finishedAnyway(error.cause)) return { reportId, fileIds }
    return await retractAfter(client, reportId, fileIds, error)
  }
}

async function fillAndFinish(
  client: NcmecClient,
  reportId: string,
  files: NcmecReportFile[],
  fileIds: string[],
): Promise<{ reportId: string; fileIds: string[] }> {
  // @NOTE Files are named by position only: their names are user content and stay out of logs.
  for (const [i, file] of files.entries()) {
    const upload = await step('upload', `uploading file ${i + 1} of ${files.length}`, () =>
      client.upload(reportId, file),
    )
    fileIds.push(upload.fileId)
  }
  for (const [i, file] of files.entries()) {
    const fileId = fileIds[i] as string
    const xml = buildFileDetailsXml(reportId, fileId, file.details)
    await step('fileinfo', `sending the details of file ${i + 1} of ${files.length}`, () =>
      client.fileInfo(reportId, fileId, xml),
    )
  }
  const finished = await step('finish', 'finishing the report', () => client.finish(reportId))
  return { reportId: finished.reportId, fileIds: finished.fileIds }
}

async function step<T>(name: NcmecStep, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw new StepFailed(name, what, error)
  }
}

/**
 * "Already finished" (5102) after our own finish or retract means a finish whose answer was lost
 * went through: the report is filed, and sending it again would duplicate it.
 */
function finishedAnyway(error: unknown): boolean {
  return (
    error instanceof NcmecError &&
    (error.step === 'finish' || error.step === 'retract') &&
    error.responseCode === NCMEC_RESPONSE_CODES.reportAlreadyFinished
  )
}

async function retractAfter(
  client: NcmecClient,
  reportId: string,
  fileIds: string[],
  failure: StepFailed,
): Promise<{ reportId: string; fileIds: string[] }> {
  const failed = `NCMEC report ${reportId} failed while ${failure.what}: ${describe(failure.cause)}`
  try {
    await client.retract(reportId)
  } catch (error) {
    if (finishedAnyway(error)) return { reportId, fileIds }
    throw new NcmecSendError(
      failure.step,
      `${failed}; retracting it failed too (${describe(error)}), so NCMEC will delete the ` +
        'unfinished report after about 24 hours',
      { reportId, retracted: false, cause: failure.cause },
    )
  }
  throw new NcmecSendError(failure.step, `${failed}; the report was retracted`, {
    reportId,
    retracted: true,
    cause: failure.cause,
  })
}

const inputSchema = z.strictObject({
  report: ncmecReportSchema,
  files: z
    .array(
      z.strictObject({
        fileName: z.string().trim().min(1).max(2056),
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength > 0, 'is empty'),
        details: ncmecFileDetailsSchema,
      }),
    )
    .max(1000),
})

function checkInput(input: NcmecSendInput): NcmecSendInput {
  const parsed = inputSchema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new InvalidInputError(
    `the NCMEC report is not valid: ${z.prettifyError(parsed.error)}`,
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  )
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
