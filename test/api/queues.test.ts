import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addBank, getCase, openCase } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, createFlaggerWithKey, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const HOUR = 3_600_000

const POLICY = `
queues:
  definitions:
    - { id: child_safety, label: Child safety, slaHours: 1 }
    - { id: intimate_images, label: Intimate images, slaHours: 36, legalDeadlineHours: 48 }
    - { id: fraud, label: Fraud and scams, slaHours: 6 }
    - { id: direct_messages, label: Direct messages, slaHours: 8 }
    - { id: partners, label: Trusted flaggers, slaHours: 4 }
    - { id: everything_else, label: Everything else, slaHours: 48 }
    - { id: appeals, label: Appeals, slaHours: 168 }
    - { id: appeals_expedited, label: Expedited appeals, slaHours: 24 }
  routes:
    - { queue: child_safety, harms: [illegal.csea] }
    - { queue: intimate_images, harms: [illegal.intimate_image_abuse] }
    - { queue: fraud, harms: [illegal.fraud] }
    - { queue: direct_messages, surfaces: [private] }
    - { queue: partners, sources: [trusted_flagger, authority] }
  fallback: everything_else
  nearingShare: 0.5
  priority:
    sourceTrust: { trusted_flagger: 2 }
`

function harnessSuite(dialect: 'pglite' | 'postgres', settings: Record<string, string>) {
  let h: TestHarness
  return {
    get h() {
      return h
    },
    async open() {
      h = await createTestHarness(dialect, settings)
    },
    async close() {
      await closeHarness(h)
    },
    async file(harm: string, subject: Record<string, unknown> = {}) {
      const filed = await openCase(h, { harm, subject })
      return filed as { caseId: string; queue: string; expectedDecisionBy: string }
    },
    view: (id: string) => getCase(h, id),
  }
}

describe.each(dialects())('queues from the written policy on %s', (dialect) => {
  const s = harnessSuite(dialect, { VIGIL_POLICY: POLICY })
  beforeAll(() => s.open())
  afterAll(() => s.close())

  it('routes by harm, surface and source as the policy says', async () => {
    const opened = s.h.clock.now().getTime()
    const fraud = await s.file('illegal.fraud')
    expect(fraud.queue).toBe('Fraud and scams')
    const fraudCase = await s.view(fraud.caseId)
    expect(fraudCase.queue).toBe('fraud')
    expect(fraudCase.slaDeadline).toBe(new Date(opened + 6 * HOUR).toISOString())
    const dm = await s.file('illegal.hate', { surface: 'private' })
    expect((await s.view(dm.caseId)).queue).toBe('direct_messages')
    const other = await s.file('illegal.hate')
    expect((await s.view(other.caseId)).queue).toBe('everything_else')
    const flagger = await createFlaggerWithKey(s.h)
    const flagged = await flagger.call('POST', '/v1/reports', reportInput({ harm: 'illegal.hate' }))
    expect(flagged.statusCode, flagged.body).toBe(201)
    const flaggedCase = await s.view(flagged.json().caseId)
    expect(flaggedCase.queue).toBe('partners')
    expect(flaggedCase.priorityBreakdown.parts.trust).toBe(2)
  })

  it('routes content the detection pipeline holds by the same policy, with its reach', async () => {
    const bank = { name: 'scam-phrases', kind: 'keyword', harm: 'illegal.fraud', action: 'review' }
    await addBank(s.h, bank, ['send me your bank pin'])
    const res = await s.h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ text: 'please send me your bank pin now', reach: { followers: 9 } }),
    )
    expect(res.statusCode, res.body).toBe(200)
    const c = await s.view(res.json().caseId)
    expect(c.queue).toBe('fraud')
    expect(c.priorityBreakdown.parts).toMatchObject({
      source: 'keyword_list',
      reach: 9,
      reachFactor: 1.1,
    })
  })

  it('lists the queues in order with their SLA and open work', async () => {
    const res = await s.h.call('moderator', 'GET', '/v1/queues')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.nearingShare).toBe(0.5)
    expect(body.queues.map((q: { id: string }) => q.id)).toEqual([
      'child_safety',
      'intimate_images',
      'fraud',
      'direct_messages',
      'partners',
      'everything_else',
      'appeals',
      'appeals_expedited',
    ])
    expect(body.queues[1]).toMatchObject({ slaHours: 36, legalDeadlineHours: 48, open: 0 })
    expect(body.queues[2]).toMatchObject({ slaHours: 6, open: 2, nearing: 0, overdue: 0 })
    s.h.clock.advance(3 * HOUR)
    const later = (await s.h.call('moderator', 'GET', '/v1/queues')).json().queues
    expect(later[2]).toMatchObject({ open: 2, nearing: 2, overdue: 0 })
    s.h.clock.advance(3 * HOUR)
    const overdue = (await s.h.call('moderator', 'GET', '/v1/queues')).json().queues
    expect(overdue[2]).toMatchObject({ open: 2, nearing: 0, overdue: 2 })
    expect((await s.h.call('platform', 'GET', '/v1/queues')).statusCode).toBe(403)
  })
})

describe.each(dialects())('deadlines and priority with the default policy on %s', (dialect) => {
  const s = harnessSuite(dialect, {})
  beforeAll(() => s.open())
  afterAll(() => s.close())

  it('gives an intimate-image case a legal deadline 48 hours from the report', async () => {
    const reportedAt = s.h.clock.now().getTime()
    const filed = await s.file('illegal.intimate_image_abuse', { kind: 'image' })
    const c = await s.view(filed.caseId)
    expect(c.queue).toBe('intimate_images')
    expect(c.legalDeadline).toBe(new Date(reportedAt + 48 * HOUR).toISOString())
    expect(c.slaDeadline).toBe(new Date(reportedAt + 24 * HOUR).toISOString())
  })

  it('adds the legal deadline when an intimate-image report joins an open case', async () => {
    const first = await s.file('illegal.hate', { id: 'joined-subject' })
    s.h.clock.advance(5 * HOUR)
    const reportedAt = s.h.clock.now().getTime()
    const second = await s.file('illegal.intimate_image_abuse', { id: 'joined-subject' })
    expect(second.caseId).toBe(first.caseId)
    const c = await s.view(first.caseId)
    expect(c.queue).toBe('intimate_images')
    expect(c.legalDeadline).toBe(new Date(reportedAt + 48 * HOUR).toISOString())
    expect(new Date(c.slaDeadline).getTime()).toBeLessThanOrEqual(reportedAt + 48 * HOUR)
  })

  it('never moves a case out of a more urgent queue', async () => {
    const csea = await s.file('illegal.csea.grooming', { id: 'urgent-subject' })
    const later = await s.file('illegal.fraud', { id: 'urgent-subject', reach: { views: 1e9 } })
    expect(later.caseId).toBe(csea.caseId)
    expect((await s.view(csea.caseId)).queue).toBe('child_safety')
  })

  it('ranks wider reach higher and shows every part of the priority', async () => {
    const quiet = await s.file('illegal.hate')
    const viral = await s.file('illegal.hate', { reach: { views: 2_000_000, followers: 5_000 } })
    const q = await s.view(quiet.caseId)
    const v = await s.view(viral.caseId)
    expect(v.priority).toBeGreaterThan(q.priority)
    expect(v.priorityBreakdown).toMatchObject({
      value: v.priority,
      parts: { reach: 2_000_000, reachFactor: 1.6, source: 'user_report', trust: 1 },
    })
    const { severity } = v.priorityBreakdown.parts
    expect(v.priority).toBe(Math.round(100 * severity * 1.6))
    expect(q.priorityBreakdown.parts).toMatchObject({ reach: 0, reachFactor: 1 })
    const bad = await s.h.call(
      'platform',
      'POST',
      '/v1/reports',
      reportInput({ subject: { id: 'neg', kind: 'text', reach: { views: -1 } } }),
    )
    expect(bad.statusCode).toBe(400)
  })
})
