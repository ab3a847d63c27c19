import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidInputError } from '../core/errors.js'
import { type GuardOptions, guardedRequest, OutboundRequestError } from './guarded-request.js'

// @NOTE Every socket here goes to servers on 127.0.0.1; refusals of other addresses are covered
// by the pure checks in address-policy.test.ts and the faked resolver in guarded-lookup.test.ts.

const open: GuardOptions = { allowPrivate: true, timeoutMs: 2000, maxResponseBytes: 64 * 1024 }
const guarded: GuardOptions = { ...open, allowPrivate: false }

interface TestServer {
  server: Server
  base: string
  connections: number
}

async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<TestServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString()))
  })
  const state: TestServer = { server, base: '', connections: 0 }
  server.on('connection', () => state.connections++)
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  state.base = `http://127.0.0.1:${address.port}`
  return state
}

function stop(state: TestServer): Promise<void> {
  state.server.closeAllConnections()
  return new Promise((done) => state.server.close(() => done()))
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void

function echo(req: IncomingMessage, res: ServerResponse, body: string): void {
  res.setHeader('content-type', 'application/json')
  res.setHeader('set-cookie', ['a=1', 'b=2'])
  const { method, url, headers } = req
  res.end(JSON.stringify({ method, url, body, headers }))
}

function stream(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream' })
  let sent = 0
  const next = (): void => {
    if (res.destroyed) return
    if (sent++ < 200) res.write(Buffer.alloc(1024, 120), next)
    else res.end()
  }
  next()
}

function redirect(status: number, location: (n: number) => string): Handler {
  return (_req, res, _body, n) => {
    res.writeHead(status, { location: location(n) })
    res.end('redirect body '.repeat(10_000))
  }
}

/** Paths served by the main server; `/name/<n>` passes n to the handler. */
function routes(base: () => string, other: () => string): Record<string, Handler> {
  const hop = redirect(302, (n) => `/hops/${n - 1}`)
  const slowHop = redirect(302, (n) => `/slow-hops/${Math.max(n - 1, 0)}`)
  return {
    '/hops': (req, res, body, n) => (n === 0 ? echo(req, res, body) : hop(req, res, body, n)),
    '/slow-hops': (...args) => setTimeout(() => slowHop(...args), 60),
    '/hang': () => undefined,
    '/slow-body': (_req, res) => res.writeHead(200).write('partial'),
    '/stream': stream,
    '/declared': (_req, res) => res.writeHead(200, { 'content-length': 100_000 }).end(),
    '/see-other': redirect(303, () => '/echo'),
    '/temporary': redirect(307, () => '/echo'),
    '/found': redirect(302, () => '/echo'),
    '/to-file': redirect(302, () => 'file:///etc/passwd'),
    '/to-credentials': redirect(302, () => `${base().replace('//', '//a:b@')}/echo`),
    '/to-other-origin': redirect(307, () => `${other()}/echo`),
    '/to-nowhere': redirect(302, () => 'http://[bad'),
  }
}

function dispatch(table: Record<string, Handler>) {
  return (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const [, name = path, n = '0'] = /^(\/[a-z-]+)\/(\d+)$/.exec(path) ?? []
    const handler = table[name] ?? echo
    handler(req, res, body, Number(n))
  }
}

let main: TestServer
let other: TestServer

beforeAll(async () => {
  const table = routes(
    () => main.base,
    () => other.base,
  )
  main = await startServer(dispatch(table))
  other = await startServer(echo)
})
afterAll(async () => {
  await stop(main)
  await stop(other)
})

async function failure(promise: Promise<unknown>): Promise<OutboundRequestError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(OutboundRequestError)
  return error as OutboundRequestError
}

function json(body: Buffer): Record<string, unknown> & { headers: Record<string, string> } {
  return JSON.parse(body.toString())
}

describe('guardedRequest against a loopback server', () => {
  it('succeeds when private networks are allowed', async () => {
    const response = await guardedRequest(
      `${main.base}/echo?q=1`,
      { method: 'POST', headers: { 'x-vigil': 'yes' }, body: '{"a":1}' },
      open,
    )
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.headers['set-cookie']).toBe('a=1, b=2')
    const seen = json(response.body)
    expect(seen).toMatchObject({ method: 'POST', url: '/echo?q=1', body: '{"a":1}' })
    expect(seen.headers['x-vigil']).toBe('yes')
    expect(seen.headers['content-length']).toBe('7')
  })

  it('accepts a Buffer body', async () => {
    const response = await guardedRequest(
      `${main.base}/echo`,
      { method: 'POST', body: Buffer.from('bytes') },
      open,
    )
    expect(json(response.body).body).toBe('bytes')
  })

  it.each([
    ['the IP literal', () => `${main.base}/echo`],
    ['localhost', () => main.base.replace('127.0.0.1', 'localhost')],
    ['the decimal spelling', () => main.base.replace('127.0.0.1', '2130706433')],
    ['the hex spelling', () => main.base.replace('127.0.0.1', '0x7f.1')],
  ])('refuses %s of a loopback server without connecting', async (_label, url) => {
    const before = main.connections
    const error = await failure(guardedRequest(url(), { method: 'GET' }, guarded))
    expect(error.reason).toBe('blocked_address')
    expect(error.message).toContain('set VIGIL_ALLOW_PRIVATE_NETWORK=true')
    expect(main.connections).toBe(before)
  })

  it('refuses ftp:, file: and credentials before connecting', async () => {
    for (const url of [
      'ftp://127.0.0.1/',
      'file:///etc/passwd',
      `${main.base.replace('//', '//u:p@')}/`,
    ]) {
      const error = await failure(guardedRequest(url, { method: 'GET' }, open))
      expect(error.reason).toBe('bad_url')
    }
  })

  it('reports a refused connection as a network error', async () => {
    const closed = await startServer(echo)
    await stop(closed)
    const error = await failure(guardedRequest(`${closed.base}/`, { method: 'GET' }, open))
    expect(error.reason).toBe('network')
    expect(error.message).toContain('ECONNREFUSED')
    expect(error.message).toContain(closed.base)
  })
})

describe('limits', () => {
  it('times out on a server that never answers', async () => {
    const started = Date.now()
    const error = await failure(
      guardedRequest(`${main.base}/hang`, { method: 'GET' }, { ...open, timeoutMs: 150 }),
    )
    expect(error.reason).toBe('timeout')
    expect(error.message).toContain('150 ms')
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('times out on a body that never ends: the limit covers reading it', async () => {
    const error = await failure(
      guardedRequest(`${main.base}/slow-body`, { method: 'GET' }, { ...open, timeoutMs: 150 }),
    )
    expect(error.reason).toBe('timeout')
  })

  it('stops reading a streamed body past maxResponseBytes', async () => {
    const limits = { ...open, maxResponseBytes: 10_000 }
    const error = await failure(guardedRequest(`${main.base}/stream`, { method: 'GET' }, limits))
    expect(error.reason).toBe('too_large')
    expect(error.message).toContain('10000-byte limit')
  })

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const limits = { ...open, maxResponseBytes: 1000 }
    const error = await failure(guardedRequest(`${main.base}/declared`, { method: 'GET' }, limits))
    expect(error.reason).toBe('too_large')
  })

  it('reads a body exactly at the limit', async () => {
    const limits = { ...open, maxResponseBytes: 200 * 1024 }
    const response = await guardedRequest(`${main.base}/stream`, { method: 'GET' }, limits)
    expect(response.body.length).toBe(200 * 1024)
  })

  it('rejects with the caller signal reason when aborted', async () => {
    const controller = new AbortController()
    const pending = guardedRequest(
      `${main.base}/hang`,
      { method: 'GET', signal: controller.signal },
      open,
    )
    setTimeout(() => controller.abort(new Error('shutting down')), 50)
    await expect(pending).rejects.toThrow('shutting down')
  })

  it('never puts headers, bodies or query strings in messages', async () => {
    const init = {
      method: 'POST' as const,
      headers: { authorization: 'Bearer HEADER-SECRET' },
      body: 'BODY-SECRET',
    }
    const errors = [
      await failure(
        guardedRequest(`${main.base}/hang?token=QUERY-SECRET`, init, { ...open, timeoutMs: 100 }),
      ),
      await failure(guardedRequest(`${main.base}/echo?token=QUERY-SECRET`, init, guarded)),
      await failure(
        guardedRequest(`${main.base}/stream?token=QUERY-SECRET`, init, {
          ...open,
          maxResponseBytes: 10,
        }),
      ),
    ]
    for (const error of errors) expect(error.message).not.toMatch(/SECRET/)
  })

  it('does not echo an invalid header value', async () => {
    const init = { method: 'GET' as const, headers: { authorization: 'Bearer SECRET\r\nx: y' } }
    const error = await guardedRequest(`${main.base}/echo`, init, open).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect((error as Error).message).toBe('request header "authorization" has an invalid value')
  })
})

describe('redirects', () => {
  it('follows up to 3 redirects for GET by default', async () => {
    const response = await guardedRequest(`${main.base}/hops/3`, { method: 'GET' }, open)
    expect(json(response.body).url).toBe('/hops/0')
  })

  it('refuses the 4th redirect for GET by default', async () => {
    const error = await failure(guardedRequest(`${main.base}/hops/4`, { method: 'GET' }, open))
    expect(error.reason).toBe('too_many_redirects')
    expect(error.message).toContain('limit of 3 redirect(s)')
  })

  it('follows no redirects for POST by default', async () => {
    const error = await failure(guardedRequest(`${main.base}/hops/1`, { method: 'POST' }, open))
    expect(error.reason).toBe('too_many_redirects')
  })

  it('honours an explicit maxRedirects', async () => {
    const none = { ...open, maxRedirects: 0 }
    expect(
      (await failure(guardedRequest(`${main.base}/hops/1`, { method: 'GET' }, none))).reason,
    ).toBe('too_many_redirects')
    const five = { ...open, maxRedirects: 5 }
    const response = await guardedRequest(`${main.base}/hops/5`, { method: 'GET' }, five)
    expect(response.status).toBe(200)
  })

  it('keeps method and body on 307, drops them on 303 and on 302 after POST', async () => {
    const post = { method: 'POST' as const, headers: { 'content-type': 'text/plain' }, body: 'hi' }
    const one = { ...open, maxRedirects: 1 }
    const kept = json((await guardedRequest(`${main.base}/temporary`, post, one)).body)
    expect(kept).toMatchObject({ method: 'POST', body: 'hi' })
    for (const path of ['/see-other', '/found']) {
      const changed = json((await guardedRequest(`${main.base}${path}`, post, one)).body)
      expect(changed).toMatchObject({ method: 'GET', body: '' })
      expect(changed.headers['content-type']).toBeUndefined()
    }
  })

  it('drops credentials headers on a cross-origin redirect', async () => {
    const init = { method: 'GET' as const, headers: { Authorization: 'Bearer x', 'x-keep': '1' } }
    const seen = json((await guardedRequest(`${main.base}/to-other-origin`, init, open)).body)
    expect(seen.headers.authorization).toBeUndefined()
    expect(seen.headers['x-keep']).toBe('1')
    const same = json((await guardedRequest(`${main.base}/temporary`, init, open)).body)
    expect(same.headers.authorization).toBe('Bearer x')
  })

  it.each(['/to-file', '/to-credentials', '/to-nowhere'])(
    're-checks every hop: %s is refused as bad_url',
    async (path) => {
      const error = await failure(guardedRequest(`${main.base}${path}`, { method: 'GET' }, open))
      expect(error.reason).toBe('bad_url')
    },
  )

  it('applies one timeout across all hops', async () => {
    // @NOTE Each hop answers in about 60 ms, well inside 150 ms; three of them are not.
    const options = { ...open, timeoutMs: 150, maxRedirects: 3 }
    const error = await failure(
      guardedRequest(`${main.base}/slow-hops/3`, { method: 'GET' }, options),
    )
    expect(error.reason).toBe('timeout')
  })
})
