import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildNcaReport } from '../../src/core/nca-report-build.js'
import { createHttpNcaTransport } from '../../src/services/csea-reports/nca-http-transport.js'
import { CseaSendError } from '../../src/services/csea-reports/senders.js'
import { type NcaTestServer, startNcaServer } from '../nca-server.js'

const AT = new Date('2026-11-22T09:00:00.000Z')

const report = buildNcaReport({
  id: '00000000-0000-4000-8000-0000000000aa',
  caseId: 'case-1',
  priority: 'P2',
  createdAt: AT,
  dueAt: AT,
  reporter: { providerName: 'Forum Example Ltd', ncaRegistrationId: 'NCA-REG-0001' },
  subject: {
    id: 's-1',
    externalId: 'post-1',
    kind: 'text',
    surface: 'public',
    authorId: 'a-1',
    text: 'x',
    url: null,
    media: [],
    metadata: {},
    verdict: null,
    createdAt: AT,
    updatedAt: AT,
  },
  harm: { id: 'illegal.csea.grooming', label: 'Grooming' },
  decision: null,
  signals: [],
  notices: [],
  priorReports: [],
  supplied: null,
  declaration: null,
})

describe('the HTTP transport of NCA reports', () => {
  let nca: NcaTestServer
  beforeAll(async () => {
    nca = await startNcaServer()
  })
  afterAll(async () => {
    await nca.close()
  })

  const transport = (token: string, options: { url?: string; allowPrivate?: boolean } = {}) =>
    createHttpNcaTransport({
      url: options.url ?? nca.url,
      token,
      allowPrivate: options.allowPrivate ?? true,
      timeoutMs: 5_000,
    })

  async function failure(promise: Promise<unknown>): Promise<CseaSendError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(CseaSendError)
    return error as CseaSendError
  }

  it('posts the report with the bearer token and its id as the idempotency key', async () => {
    const sent = await transport(nca.token).send(report)
    expect(sent.reference).toMatch(/^NCA-\d{6}$/)
    expect(nca.received.at(-1)).toMatchObject({ idempotencyKey: report.id })
    expect(await transport(nca.token).send(report)).toEqual(sent)
  })

  it('calls a refused token permanent and a 503 worth retrying', async () => {
    const refused = await failure(transport('wrong-token-0123456789').send(report))
    expect(refused).toMatchObject({ permanent: true })
    expect(refused.message).toBe('the NCA endpoint answered HTTP 401: unknown token')
    nca.failNext(503)
    expect(await failure(transport(nca.token).send(report))).toMatchObject({ permanent: false })
  })

  it('refuses a loopback endpoint unless private networks are allowed', async () => {
    const blocked = await failure(transport(nca.token, { allowPrivate: false }).send(report))
    expect(blocked).toMatchObject({ permanent: true })
    expect(blocked.message).toContain('could not be reached')
    expect(blocked.message).not.toContain(nca.token)
  })

  it('does not take a 2xx without a reference as sent', async () => {
    const server = createServer((_req, res) => res.writeHead(200).end('{"ok":true}'))
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`
    const error = await failure(transport(nca.token, { url }).send(report))
    expect(error).toMatchObject({ permanent: false })
    await new Promise((done) => server.close(done))
  })
})
