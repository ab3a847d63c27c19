import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidInputError } from '../core/errors.js'
import { type GuardOptions, guardedRequest, OutboundRequestError } from './guarded-request.js'
import { echoed, startTestServer, stopTestServer, type TestServer } from './loopback-test-server.js'

// @NOTE Every socket here goes to servers on 127.0.0.1; refusals of other addresses are covered
// by the pure checks in address-policy.test.ts and the faked resolver in guarded-lookup.test.ts.

const open: GuardOptions = { allowPrivate: true, timeoutMs: 2000, maxResponseBytes: 64 * 1024 }

async function failure(promise: Promise<unknown>): Promise<OutboundRequestError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(OutboundRequestError)
  return error as OutboundRequestError
}
const guarded: GuardOptions = { ...open, allowPrivate: false }

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

let main: TestServer

beforeAll(async () => {
  main = await startTestServer({
    '/hang': () => undefined,
    '/slow-body': (_req, res) => res.writeHead(200).write('partial'),
    '/stream': stream,
    '/declared': (_req, res) => res.writeHead(200, { 'content-length': 100_000 }).end(),
  })
})
afterAll(() => stopTestServer(main))

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
    const seen = echoed(response.body)
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
    expect(echoed(response.body).body).toBe('bytes')
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
    const closed = await startTestServer()
    await stopTestServer(closed)
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
