import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GuardOptions, guardedRequest, OutboundRequestError } from './guarded-request.js'
import {
  echo,
  echoed,
  redirect,
  startTestServer,
  stopTestServer,
  type TestServer,
} from './loopback-test-server.js'

// @NOTE Every socket here goes to servers on 127.0.0.1, so every hop is allowed to be private;
// a redirect to a private address cannot be reached from a public first hop without leaving the
// machine, so here each hop's re-check is shown with URLs refused on any network.

const open: GuardOptions = { allowPrivate: true, timeoutMs: 2000, maxResponseBytes: 64 * 1024 }

async function failure(promise: Promise<unknown>): Promise<OutboundRequestError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(OutboundRequestError)
  return error as OutboundRequestError
}

let main: TestServer
let other: TestServer

beforeAll(async () => {
  const hop = redirect(302, (n) => `/hops/${n - 1}`)
  const slowHop = redirect(302, (n) => `/slow-hops/${Math.max(n - 1, 0)}`)
  other = await startTestServer()
  main = await startTestServer({
    '/hops': (req, res, body, n) => (n === 0 ? echo(req, res, body) : hop(req, res, body, n)),
    '/slow-hops': (...args) => setTimeout(() => slowHop(...args), 60),
    '/see-other': redirect(303, () => '/echo'),
    '/temporary': redirect(307, () => '/echo'),
    '/found': redirect(302, () => '/echo'),
    '/to-file': redirect(302, () => 'file:///etc/passwd'),
    '/to-credentials': redirect(302, () => `${main.base.replace('//', '//a:b@')}/echo`),
    '/to-other-origin': redirect(307, () => `${other.base}/echo`),
    '/to-nowhere': redirect(302, () => 'http://[bad'),
  })
})
afterAll(async () => {
  await stopTestServer(main)
  await stopTestServer(other)
})

describe('redirects', () => {
  it('follows up to 3 redirects for GET by default', async () => {
    const response = await guardedRequest(`${main.base}/hops/3`, { method: 'GET' }, open)
    expect(echoed(response.body).url).toBe('/hops/0')
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
    const kept = echoed((await guardedRequest(`${main.base}/temporary`, post, one)).body)
    expect(kept).toMatchObject({ method: 'POST', body: 'hi' })
    for (const path of ['/see-other', '/found']) {
      const changed = echoed((await guardedRequest(`${main.base}${path}`, post, one)).body)
      expect(changed).toMatchObject({ method: 'GET', body: '' })
      expect(changed.headers['content-type']).toBeUndefined()
    }
  })

  it('drops credentials headers on a cross-origin redirect', async () => {
    const init = { method: 'GET' as const, headers: { Authorization: 'Bearer x', 'x-keep': '1' } }
    const seen = echoed((await guardedRequest(`${main.base}/to-other-origin`, init, open)).body)
    expect(seen.headers.authorization).toBeUndefined()
    expect(seen.headers['x-keep']).toBe('1')
    const same = echoed((await guardedRequest(`${main.base}/temporary`, init, open)).body)
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
