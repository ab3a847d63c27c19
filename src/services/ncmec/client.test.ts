import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exampleFileDetails } from '../../../test/ncmec-examples.js'
import { type NcmecTestServer, startNcmecServer } from '../../../test/ncmec-server.js'
import { NcmecClient, type NcmecClientOptions } from './client.js'
import { NcmecError } from './ncmec-error.js'
import { buildFileDetailsXml } from './report-xml.js'

let server: NcmecTestServer

beforeEach(async () => {
  server = await startNcmecServer()
})
afterEach(() => server.close())

function client(options: Partial<NcmecClientOptions> = {}): NcmecClient {
  return new NcmecClient({
    baseUrl: server.url,
    username: server.username,
    password: server.password,
    allowPrivate: true,
    retryDelayMs: 5,
    maxRetryDelayMs: 20,
    ...options,
  })
}

const REPORT =
  '<?xml version="1.0" encoding="UTF-8"?><report><incidentSummary>' +
  '<incidentType>Child Sex Tourism</incidentType>' +
  '<incidentDateTime>2026-01-01T00:00:00Z</incidentDateTime></incidentSummary></report>'

async function failure(promise: Promise<unknown>): Promise<NcmecError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(NcmecError)
  return error as NcmecError
}

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex')

describe('NcmecClient', () => {
  it('checks the status with HTTP Basic credentials', async () => {
    expect(await client().status()).toBe('Remote User : esp-user')
    expect(server.requests).toEqual([
      { step: 'status', method: 'GET', contentType: undefined, authorised: true },
    ])
  })

  it('turns a 401 into a credentials error, without retrying or quoting the password', async () => {
    const error = await failure(client({ password: 'wrong-password' }).submit(REPORT))
    expect(error.reason).toBe('credentials')
    expect(error.message).toContain('VIGIL_NCMEC_PASSWORD')
    expect(error.message).not.toContain('wrong-password')
    expect(server.requests).toHaveLength(1)
    expect(server.reports.size).toBe(0)
  })

  it('submits the report as text/xml and returns the report id', async () => {
    const reportId = await client().submit(REPORT)
    expect(server.reports.get(reportId)?.xml).toBe(REPORT)
    expect(server.requests[0]?.contentType).toBe('text/xml; charset=utf-8')
  })

  it('gives a refused report as an error carrying the code and description', async () => {
    const bad = REPORT.replace('Child Sex Tourism', 'Something Else')
    const error = await failure(client().submit(bad))
    expect(error).toMatchObject({
      reason: 'response_code',
      responseCode: 4100,
      code: 'invalid_input',
    })
    expect(error.description).toMatch(/incidentType "Something Else"/)
    expect(error.message).toMatch(/^NCMEC submit failed with code 4100: Validation failed/)
    const malformed = await failure(client().submit('<report><incidentSummary>'))
    expect(malformed.responseCode).toBe(4100)
    const reordered = REPORT.replace(
      /(<incidentType>.*<\/incidentType>)(<incidentDateTime>.*<\/incidentDateTime>)/,
      '$2$1',
    )
    const outOfOrder = await failure(client().submit(reordered))
    expect(outOfOrder.description).toMatch(/out of order in <incidentSummary>/)
  })

  it('retries 5xx answers and timeouts, then succeeds', async () => {
    server.failNext('submit', { kind: 'http', status: 503 })
    server.failNext('submit', { kind: 'http', status: 500, code: 1000 })
    expect(await client().submit(REPORT)).toMatch(/^\d+$/)
    expect(server.requests.filter((r) => r.step === 'submit')).toHaveLength(3)

    server.failNext('status', { kind: 'slow', delayMs: 1_000 })
    expect(await client({ timeoutMs: 150 }).status()).toMatch(/Remote User/)
  })

  it('gives up after its retries with a transient error', async () => {
    server.failNext('status', { kind: 'http', status: 502 }, 3)
    const error = await failure(client({ maxRetries: 2 }).status())
    expect(error).toMatchObject({ reason: 'unavailable', transient: true, step: 'status' })
    expect(server.requests).toHaveLength(3)
  })

  it('uploads multipart id and file, and checks the MD5 NCMEC computed', async () => {
    const reportId = await client().submit(REPORT)
    const bytes = new Uint8Array([0, 1, 2, 255, 13, 10, 45, 45])
    const uploaded = await client().upload(reportId, { fileName: 'ünï "x".bin', bytes })
    expect(uploaded.md5).toBe(md5(bytes))
    const stored = server.reports.get(reportId)?.files[0]
    expect(stored).toMatchObject({ fileId: uploaded.fileId, fileName: 'ünï "x".bin' })
    expect(stored?.bytes.equals(Buffer.from(bytes))).toBe(true)
    expect(server.requests.at(-1)?.contentType).toMatch(/^multipart\/form-data; boundary=/)

    server.failNext('upload', { kind: 'wrong-hash' })
    const mismatch = await failure(client().upload(reportId, { fileName: 'b', bytes }))
    expect(mismatch.reason).toBe('hash_mismatch')
  })

  it('answers an unknown report or file with the documented codes', async () => {
    const bytes = new Uint8Array([1])
    const unknown = await failure(client().upload('999', { fileName: 'a', bytes }))
    expect(unknown).toMatchObject({ responseCode: 5001, code: 'conflict' })
    const reportId = await client().submit(REPORT)
    const details = buildFileDetailsXml(reportId, 'nope', exampleFileDetails('a', md5(bytes)))
    const noFile = await failure(client().fileInfo(reportId, 'nope', details))
    expect(noFile).toMatchObject({ step: 'fileinfo', responseCode: 5002 })
  })

  it('finishes with the file ids, after which neither finish nor retract work', async () => {
    const reportId = await client().submit(REPORT)
    const { fileId } = await client().upload(reportId, {
      fileName: 'a',
      bytes: new Uint8Array([7]),
    })
    expect(await client().finish(reportId)).toEqual({ reportId, fileIds: [fileId] })
    expect((await failure(client().finish(reportId))).responseCode).toBe(5102)
    expect((await failure(client().retract(reportId))).responseCode).toBe(5102)
    expect(server.requests.at(-1)?.contentType).toBe('application/x-www-form-urlencoded')
  })

  it('retracts an open report', async () => {
    const reportId = await client().submit(REPORT)
    await client().retract(reportId)
    expect(server.reports.get(reportId)?.state).toBe('retracted')
    expect((await failure(client().retract(reportId))).responseCode).toBe(5101)
  })

  it('refuses a loopback endpoint unless private networks are allowed', async () => {
    const error = await failure(client({ allowPrivate: false }).status())
    expect(error.reason).toBe('misconfigured')
    expect(server.requests).toHaveLength(0)
  })

  it('refuses plain http to NCMEC, a colon in the username and a bad report id', async () => {
    expect(() => client({ baseUrl: 'http://report.cybertip.org/ispws' })).toThrow(/https/)
    expect(() => client({ username: 'a:b' })).toThrow(/colon/)
    await expect(client().retract('1 OR 1')).rejects.toThrow(/report id/)
  })
})
