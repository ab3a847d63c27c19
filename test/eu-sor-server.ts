import { createServer, type IncomingMessage, type Server } from 'node:http'
import { validateEuStatement } from '../src/core/eu-sor.js'

// @NOTE A local stand-in for the EU DSA Transparency Database API, answering as its published
// contract and code do (digital-services-act/transparency-database at 69e80a0:
// resources/markdown/api-documentation.md, StatementMultipleAPIController,
// GroupedSubmissionsService, PlatformUniqueIdService, PuidNotUniqueMultipleException):
// - 401 {"message": "Unauthenticated."} without the right Bearer token;
// - POST /api/v1/statements: 422 {"message", "errors": {"statements": [...]}} unless 1..100
//   statements; 422 {"errors": {"statement_<i>": {field: [messages]}}} when any breaks a rule
//   (checked with Vigil's own validator); 422 {"message", "errors": {"puid": [...],
//   "existing_puids": [...]}} when a puid repeats in the call or is already stored; otherwise
//   all are stored and 201 {"statements": [{...statement, uuid, created_at, platform_name,
//   permalink, self}]}. All or none: a refused call stores nothing.
// - GET /api/v1/statement/existing-puid/{puid}: 302 or 404 {"message", "puid"}.

export interface EuSorServer {
  /** The base URL, as VIGIL_EU_SOR_URL takes it. */
  url: string
  token: string
  /** Stored statements by puid. */
  stored: Map<string, Record<string, unknown>>
  /** Every call: method, path and, for POSTs, the number of statements sent. */
  calls: { method: string; path: string; count?: number; authorization?: string }[]
  /** The next `times` POSTs answer `status` (e.g. 503) without storing anything. */
  failNext(times: number, status: number): void
  /** The next POST stores its statements, then answers 500 (an answer lost on the way). */
  loseNextAnswer(): void
  /** A rule the database applies that Vigil does not know (say, after a schema change). */
  extraRule: ExtraRule | undefined
  close(): Promise<void>
}

type ExtraRule = (statement: Record<string, unknown>) => Record<string, string[]> | undefined

const DUPLICATE = 'The platform identifier(s) are not all unique within this call.'

interface State {
  token: string
  stored: Map<string, Record<string, unknown>>
  calls: EuSorServer['calls']
  failures: number[]
  loseAnswer: boolean
  extraRule: ExtraRule | undefined
}

interface Answer {
  status: number
  json: unknown
}

export async function startEuSorServer(token = 'eu-test-token-123456'): Promise<EuSorServer> {
  const state: State = {
    token,
    stored: new Map(),
    calls: [],
    failures: [],
    loseAnswer: false,
    extraRule: undefined,
  }
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const { status, json } = answer(state, req, body)
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json))
    })
  })
  return {
    url: await listen(server),
    token,
    stored: state.stored,
    calls: state.calls,
    failNext: (times, status) =>
      state.failures.push(...Array.from({ length: times }, () => status)),
    loseNextAnswer: () => {
      state.loseAnswer = true
    },
    get extraRule() {
      return state.extraRule
    },
    set extraRule(rule) {
      state.extraRule = rule
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** Listens on 127.0.0.1 and a free port; the base URL. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('EU server has no port')
  return `http://127.0.0.1:${address.port}`
}

function answer(state: State, req: IncomingMessage, body: string): Answer {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  const call: EuSorServer['calls'][number] = {
    method: req.method ?? '',
    path,
    authorization: req.headers.authorization,
  }
  state.calls.push(call)
  if (req.headers.authorization !== `Bearer ${state.token}`) {
    return { status: 401, json: { message: 'Unauthenticated.' } }
  }
  const existing = /^\/api\/v1\/statement\/existing-puid\/([^/]+)$/.exec(path)
  if (req.method === 'GET' && existing) {
    const puid = decodeURIComponent(existing[1] ?? '')
    return state.stored.has(puid)
      ? { status: 302, json: { message: 'statement of reason found', puid } }
      : { status: 404, json: { message: 'statement of reason not found', puid } }
  }
  if (req.method !== 'POST' || path !== '/api/v1/statements') {
    return { status: 404, json: { message: 'Not Found' } }
  }
  const failure = state.failures.shift()
  if (failure !== undefined) return { status: failure, json: { message: 'Server Error' } }
  const stored = storeStatements(state, body, call)
  if (state.loseAnswer && stored.status === 201) {
    state.loseAnswer = false
    return { status: 500, json: { message: 'Server Error' } }
  }
  return stored
}

/** All or none: any broken rule or known puid refuses the whole call. */
function storeStatements(state: State, body: string, call: { count?: number }): Answer {
  const statements = parse(body)?.statements
  if (!Array.isArray(statements) || statements.length < 1 || statements.length > 100) {
    const message = 'The statements field must have between 1 and 100 items.'
    return { status: 422, json: { message, errors: { statements: [message] } } }
  }
  call.count = statements.length
  const errors = ruleErrors(statements as Record<string, unknown>[], state.extraRule)
  if (Object.keys(errors).length > 0) return { status: 422, json: { errors } }
  const puids = statements.map((s) => String((s as { puid: unknown }).puid))
  const repeated = puids.filter((puid, i) => puids.indexOf(puid) !== i)
  const duplicates = repeated.length > 0 ? repeated : puids.filter((p) => state.stored.has(p))
  if (duplicates.length > 0) {
    const errorsOut = { puid: [DUPLICATE], existing_puids: [...new Set(duplicates)] }
    return { status: 422, json: { message: DUPLICATE, errors: errorsOut } }
  }
  const created = statements.map((statement) => storeOne(state, statement))
  return { status: 201, json: { statements: created } }
}

/** `statement_<i>` → field → messages, for each statement that breaks a rule. */
function ruleErrors(statements: Record<string, unknown>[], extraRule: ExtraRule | undefined) {
  const errors: Record<string, Record<string, string[]>> = {}
  statements.forEach((statement, index) => {
    const byField: Record<string, string[]> = { ...extraRule?.(statement) }
    for (const p of validateEuStatement(statement)) {
      byField[p.field] = [...(byField[p.field] ?? []), p.message]
    }
    if (Object.keys(byField).length > 0) errors[`statement_${index}`] = byField
  })
  return errors
}

function storeOne(state: State, statement: unknown): Record<string, unknown> {
  const uuid = crypto.randomUUID()
  const out: Record<string, unknown> = {
    ...(statement as Record<string, unknown>),
    uuid,
    created_at: new Date().toISOString().slice(0, 19).replace('T', ' '),
    platform_name: 'Test Platform',
    permalink: `https://transparency.example/statement/${uuid}`,
    self: `https://transparency.example/api/v1/statement/${uuid}`,
  }
  state.stored.set(String(out.puid), out)
  return out
}

function parse(body: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(body) as Record<string, unknown>
  } catch {
    return undefined
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}
