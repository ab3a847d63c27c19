import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

interface Escalated {
  caseId: string
  step: string
  priority: number
  queue: string
  subject: { id: string }
}

/** A webhook receiver on 127.0.0.1 that keeps every case.escalated event it is sent. */
async function startReceiver(): Promise<{
  url: string
  events: Escalated[]
  close(): Promise<void>
}> {
  const events: Escalated[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      if (body.type === 'case.escalated') events.push(body.data)
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('receiver has no port')
  return {
    url: `http://127.0.0.1:${address.port}/hooks`,
    events,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

describe.each(dialects())('deadline escalation on %s', (dialect) => {
  let h: TestHarness
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    receiver = await startReceiver()
    const hook = await h.call('platform', 'POST', '/v1/webhooks', {
      url: receiver.url,
      secret: 'escalation-test-secret-0000000000',
      events: ['case.escalated'],
    })
    expect(hook.statusCode, hook.body).toBe(201)
  })
  afterAll(async () => {
    await closeHarness(h)
    await receiver.close()
  })

  let n = 0
  async function openCase(harm: string, extra: Record<string, unknown> = {}) {
    n += 1
    const res = await h.call(
      'platform',
      'POST',
      '/v1/reports',
      reportInput({
        harm,
        subject: { id: `escalate-${n}`, kind: 'text', text: 'x' },
        reporter: { kind: 'user', id: `escalation-reporter-${n}` },
        ...extra,
      }),
    )
    expect(res.statusCode, res.body).toBe(201)
    return res.json().caseId as string
  }

  const view = async (id: string) => (await h.call('moderator', 'GET', `/v1/cases/${id}`)).json()
  const eventsOf = (id: string) => receiver.events.filter((e) => e.caseId === id)

  it('marks a case nearing, then overdue, raising priority and telling the platform once each', async () => {
    const id = await openCase('illegal.terrorism') // 1-hour SLA: nearing at 45 minutes
    const start = await view(id)
    await h.worker.drain()
    h.clock.advance(44 * MINUTE)
    await h.worker.drain()
    expect(eventsOf(id)).toEqual([])
    expect((await view(id)).escalation).toBeNull()

    h.clock.advance(MINUTE)
    await h.worker.drain()
    await h.worker.drain()
    const nearing = await view(id)
    expect(nearing.escalation).toBe('nearing')
    expect(nearing.priority).toBe(start.priority + 100)
    expect(eventsOf(id)).toEqual([
      expect.objectContaining({
        step: 'nearing',
        queue: 'terrorism',
        priority: start.priority + 100,
      }),
    ])

    h.clock.advance(15 * MINUTE)
    await h.worker.drain()
    h.clock.advance(24 * HOUR)
    await h.worker.drain()
    const overdue = await view(id)
    expect(overdue).toMatchObject({
      escalation: 'overdue',
      overdue: true,
      priority: start.priority + 400,
    })
    expect(overdue.priorityBreakdown.parts.escalationBoost).toBe(400)
    expect(eventsOf(id).map((e) => e.step)).toEqual(['nearing', 'overdue'])
    expect(eventsOf(id)[1]?.subject.id).toBe(`escalate-${n}`)
    const audited = overdue.history.filter((e: { action: string }) => e.action === 'case.escalated')
    expect(audited.map((e: { data: { step: string } }) => e.data.step)).toEqual([
      'nearing',
      'overdue',
    ])
    expect(audited[0].actor).toBe('system')
  })

  it('goes straight to overdue when the worker first sees a case past its deadline', async () => {
    const id = await openCase('illegal.csea.grooming')
    h.clock.advance(2 * HOUR)
    await h.worker.drain()
    expect((await view(id)).escalation).toBe('overdue')
    expect(eventsOf(id).map((e) => e.step)).toEqual(['overdue'])
  })

  it('leaves decided cases alone', async () => {
    const id = await openCase('illegal.terrorism')
    const decided = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${id}/decisions`,
      decisionInput({ harm: 'illegal.terrorism' }),
    )
    expect(decided.statusCode, decided.body).toBe(201)
    h.clock.advance(3 * HOUR)
    await h.worker.drain()
    expect(eventsOf(id)).toEqual([])
    expect((await view(id)).escalation).toBeNull()
  })

  it('filters the case list by escalation and counts it per queue', async () => {
    const early = await openCase('illegal.hate') // general: 72 h, nearing at 54 h
    h.clock.advance(55 * HOUR)
    const late = await openCase('illegal.hate')
    await h.worker.drain()
    const ids = async (query: string) =>
      (await h.call('moderator', 'GET', `/v1/cases?status=open&limit=200&${query}`))
        .json()
        .cases.map((c: { id: string }) => c.id)
    expect(await ids('escalation=nearing')).toContain(early)
    expect(await ids('escalation=nearing')).not.toContain(late)
    expect(await ids('escalation=none')).toContain(late)
    const queues = (await h.call('moderator', 'GET', '/v1/queues')).json().queues
    const general = queues.find((q: { id: string }) => q.id === 'general')
    expect(general).toMatchObject({ slaHours: 72, nearing: 1, overdue: 0, open: 2 })
  })
})
