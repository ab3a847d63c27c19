import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { XMLBuilder } from 'fast-xml-parser'
import { checkFileDetails, checkReport } from './ncmec-server-checks.js'

// @NOTE A local server that follows NCMEC's CyberTipline Reporting API as documented at
// https://report.cybertip.org/ispws/documentation (shared research/regulation.md §7): HTTP Basic
// auth (401 otherwise), GET /status, POST /submit (<report>), /upload (multipart `id` + `file`,
// answering fileId and the MD5), /fileinfo (<fileDetails>), /finish and /retract (form `id`);
// answers are <reportResponse>/<reportDoneResponse> with responseCode 0 or a documented code.
// The HTTP status that goes with a non-zero code is not in the public summary: this server uses
// 200, and the client does not depend on it.

export type NcmecServerStep = 'status' | 'submit' | 'upload' | 'fileinfo' | 'finish' | 'retract'

/** How the server answers one request of a step instead of normally. */
export type NcmecFault =
  /** This HTTP status, with a <reportResponse> carrying `code` when given. */
  | { kind: 'http'; status: number; code?: number; afterApplying?: boolean }
  /** HTTP 200 with this non-zero responseCode; nothing is changed. */
  | { kind: 'code'; code: number; description?: string }
  /** `/upload` only: store the file but answer a wrong MD5. */
  | { kind: 'wrong-hash' }
  /** Answer normally, after this long (a client timing out first sees no answer). */
  | { kind: 'slow'; delayMs: number }

export interface StoredFile {
  fileId: string
  fileName: string
  bytes: Buffer
  md5: string
  /** The <fileDetails> document received for this file. */
  detailsXml?: string
}

export interface StoredReport {
  reportId: string
  xml: string
  state: 'open' | 'finished' | 'retracted'
  files: StoredFile[]
}

export interface ReceivedRequest {
  step: NcmecServerStep | 'unknown'
  method: string
  contentType: string | undefined
  authorised: boolean
}

export interface NcmecTestServer {
  /** `http://127.0.0.1:<port>/ispws` */
  url: string
  username: string
  password: string
  reports: Map<string, StoredReport>
  requests: ReceivedRequest[]
  /** The next `times` requests of `step` get `fault`. */
  failNext(step: NcmecServerStep, fault: NcmecFault, times?: number): void
  close(): Promise<void>
}

interface Answer {
  status: number
  xml?: string
}

const builder = new XMLBuilder({ suppressEmptyNode: true })
const STEPS: readonly string[] = ['status', 'submit', 'upload', 'fileinfo', 'finish', 'retract']

/** The API's state and answers; the HTTP server around it is in startNcmecServer. */
class FakeCyberTipline {
  readonly reports = new Map<string, StoredReport>()
  readonly requests: ReceivedRequest[] = []
  readonly faults: { step: NcmecServerStep; fault: NcmecFault }[] = []
  #nextReportId = 4_564_654

  constructor(readonly credentials: { username: string; password: string }) {}

  async handle(req: IncomingMessage, body: Buffer): Promise<Answer> {
    const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/ispws\//, '')
    const step = STEPS.includes(name) ? (name as NcmecServerStep) : 'unknown'
    const authorised = req.headers.authorization === basic(this.credentials)
    const contentType = req.headers['content-type']
    this.requests.push({ step, method: req.method ?? '', contentType, authorised })
    if (!authorised) return { status: 401 }
    if (step === 'unknown' || req.method !== (step === 'status' ? 'GET' : 'POST')) {
      return { status: 404 }
    }
    const index = this.faults.findIndex((f) => f.step === step)
    const fault = index >= 0 ? this.faults.splice(index, 1)[0]?.fault : undefined
    if (fault?.kind === 'code') return reply(fault.code, fault.description ?? 'Injected failure')
    if (fault?.kind === 'http' && !fault.afterApplying) return httpFault(fault)
    if (fault?.kind === 'slow') await new Promise((wake) => setTimeout(wake, fault.delayMs))
    const answer = await this.#apply(step, body, contentType ?? '', fault?.kind === 'wrong-hash')
    return fault?.kind === 'http' ? httpFault(fault) : answer
  }

  async #apply(
    step: NcmecServerStep,
    body: Buffer,
    contentType: string,
    wrongHash: boolean,
  ): Promise<Answer> {
    switch (step) {
      case 'status':
        return reply(0, `Remote User : ${this.credentials.username}`)
      case 'submit':
        return this.#submit(body.toString('utf8'), contentType)
      case 'upload':
        return this.#upload(body, contentType, wrongHash)
      case 'fileinfo':
        return this.#fileInfo(body.toString('utf8'), contentType)
      case 'finish':
      case 'retract':
        return this.#close(step, new URLSearchParams(body.toString('utf8')).get('id') ?? '')
    }
  }

  #submit(xml: string, contentType: string): Answer {
    if (!contentType.startsWith('text/xml')) return reply(4000, 'Expected text/xml')
    const checked = checkReport(xml)
    if (!checked.ok) return reply(4100, `Validation failed: ${checked.problem}`)
    const reportId = String(this.#nextReportId++)
    this.reports.set(reportId, { reportId, xml, state: 'open', files: [] })
    return reply(0, 'Success', { reportId })
  }

  async #upload(body: Buffer, contentType: string, wrongHash: boolean): Promise<Answer> {
    let form: FormData
    try {
      form = await new Response(body, { headers: { 'content-type': contentType } }).formData()
    } catch {
      return reply(4000, 'Expected multipart/form-data with id and file')
    }
    const id = form.get('id')
    const file = form.get('file')
    if (typeof id !== 'string' || !(file instanceof File)) return reply(4000, 'id and file needed')
    const report = this.#open(id)
    if (!report.ok) return report.answer
    const bytes = Buffer.from(await file.arrayBuffer())
    const md5 = createHash('md5').update(bytes).digest('hex')
    const fileId = randomBytes(16).toString('hex')
    report.value.files.push({ fileId, fileName: file.name, bytes, md5 })
    const hash = wrongHash ? 'f'.repeat(32) : md5
    return reply(0, 'Success', { reportId: id, fileId, hash })
  }

  #fileInfo(xml: string, contentType: string): Answer {
    if (!contentType.startsWith('text/xml')) return reply(4000, 'Expected text/xml')
    const checked = checkFileDetails(xml)
    if (!checked.ok) return reply(4100, `Validation failed: ${checked.problem}`)
    const report = this.#open(checked.value.reportId)
    if (!report.ok) return report.answer
    const file = report.value.files.find((f) => f.fileId === checked.value.fileId)
    if (!file) return reply(5002, 'File does not exist')
    file.detailsXml = xml
    return reply(0, 'Success', { reportId: report.value.reportId })
  }

  #close(step: 'finish' | 'retract', id: string): Answer {
    const report = this.#open(id)
    if (!report.ok) return report.answer
    if (step === 'retract') {
      report.value.state = 'retracted'
      return reply(0, 'Success', { reportId: id })
    }
    report.value.state = 'finished'
    const files = report.value.files.map((f) => f.fileId)
    const done = { responseCode: '0', reportId: id, files: { fileId: files } }
    return { status: 200, xml: builder.build({ reportDoneResponse: done }) }
  }

  #open(id: string): { ok: true; value: StoredReport } | { ok: false; answer: Answer } {
    const report = this.reports.get(id)
    if (!report) return { ok: false, answer: reply(5001, 'Report does not exist') }
    if (report.state === 'open') return { ok: true, value: report }
    return report.state === 'finished'
      ? { ok: false, answer: reply(5102, 'Report has already been finished') }
      : { ok: false, answer: reply(5101, 'Report has already been retracted') }
  }
}

/** Starts the server on 127.0.0.1:0; it takes the given credentials only. */
export async function startNcmecServer(
  credentials = { username: 'esp-user', password: 'esp-p@ss:word' },
): Promise<NcmecTestServer> {
  const api = new FakeCyberTipline(credentials)
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void api.handle(req, Buffer.concat(chunks)).then((answer) => send(res, answer))
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server has no port')
  return {
    ...credentials,
    url: `http://127.0.0.1:${address.port}/ispws`,
    reports: api.reports,
    requests: api.requests,
    failNext(step, fault, times = 1) {
      for (let i = 0; i < times; i++) api.faults.push({ step, fault })
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

function basic(credentials: { username: string; password: string }): string {
  const pair = `${credentials.username}:${credentials.password}`
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`
}

function reply(code: number, description: string, extra: Record<string, string> = {}): Answer {
  const response = { responseCode: String(code), responseDescription: description, ...extra }
  return { status: 200, xml: builder.build({ reportResponse: response }) }
}

function httpFault(fault: { status: number; code?: number }): Answer {
  if (fault.code === undefined) return { status: fault.status }
  return { ...reply(fault.code, 'Server error'), status: fault.status }
}

function send(res: ServerResponse, answer: Answer): void {
  if (answer.status === 401) res.setHeader('www-authenticate', 'Basic realm="ispws"')
  if (answer.xml === undefined) return void res.writeHead(answer.status).end()
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${answer.xml}`
  res.writeHead(answer.status, { 'content-type': 'application/xml; charset=utf-8' }).end(xml)
}
