import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extraKey, postDecision, postReport } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const HOUR = 3_600_000
const PERIOD = 'from=2026-11-21T00:00:00Z&to=2026-11-24T00:00:00Z'
const THREAT = 'illegal.harassment.threat_to_life'
const FRAUD = 'illegal.fraud'

let n = 0
function report(harm: string, reporterKind = 'user') {
  n += 1
  return {
    subject: { id: `dash-${n}`, kind: 'text', text: 'x', author: { id: `dash-author-${n}` } },
    harm,
    reporter: { kind: reporterKind, id: `dash-reporter-${n}` },
  }
}

function authorOf(body: ReturnType<typeof report>): string {
  return body.subject.author.id
}

/**
 * The fixture, by hand (clock starts 2026-11-22T09:00Z; default policy):
 * 09:00 A (threat, user) and B (threat, user) → general, SLA 72h; C (fraud, authority) →
 * trusted_flaggers, SLA 12h. 11:00 A decided (2h, not automated). 23:00 C decided (14h: late,
 * partially automated). 11-23 09:00 D (fraud, user) → general; appeals on A and C open their
 * appeal cases; 10:00 the appeal on A is reversed, the one on C upheld (each 1h). 11-24 01:00 E
 * opens after the period. Read at 11-25 12:00: B (deadline 11-25 09:00) is open and overdue,
 * D (deadline 11-26 09:00) open in time.
 */
async function seed(h: TestHarness) {
  const second = await extraKey(h, 'moderator', 'appeals moderator')
  const [bodyA, bodyC] = [report(THREAT), report(FRAUD, 'authority')]
  const a = await postReport(h, bodyA)
  await postReport(h, report(THREAT))
  const c = await postReport(h, bodyC)
  h.clock.advance(2 * HOUR)
  const onA = await postDecision(h, a.caseId, { harm: THREAT })
  h.clock.advance(12 * HOUR)
  const onC = await postDecision(h, c.caseId, {
    harm: FRAUD,
    ground: { type: 'illegal', offence: 'Fraud Act 2006 s.2 (fraud by false representation)' },
    automatedDecision: 'partially',
  })
  h.clock.advance(10 * HOUR)
  await postReport(h, report(FRAUD))
  const appeals = []
  for (const [decision, author] of [
    [onA.id, authorOf(bodyA)],
    [onC.id, authorOf(bodyC)],
  ]) {
    const res = await h.call('platform', 'POST', '/v1/appeals', {
      kind: 'decision',
      decisionId: decision,
      appellant: { id: author },
      grounds: 'It was a quote from a film, not a threat.',
    })
    expect(res.statusCode, res.body).toBe(201)
    appeals.push(res.json().appealId as string)
  }
  h.clock.advance(HOUR)
  const outcomes = [
    { outcome: 'reversed', reasons: 'Read in context, it quotes a film; it threatens nobody.' },
    { outcome: 'upheld', reasons: 'The post asks for bank details to release a prize.' },
  ]
  for (const [i, id] of appeals.entries()) {
    const res = await second('POST', `/v1/appeals/${id}/decision`, outcomes[i])
    expect(res.statusCode, res.body).toBe(200)
  }
  h.clock.set('2026-11-24T01:00:00Z')
  await postReport(h, report(THREAT))
  h.clock.set('2026-11-25T12:00:00Z')
}

describe.each(dialects())('dashboard figures on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    await seed(h)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('counts content cases opened per UTC day by harm and by what opened them', async () => {
    const res = await h.call('moderator', 'GET', `/v1/stats/dashboard?${PERIOD}`)
    expect(res.statusCode, res.body).toBe(200)
    const { volume, from, to } = res.json()
    expect({ from, to }).toEqual({
      from: '2026-11-21T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
    })
    expect(volume.total).toBe(4)
    expect(volume.harms.map((x: { harm: string; count: number }) => [x.harm, x.count])).toEqual([
      [FRAUD, 2],
      [THREAT, 2],
    ])
    expect(volume.days).toEqual([
      { day: '2026-11-21', total: 0, counts: [0, 0] },
      { day: '2026-11-22', total: 3, counts: [1, 2] },
      { day: '2026-11-23', total: 1, counts: [1, 0] },
    ])
    expect(volume.sources).toEqual([
      { source: 'user_report', label: 'User report', count: 3 },
      { source: 'authority', label: 'Authority', count: 1 },
    ])
  })

  it('measures time to decision against each queue’s deadline', async () => {
    const { sla } = (await h.call('admin', 'GET', `/v1/stats/dashboard?${PERIOD}`)).json()
    const byQueue = Object.fromEntries(sla.map((q: { queue: string }) => [q.queue, q]))
    expect(byQueue.general).toMatchObject({
      slaHours: 72,
      withinSla: 1,
      late: 0,
      openOverdue: 1,
      openInTime: 1,
      medianHoursToDecision: 2,
    })
    expect(byQueue.trusted_flaggers).toMatchObject({
      withinSla: 0,
      late: 1,
      openOverdue: 0,
      medianHoursToDecision: 14,
    })
    expect(byQueue.appeals).toMatchObject({ withinSla: 2, late: 0, medianHoursToDecision: 1 })
    expect(byQueue.child_safety).toMatchObject({
      withinSla: 0,
      late: 0,
      medianHoursToDecision: null,
    })
  })

  it('gives the automated share of decisions and the share of appeals reversed', async () => {
    const res = await h.call('moderator', 'GET', `/v1/stats/dashboard?${PERIOD}`)
    const { automation, appeals } = res.json()
    expect(automation).toEqual({ decisions: 3, fully: 0, partially: 1, not: 2, share: 1 / 3 })
    expect(appeals).toEqual({ decided: 2, reversed: 1, share: 0.5 })
  })

  it('defaults to the 30 days before now and refuses a period over a year', async () => {
    const res = await h.call('moderator', 'GET', '/v1/stats/dashboard')
    expect(res.json()).toMatchObject({
      from: '2026-10-26T12:00:00.000Z',
      to: '2026-11-25T12:00:00.000Z',
      volume: { total: 5 },
    })
    const long = await h.call(
      'moderator',
      'GET',
      '/v1/stats/dashboard?from=2025-01-01T00:00:00Z&to=2026-11-24T00:00:00Z',
    )
    expect(long.statusCode).toBe(400)
    expect(long.json().error.message).toContain('at most 366 days')
    const future = await h.call('moderator', 'GET', '/v1/stats/dashboard?from=2027-01-01T00:00:00Z')
    expect(future.statusCode).toBe(400)
    expect(future.json().error.message).toContain('`from` must be before `to`')
  })
})
