import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

interface Received {
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** A webhook receiver on 127.0.0.1:0; `answers[path]` picks the status for the n-th request. */
interface Receiver {
  base: string
  received: Received[]
  on(path: string): Received[]
  close(): Promise<void>
}

async function startReceiver(answers: Record<string, (n: number) => number>): Promise<Receiver> {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = req.url ?? '/'
      const n = received.filter((r) => r.path === path).length
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.writeHead(answers[path]?.(n) ?? 404, { 'content-type': 'text/plain' }).end('thanks')
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('receiver has no port')
  return {
    base: `http://127.0.0.1:${address.port}`,
    received,
    on: (path) => received.filter((r) => r.path === path),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** The Standard Webhooks signature, computed here without Vigil's code. */
function expectedSignature(secret: string, r: Received): string {
  const id = r.headers['webhook-id']
  const timestamp = r.headers['webhook-timestamp']
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${id}.${timestamp}.${r.body}`)
    .digest('base64')
  return `v1,${mac}`
}

const SECRET = 'shh-this-is-a-32-char-secret-000'

async function register(h: TestHarness, url: string, events?: string[]) {
  const res = await h.call('platform', 'POST', '/v1/webhooks', {
    url,
    secret: SECRET,
    ...(events ? { events } : {}),
  })
  expect(res.statusCode, res.body).toBe(201)
  expect(JSON.stringify(res.json())).not.toContain(SECRET)
  return res.json() as { id: string; events: string[] }
}

async function decide(h: TestHarness, actions: Record<string, unknown>[]) {
  const filed = await h.call('platform', 'POST', '/v1/reports', reportInput())
  expect(filed.statusCode).toBe(201)
  const res = await h.call(
    'moderator',
    'POST',
    `/v1/cases/${filed.json().caseId}/decisions`,
    decisionInput({ actions }),
  )
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; caseId: string }
}

async function deliveries(h: TestHarness, endpointId: string) {
  const res = await h.call('platform', 'GET', `/v1/webhooks/${endpointId}/deliveries`)
  expect(res.statusCode).toBe(200)
  return res.json().deliveries as {
    id: string
    eventType: string
    status: string
    attempts: number
    lastStatusCode: number | null
  }[]
}

async function delivery(h: TestHarness, id: string) {
  const res = await h.call('admin', 'GET', `/v1/webhook-deliveries/${id}`)
  expect(res.statusCode).toBe(200)
  return res.json() as {
    status: string
    attempts: number
    attemptLog: { status_code: number | null; error: string | null }[]
  }
}

describe.each(dialects())('webhooks on %s', (dialect) => {
  let receiver: Receiver
  beforeAll(async () => {
    receiver = await startReceiver({
      '/ok': () => 200,
      '/flaky': (n) => (n === 0 ? 500 : 200),
      '/down': () => 500,
    })
  })
  afterAll(async () => {
    await receiver.close()
  })

  describe('delivery and retry', () => {
    let h: TestHarness
    beforeAll(async () => {
      h = await createTestHarness(dialect, { VIGIL_WEBHOOK_RETRY_DELAY_SECONDS: '1' })
    })
    afterAll(async () => {
      await closeHarness(h)
    })

    it('delivers signed decision.recorded and action.requested events, logged once each', async () => {
      const endpoint = await register(h, `${receiver.base}/ok`)
      expect(endpoint.events).toEqual([
        'decision.recorded',
        'action.requested',
        'content.blocked',
        'notification.requested',
        'case.escalated',
      ])
      const decision = await decide(h, [
        { type: 'remove' },
        { type: 'suspend_account', durationHours: 72 },
      ])
      expect(receiver.on('/ok')).toHaveLength(0)
      await h.worker.drain()

      // @NOTE The decided case's report also owes its reporter messages (notification.requested).
      const all = receiver.on('/ok')
      const got = all.filter((r) => JSON.parse(r.body).type !== 'notification.requested')
      const bodies = got.map((r) => JSON.parse(r.body))
      expect(bodies.map((b) => b.type).sort()).toEqual([
        'action.requested',
        'action.requested',
        'decision.recorded',
      ])
      expect(bodies.find((b) => b.type === 'decision.recorded').data.decision).toMatchObject({
        id: decision.id,
        caseId: decision.caseId,
      })
      const requested = bodies.filter((b) => b.type === 'action.requested')
      expect(requested.map((b) => b.data.action.type).sort()).toEqual(['remove', 'suspend_account'])
      for (const b of requested) expect(b.data.decisionId).toBe(decision.id)

      const timestamp = String(Math.floor(h.clock.now().getTime() / 1000))
      for (const r of got) {
        expect(r.headers['content-type']).toBe('application/json')
        expect(r.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/)
        expect(r.headers['webhook-timestamp']).toBe(timestamp)
        expect(r.headers['webhook-signature']).toBe(expectedSignature(SECRET, r))
      }
      expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(3)

      const log = await deliveries(h, endpoint.id)
      expect(log.map((d) => d.id).sort()).toEqual(
        all.map((r) => r.headers['webhook-id'] as string).sort(),
      )
      for (const d of log) {
        expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 })
        const one = await delivery(h, d.id)
        expect(one.status).toBe('delivered')
        expect(one.attemptLog).toEqual([expect.objectContaining({ status_code: 200, error: null })])
      }

      await h.worker.drain()
      expect(receiver.on('/ok')).toHaveLength(all.length)
      const disabled = await h.call('platform', 'DELETE', `/v1/webhooks/${endpoint.id}`)
      expect(disabled.statusCode).toBe(204)
    })

    it('gives up on queued deliveries when their endpoint is disabled', async () => {
      const endpoint = await register(h, `${receiver.base}/ok`, ['decision.recorded'])
      const before = receiver.on('/ok').length
      await decide(h, [{ type: 'remove' }])
      await h.call('platform', 'DELETE', `/v1/webhooks/${endpoint.id}`)
      await h.worker.drain()
      expect(receiver.on('/ok')).toHaveLength(before)
      const [queued] = await deliveries(h, endpoint.id)
      expect(queued).toMatchObject({ status: 'dead', lastError: 'the endpoint was disabled' })
    })

    it('sends only the events an endpoint subscribed to, and none for no_action', async () => {
      const endpoint = await register(h, `${receiver.base}/ok`, ['action.requested'])
      const before = receiver.on('/ok').length
      await decide(h, [{ type: 'no_action' }])
      await h.worker.drain()
      expect(receiver.on('/ok')).toHaveLength(before)
      await decide(h, [{ type: 'label', label: 'misleading' }])
      await h.worker.drain()
      const sent = receiver.on('/ok').slice(before)
      expect(sent.map((r) => JSON.parse(r.body).type)).toEqual(['action.requested'])
      expect((await deliveries(h, endpoint.id)).map((d) => d.eventType)).toEqual([
        'action.requested',
      ])
      await h.call('platform', 'DELETE', `/v1/webhooks/${endpoint.id}`)
    })

    it('retries a failed delivery later with backoff until it is delivered', async () => {
      const endpoint = await register(h, `${receiver.base}/flaky`, ['decision.recorded'])
      const okBefore = receiver.on('/ok').length
      await decide(h, [{ type: 'remove' }])
      await h.worker.drain()

      const [first] = await deliveries(h, endpoint.id)
      expect(first).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: 500 })
      const failed = await delivery(h, first?.id as string)
      expect(failed.attemptLog).toEqual([
        expect.objectContaining({ status_code: 500, error: 'endpoint answered HTTP 500' }),
      ])
      expect(receiver.on('/flaky')).toHaveLength(1)

      // pg-boss schedules the retry 1–2 s ahead (VIGIL_WEBHOOK_RETRY_DELAY_SECONDS=1, backoff).
      const deadline = Date.now() + 10_000
      let status = 'retrying'
      while (status !== 'delivered' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        await h.worker.drain()
        status = (await delivery(h, first?.id as string)).status
      }
      const done = await delivery(h, first?.id as string)
      expect(done).toMatchObject({ status: 'delivered', attempts: 2 })
      expect(done.attemptLog.map((a) => a.status_code)).toEqual([500, 200])
      const sent = receiver.on('/flaky')
      expect(sent).toHaveLength(2)
      expect(sent[1]?.headers['webhook-id']).toBe(sent[0]?.headers['webhook-id'])
      expect(sent[1]?.body).toBe(sent[0]?.body)
      expect(sent[1]?.headers['webhook-signature']).toBe(
        expectedSignature(SECRET, sent[1] as Received),
      )
      expect(receiver.on('/ok')).toHaveLength(okBefore)
    })
  })

  describe('with no retries left', () => {
    let h: TestHarness
    beforeAll(async () => {
      h = await createTestHarness(dialect, { VIGIL_WEBHOOK_RETRY_LIMIT: '0' })
    })
    afterAll(async () => {
      await closeHarness(h)
    })

    it('marks a delivery dead after one failed attempt', async () => {
      const endpoint = await register(h, `${receiver.base}/down`, ['decision.recorded'])
      await decide(h, [{ type: 'remove' }])
      await h.worker.drain()
      const [dead] = await deliveries(h, endpoint.id)
      expect(dead).toMatchObject({ status: 'dead', attempts: 1, lastStatusCode: 500 })
      expect((await delivery(h, dead?.id as string)).attemptLog).toHaveLength(1)
      const filtered = await h.call(
        'platform',
        'GET',
        `/v1/webhooks/${endpoint.id}/deliveries?status=dead`,
      )
      expect(filtered.json().deliveries.map((d: { id: string }) => d.id)).toEqual([dead?.id])
      await h.worker.drain()
      expect(receiver.on('/down')).toHaveLength(1)
    })
  })

  describe('without private network access', () => {
    let h: TestHarness
    beforeAll(async () => {
      h = await createTestHarness(dialect, { VIGIL_ALLOW_PRIVATE_NETWORK: 'false' })
    })
    afterAll(async () => {
      await closeHarness(h)
    })

    it('refuses to register a private or loopback URL', async () => {
      for (const url of [
        `${receiver.base}/ok`,
        'http://localhost:8080/hook',
        'http://10.1.2.3/hook',
        'http://[::1]/hook',
        'http://169.254.169.254/latest',
      ]) {
        const res = await h.call('platform', 'POST', '/v1/webhooks', { url, secret: SECRET })
        expect(res.statusCode, url).toBe(400)
        expect(res.json().error).toMatchObject({ code: 'invalid_input', details: { field: 'url' } })
      }
      const listed = await h.call('platform', 'GET', '/v1/webhooks')
      expect(listed.json()).toEqual({ webhooks: [] })
    })

    it('registers a public URL', async () => {
      const res = await h.call('platform', 'POST', '/v1/webhooks', {
        url: 'https://hooks.platform.example/vigil',
        secret: SECRET,
      })
      expect(res.statusCode).toBe(201)
    })
  })
})
