import type { LookupAddress, LookupOptions } from 'node:dns'
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createGuardedLookup, guardSocket, type ResolveAll } from './guarded-lookup.js'
import { startTestServer, stopTestServer, type TestServer } from './loopback-test-server.js'
import { OutboundRequestError } from './outbound-request-error.js'

// @NOTE Resolution is faked: no DNS query leaves the machine, and the only sockets opened go to
// a server on 127.0.0.1.

function fakeResolver(table: Record<string, string[]>): ResolveAll {
  return (hostname, callback) => {
    const addresses = table[hostname]
    if (addresses === undefined) {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`)
      error.code = 'ENOTFOUND'
      return callback(error, [])
    }
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    )
  }
}

interface LookupResult {
  error: NodeJS.ErrnoException | null
  address: string | LookupAddress[]
  family?: number | undefined
}

function runLookup(
  allowPrivate: boolean,
  resolve: ResolveAll,
  hostname: string,
  options: LookupOptions,
): Promise<LookupResult> {
  const lookup = createGuardedLookup(allowPrivate, resolve)
  return new Promise((done) => {
    lookup(hostname, options, (error, address, family) => done({ error, address, family }))
  })
}

const resolver = fakeResolver({
  'public.test': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'mixed.test': ['93.184.216.34', '10.0.0.7'],
  'rebind.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'v6-private.test': ['2606:4700::1', 'fd00::1'],
  'mapped.test': ['::ffff:192.168.0.1'],
  'v4only.test': ['93.184.216.34'],
})

describe('createGuardedLookup', () => {
  it('returns the first address, or all of them, for a public host', async () => {
    const one = await runLookup(false, resolver, 'public.test', {})
    expect(one).toEqual({ error: null, address: '93.184.216.34', family: 4 })
    const all = await runLookup(false, resolver, 'public.test', { all: true })
    expect(all.error).toBeNull()
    expect(all.address).toHaveLength(2)
  })

  it('honours the requested address family', async () => {
    const v6 = await runLookup(false, resolver, 'public.test', { family: 6 })
    expect(v6).toMatchObject({ address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 })
    const none = await runLookup(false, resolver, 'v4only.test', { family: 6 })
    expect(none.error?.code).toBe('ENOTFOUND')
  })

  it.each([
    ['mixed.test', '10.0.0.7', 'private'],
    ['rebind.test', '127.0.0.1', 'loopback'],
    ['metadata.test', '169.254.169.254', 'link-local'],
    ['v6-private.test', 'fd00::1', 'unique-local'],
    ['mapped.test', '::ffff:192.168.0.1', 'private'],
  ])('refuses %s because ANY address (%s) is %s', async (host, address, kind) => {
    for (const options of [{}, { all: true }, { family: 4 }] as LookupOptions[]) {
      const result = await runLookup(false, resolver, host, options)
      expect(result.error).toBeInstanceOf(OutboundRequestError)
      expect((result.error as OutboundRequestError).reason).toBe('blocked_address')
      expect(result.error?.message).toContain(`refused to connect to ${host} (${address})`)
      expect(result.error?.message).toContain(`${kind} address`)
    }
  })

  it('lets private addresses through when allowed', async () => {
    const result = await runLookup(true, resolver, 'mixed.test', { all: true })
    expect(result.error).toBeNull()
    expect(result.address).toHaveLength(2)
  })

  it('passes resolution errors through', async () => {
    const result = await runLookup(false, resolver, 'missing.test', {})
    expect(result.error?.code).toBe('ENOTFOUND')
  })
})

describe('as the lookup of a real request', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    if (server) await stopTestServer(server)
  })

  async function listen(): Promise<{ port: number; connections: () => number }> {
    const started = await startTestServer()
    server = started
    return { port: Number(new URL(started.base).port), connections: () => started.connections }
  }

  function get(port: number, allowPrivate: boolean): Promise<number | Error> {
    const lookup = createGuardedLookup(allowPrivate, fakeResolver({ 'rebind.test': ['127.0.0.1'] }))
    return new Promise((done) => {
      const req = request({ host: 'rebind.test', port, agent: false, lookup }, (res) => {
        res.resume()
        done(res.statusCode ?? 0)
      })
      req.on('error', done)
      req.end()
    })
  }

  it('stops the connection before any packet is sent, with the refusal as the error', async () => {
    const { port, connections } = await listen()
    const outcome = await get(port, false)
    expect(outcome).toBeInstanceOf(OutboundRequestError)
    expect((outcome as OutboundRequestError).reason).toBe('blocked_address')
    expect(connections()).toBe(0)
  })

  it('connects to the checked address when allowed', async () => {
    const { port, connections } = await listen()
    expect(await get(port, true)).toBe(200)
    expect(connections()).toBe(1)
  })

  it('guardSocket destroys a socket whose peer turns out to be non-public', async () => {
    const { port } = await listen()
    const socket = connect({ host: '127.0.0.1', port })
    guardSocket(socket, false)
    const error = await new Promise<Error>((done) => socket.on('error', done))
    expect(error).toBeInstanceOf(OutboundRequestError)
    expect(error.message).toContain('refused to connect to 127.0.0.1')
    expect(socket.destroyed).toBe(true)
  })

  it('guardSocket leaves the socket alone when private networks are allowed', async () => {
    const { port } = await listen()
    const socket = connect({ host: '127.0.0.1', port })
    guardSocket(socket, true)
    await new Promise((done) => socket.once('connect', done))
    await new Promise((done) => setImmediate(done))
    expect(socket.destroyed).toBe(false)
    socket.destroy()
  })
})
