import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type NcaReport, ncaReportSchema } from '../src/core/nca-report.js'

// @NOTE A local stand-in for the NCA's reporting endpoint. The NCA's API contract is not public
// (docs/csea-reporting.md), so this follows the contract of Vigil's HTTP transport: POST
// /reports with `Authorization: Bearer <token>` (401 otherwise), a JSON body that is Vigil's
// Schedule 1 report (422 with { error: { message } } when not), `Idempotency-Key` equal to the
// report's id (400 otherwise); 201 { reference } on success, the same reference again for a key
// it has answered before.

export interface ReceivedNcaReport {
  report: NcaReport
  idempotencyKey: string
}

export interface NcaTestServer {
  url: string
  token: string
  /** Reports accepted, in order. */
  received: ReceivedNcaReport[]
  /** Requests refused or failed, by status. */
  refused: number[]
  /** The next `times` requests get HTTP `status` (with an error message) instead of an answer. */
  failNext(status: number, times?: number): void
  close(): Promise<void>
}

export const NCA_TEST_TOKEN = 'nca-test-token-0123456789abcdef'

interface ServerState {
  token: string
  received: ReceivedNcaReport[]
  refused: number[]
  references: Map<string, string>
  faults: number[]
}

export async function startNcaServer(token = NCA_TEST_TOKEN): Promise<NcaTestServer> {
  const state: ServerState = { token, received: [], refused: [], references: new Map(), faults: [] }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => handle(state, req, res, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('NCA server has no port')
  return {
    url: `http://127.0.0.1:${address.port}/reports`,
    token,
    received: state.received,
    refused: state.refused,
    failNext: (status, times = 1) => {
      for (let i = 0; i < times; i += 1) state.faults.push(status)
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

function handle(state: ServerState, req: IncomingMessage, res: ServerResponse, text: string) {
  const answer = (status: number, body: object) => {
    if (status >= 300) state.refused.push(status)
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
  const fault = state.faults.shift()
  if (fault !== undefined) return answer(fault, { error: { message: 'try again later' } })
  if (req.method !== 'POST' || req.url !== '/reports') return answer(404, {})
  if (req.headers.authorization !== `Bearer ${state.token}`) {
    return answer(401, { error: { message: 'unknown token' } })
  }
  if (!req.headers['content-type']?.startsWith('application/json')) return answer(415, {})
  const parsed = ncaReportSchema.safeParse(parseJson(text))
  if (!parsed.success) return answer(422, { error: { message: parsed.error.message } })
  const key = String(req.headers['idempotency-key'] ?? '')
  if (key !== parsed.data.id)
    return answer(400, { error: { message: 'Idempotency-Key is not the id' } })
  const known = state.references.get(key)
  if (known) return answer(200, { reference: known })
  const reference = `NCA-${String(state.references.size + 1).padStart(6, '0')}`
  state.references.set(key, reference)
  state.received.push({ report: parsed.data, idempotencyKey: key })
  return answer(201, { reference })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
