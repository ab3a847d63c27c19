import { createHash } from 'node:crypto'
import { XMLParser } from 'fast-xml-parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../src/core/errors.js'
import { NcmecClient } from '../../src/services/ncmec/client.js'
import { type NcmecError, NcmecSendError } from '../../src/services/ncmec/ncmec-error.js'
import { buildReportXml } from '../../src/services/ncmec/report-xml.js'
import { type NcmecSendInput, sendNcmecReport } from '../../src/services/ncmec/send-report.js'
import { exampleFileDetails, exampleNcmecReport } from '../ncmec-examples.js'
import { type NcmecTestServer, startNcmecServer } from '../ncmec-server.js'

let server: NcmecTestServer

beforeEach(async () => {
  server = await startNcmecServer()
})
afterEach(() => server.close())

function client(password = server.password): NcmecClient {
  return new NcmecClient({
    baseUrl: server.url,
    username: server.username,
    password,
    allowPrivate: true,
    maxRetries: 3,
    retryDelayMs: 5,
    maxRetryDelayMs: 20,
  })
}

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex')

function input(): NcmecSendInput {
  const files = [
    { fileName: 'first.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
    { fileName: 'zweite Datei.png', bytes: new TextEncoder().encode('\x89PNG not really') },
  ]
  return {
    report: exampleNcmecReport(),
    files: files.map((file) => ({
      ...file,
      details: exampleFileDetails(file.fileName, md5(file.bytes)),
    })),
  }
}

async function sendError(send: Promise<unknown>): Promise<NcmecSendError> {
  const error = await send.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(NcmecSendError)
  return error as NcmecSendError
}

const steps = () => server.requests.map((request) => request.step)
const parser = new XMLParser({ parseTagValue: false })

describe('sendNcmecReport', () => {
  it('submits, uploads two files, sends their details and finishes', async () => {
    const sent = input()
    const result = await sendNcmecReport(client(), sent)
    expect(steps()).toEqual(['submit', 'upload', 'upload', 'fileinfo', 'fileinfo', 'finish'])
    const report = server.reports.get(result.reportId)
    expect(report?.state).toBe('finished')
    expect(report?.xml).toBe(buildReportXml(sent.report))
    expect(result.fileIds).toEqual(report?.files.map((file) => file.fileId))
    for (const [i, stored] of (report?.files ?? []).entries()) {
      const file = sent.files[i]
      expect(stored.fileName).toBe(file?.fileName)
      expect(stored.bytes.equals(Buffer.from(file?.bytes ?? []))).toBe(true)
      expect(stored.md5).toBe(md5(file?.bytes ?? new Uint8Array()))
      const details = parser.parse(stored.detailsXml ?? '').fileDetails
      expect(details).toMatchObject({
        reportId: result.reportId,
        fileId: stored.fileId,
        originalFileName: file?.fileName,
        originalFileHash: stored.md5,
        industryClassification: 'A1',
      })
    }
  })

  it('checks the report before sending anything', async () => {
    const bad = input()
    bad.report.incidentSummary.incidentDateTime = 'yesterday'
    await expect(sendNcmecReport(client(), bad)).rejects.toBeInstanceOf(InvalidInputError)
    expect(server.requests).toHaveLength(0)
  })

  it('fails at submit with bad credentials, with nothing to retract', async () => {
    const error = await sendError(sendNcmecReport(client('not-the-password'), input()))
    expect(error).toMatchObject({ step: 'submit', retracted: false, reportId: undefined })
    expect((error.cause as NcmecError).reason).toBe('credentials')
    expect(steps()).toEqual(['submit'])
    expect(server.reports.size).toBe(0)
  })

  it('reports a refused report with NCMEC code and description', async () => {
    server.failNext('submit', { kind: 'code', code: 4100, description: 'Validation failed: x' })
    const error = await sendError(sendNcmecReport(client(), input()))
    expect(error.message).toBe(
      'NCMEC did not accept the report: NCMEC submit failed with code 4100: Validation failed: x',
    )
    expect(error).toMatchObject({ step: 'submit', code: 'invalid_input' })
    expect((error.cause as NcmecError).responseCode).toBe(4100)
  })

  it('retracts the report when an upload fails', async () => {
    server.failNext('upload', { kind: 'code', code: 4200, description: 'Malformed file' })
    const error = await sendError(sendNcmecReport(client(), input()))
    expect(steps()).toEqual(['submit', 'upload', 'retract'])
    expect(error).toMatchObject({ step: 'upload', retracted: true })
    expect(error.message).toMatch(/failed while uploading file 1 of 2: .*code 4200.*retracted$/)
    expect(server.reports.get(error.reportId ?? '')?.state).toBe('retracted')
  })

  it('retracts the report when NCMEC received different bytes', async () => {
    server.failNext('upload', { kind: 'wrong-hash' })
    const error = await sendError(sendNcmecReport(client(), input()))
    expect((error.cause as NcmecError).reason).toBe('hash_mismatch')
    expect(server.reports.get(error.reportId ?? '')?.state).toBe('retracted')
  })

  it('retracts the report when finish fails', async () => {
    server.failNext('finish', { kind: 'code', code: 4100, description: 'Validation failed' })
    const error = await sendError(sendNcmecReport(client(), input()))
    expect(steps().slice(-2)).toEqual(['finish', 'retract'])
    expect(error).toMatchObject({ step: 'finish', retracted: true })
  })

  it('says so when the retraction fails too', async () => {
    server.failNext('fileinfo', { kind: 'code', code: 5002, description: 'File does not exist' })
    server.failNext('retract', { kind: 'http', status: 500, code: 1000 }, 4)
    const error = await sendError(sendNcmecReport(client(), input()))
    expect(error).toMatchObject({ step: 'fileinfo', retracted: false })
    expect(error.message).toMatch(/retracting it failed too .* after about 24 hours$/)
    expect(server.reports.get(error.reportId ?? '')?.state).toBe('open')
  })

  it('retries 5xx answers and still files the report once', async () => {
    server.failNext('upload', { kind: 'http', status: 503 })
    server.failNext('fileinfo', { kind: 'http', status: 500, code: 1000 }, 2)
    const result = await sendNcmecReport(client(), input())
    expect(steps().filter((step) => step === 'fileinfo')).toHaveLength(4)
    expect(server.reports.get(result.reportId)?.state).toBe('finished')
    expect(result.fileIds).toHaveLength(2)
  })

  it('takes a finish whose answer was lost as done, instead of retracting or failing', async () => {
    server.failNext('finish', { kind: 'http', status: 502, afterApplying: true })
    const result = await sendNcmecReport(client(), input())
    expect(steps().slice(-2)).toEqual(['finish', 'finish'])
    const report = server.reports.get(result.reportId)
    expect(report?.state).toBe('finished')
    expect(result.fileIds).toEqual(report?.files.map((file) => file.fileId))
  })
})
