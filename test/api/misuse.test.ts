import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditActions, getCase, notifications, postDecision } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, countRows, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const DAY = 86_400_000

function policy(restriction: 'deprioritise' | 'refuse'): string {
  return JSON.stringify({
    misuse: {
      windowDays: 30,
      unfoundedThreshold: 2,
      unfoundedShare: 0.5,
      restriction,
      restrictionDays: 10,
    },
  })
}

async function report(h: TestHarness, reporterId: string) {
  return h.call(
    'platform',
    'POST',
    '/v1/reports',
    reportInput({ reporter: { kind: 'user', id: reporterId, email: `${reporterId}@example.org` } }),
  )
}

/** Files a notice from the reporter and decides it with the given assessment. */
async function judged(h: TestHarness, reporterId: string, noticeAssessment: string) {
  const filed = await report(h, reporterId)
  expect(filed.statusCode, filed.body).toBe(201)
  await postDecision(h, filed.json().caseId, {
    actions: [{ type: 'no_action' }],
    statement: 'The post is a weather forecast; nothing in it is a threat.',
    noticeAssessment,
  })
}

async function standingRow(h: TestHarness, key: string) {
  return h.ctx.db
    .selectFrom('reporter_standing')
    .selectAll()
    .where('reporter_key', '=', key)
    .executeTakeFirst()
}

describe.each(dialects())('misuse of notices, deprioritised, on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_POLICY: policy('deprioritise') })
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('warns at the threshold, then deprioritises the sender’s notices for the period', async () => {
    await judged(h, 'noisy-1', 'unfounded')
    await judged(h, 'noisy-1', 'manifestly_unfounded')
    expect(await standingRow(h, 'id:noisy-1')).toBeUndefined()
    await judged(h, 'noisy-1', 'manifestly_unfounded')
    expect(await standingRow(h, 'id:noisy-1')).toMatchObject({ restriction: null })
    const [warning] = await notifications(h, 'reporter_warning')
    expect(warning).toMatchObject({ recipient_id: 'noisy-1', recipient_role: 'reporter' })
    expect(warning?.body).toContain('clearly unfounded')

    await judged(h, 'noisy-1', 'manifestly_unfounded')
    const restricted = await standingRow(h, 'id:noisy-1')
    const until = new Date(h.clock.now().getTime() + 10 * DAY)
    expect(restricted).toMatchObject({ restriction: 'deprioritise', restricted_until: until })
    expect((await notifications(h, 'reporter_restriction'))[0]?.subject_line).toContain(
      'We have limited your reports until',
    )

    const low = await report(h, 'noisy-1')
    expect(low.statusCode, low.body).toBe(201)
    const lowCase = await getCase(h, low.json().caseId)
    expect(lowCase.priority).toBe(0)
    expect(lowCase.reports[0].triage).toBe('deprioritised')
    const normal = await report(h, 'careful-1')
    const normalCase = await getCase(h, normal.json().caseId)
    expect(normalCase.priority).toBeGreaterThan(0)
    expect(normalCase.reports[0].triage).not.toBe('deprioritised')

    h.clock.advance(11 * DAY)
    const later = await report(h, 'noisy-1')
    const laterCase = await getCase(h, later.json().caseId)
    expect(laterCase.priority).toBeGreaterThan(0)
  })
})

describe.each(dialects())('misuse of notices, refused, on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_POLICY: policy('refuse') })
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('warns, then refuses the sender’s notices until a date it names, storing nothing', async () => {
    for (let i = 0; i < 3; i += 1) await judged(h, 'noisy-2', 'manifestly_unfounded')
    expect(await standingRow(h, 'id:noisy-2')).toMatchObject({ restriction: 'refuse' })
    expect(await auditActions(h, 'id:noisy-2')).toEqual(['reporter.warned', 'reporter.restricted'])

    const before = await countRows(h.ctx.db, ['report', 'subject', 'moderation_case'])
    const refused = await report(h, 'noisy-2')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toContain('we are not taking reports from you until')
    expect(refused.json().error.details.restrictedUntil).toBe(
      new Date(h.clock.now().getTime() + 10 * DAY).toISOString(),
    )
    expect(await countRows(h.ctx.db, ['report', 'subject', 'moderation_case'])).toEqual(before)

    expect((await report(h, 'someone-else')).statusCode).toBe(201)
    h.clock.advance(10 * DAY)
    expect((await report(h, 'noisy-2')).statusCode).toBe(201)
  })
})
