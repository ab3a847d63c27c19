import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCase, openCaseIds, openCase as openReportedCase, postDecision } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { subscribedReceiver, type WebhookReceiver } from '../webhook-receiver.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

interface AuditedEntry {
  action: string
  actor: string
  data: { step?: string }
}

interface Escalated {
  caseId: string
  step: string
  priority: number
  queue: string
  subject: { id: string }
}

describe.each(dialects())('deadline escalation on %s', (dialect) => {
  let h: TestHarness
  let receiver: WebhookReceiver
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    receiver = await subscribedReceiver(h, ['case.escalated'])
  })
  afterAll(async () => {
    await closeHarness(h)
    await receiver.close()
  })

  let n = 0
  async function openCase(harm: string): Promise<string> {
    n += 1
    return (await openReportedCase(h, { harm, subject: { id: `escalate-${n}` } })).caseId
  }

  const view = (id: string) => getCase(h, id)
  const eventsOf = (id: string) =>
    receiver.events
      .filter((e) => e.type === 'case.escalated' && e.data.caseId === id)
      .map((e) => e.data as unknown as Escalated)

  /** The escalations a case's history records, as actor:step. */
  function auditedSteps(view: { history: AuditedEntry[] }): string[] {
    return view.history
      .filter((e) => e.action === 'case.escalated')
      .map((e) => `${e.actor}:${e.data.step}`)
  }

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
    expect(auditedSteps(overdue)).toEqual(['system:nearing', 'system:overdue'])
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
    await postDecision(h, id, { harm: 'illegal.terrorism' })
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
    const ids = (query: string) => openCaseIds(h, query)
    expect(await ids('escalation=nearing')).toContain(early)
    expect(await ids('escalation=nearing')).not.toContain(late)
    expect(await ids('escalation=none')).toContain(late)
    const queues = (await h.call('moderator', 'GET', '/v1/queues')).json().queues
    const general = queues.find((q: { id: string }) => q.id === 'general')
    expect(general).toMatchObject({ slaHours: 72, nearing: 1, overdue: 0, open: 2 })
  })
})
