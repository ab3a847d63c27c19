import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  reportSections,
  type TransparencyReport,
  transparencyReportSchema,
} from '../../src/core/transparency-report.js'
import { asSession, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import {
  FIXTURE_PERIOD,
  FIXTURE_POLICY,
  FRAUD,
  HATE,
  seedTransparencyFixture,
  TERRORISM,
  THREAT,
} from './fixture.js'

const URL = `/v1/transparency/report?from=${FIXTURE_PERIOD.from}&to=${FIXTURE_PERIOD.to}`

/** Every figure as `section.metric`: a value, or a breakdown's [key, value] rows in order. */
function figures(report: TransparencyReport): Record<string, unknown> {
  const flat: Record<string, unknown> = {}
  for (const { key, figures: list } of reportSections(report)) {
    for (const [metric, figure] of list) {
      flat[`${key}.${metric}`] =
        figure.kind === 'figure' ? figure.value : figure.rows.map((r) => [r.key, r.value])
    }
  }
  return flat
}

// @NOTE The figures of test/transparency/fixture.ts, worked out by hand from its timeline.
// Hours below are notice → decision; "in the period" means [2026-11-22, 2026-11-24).
const EXPECTED: Record<string, unknown> = {
  // Orders: A1, A2 (terrorism). Both had a reporter id, so both were acknowledged at once (0 h).
  // A1 was decided after 1 h, A2 never: median of [1] = 1.
  'orders.received': 2,
  'orders.byHarm': [[TERRORISM, 2]],
  'orders.byMemberState': [['not_recorded', 2]],
  'orders.medianHoursToAcknowledge': 0,
  'orders.medianHoursToEffect': 1,
  // Notices: U1–U8 (8 users), N9 (1 non-user), F1–F3 (3 trusted flaggers) = 12; U0 came before.
  'notices.received': 12,
  'notices.bySender': [
    ['user', 8],
    ['trusted_flagger', 3],
    ['non_user', 1],
  ],
  // threat: U1 U2 U7 U8 N9 F1 = 6; fraud: U3 U4 F2 = 3; hate: U5 U6 F3 = 3 (ties by id).
  'notices.byHarm': [
    [THREAT, 6],
    [FRAUD, 3],
    [HATE, 3],
  ],
  'notices.fromTrustedFlaggers': 3,
  'notices.trustedFlaggerShare': 0.25, // 3 / 12
  // illegal: U1 U2 (C1) + U7 U8 N9 (C6) + F1 (C7) + F2 (C8) = 7; terms: U3 (C2) = 1;
  // no action: U4 (C3) + U6 (C5) = 2; not decided: U5 (decided after the period) + F3 = 2.
  'notices.actionsByGround': [
    ['illegal', 7],
    ['no_action', 2],
    ['not_decided', 2],
    ['terms', 1],
  ],
  'notices.automated': 2, // U3 (C2 fully) + F2 (C8 partially)
  // decided: F1 1, U1 2, U2 2, F2 3, U3 4, U4 6, U6 7, U7 8, U8 8, N9 8 → (4 + 6) / 2 = 5.
  'notices.medianHoursToAction': 5,
  // user: 2 2 4 6 7 8 8 → 6; non-user: 8; trusted flagger: 1 3 → 2; authority: 1.
  'notices.medianHoursBySender': [
    ['user', 6],
    ['non_user', 8],
    ['trusted_flagger', 2],
    ['authority', 1],
  ],
  // Own initiative: O1 (remove + suspend_account) and O2 (label) restricted; O3 took no action.
  'ownInitiative.measures': 2,
  'ownInitiative.byRestriction': [
    ['label', 1],
    ['remove', 1],
    ['suspend_account', 1],
  ],
  'ownInitiative.byDetectionMethod': [
    ['keyword_list', 1],
    ['url_list', 1],
  ],
  'ownInitiative.byGround': [
    ['illegal', 1],
    ['terms', 1],
  ],
  'ownInitiative.automatedShare': 0.5, // O1 fully automated, of 2
  'ownInitiative.automatedDetectionShare': 1, // O1 and O2 both declare automated detection
  // Complaints: P1–P5 received (4 against decisions, 1 other); P1 P2 P3 P4 decided.
  'complaints.received': 5,
  'complaints.byBasis': [
    ['decision', 4],
    ['other', 1],
  ],
  'complaints.decided': 4,
  'complaints.byOutcome': [
    ['upheld', 2],
    ['resolved', 1],
    ['reversed', 1],
  ],
  'complaints.medianHoursToDecision': 3, // P1 2 h, P4 2 h, P2 4 h, P3 6 h → (2 + 4) / 2
  'complaints.reversed': 1,
  'complaints.reversalShare': 1 / 3, // P2 reversed, of P1 P2 P3 upheld or reversed
  // Detectors: the keyword bank fired on O1 and O3, the URL bank on O2.
  'automatedTools.purposes': [
    ['keyword_list:keyword_list:scam-phrases', 2],
    ['url_list:url_list:scam-links', 1],
  ],
  'automatedTools.automatedDecisions': 3, // C2 fully, C8 partially, O1 fully
  'automatedTools.appealedDecisions': 2, // C2 (P2) and O1 (P3)
  'automatedTools.reversedDecisions': 1, // C2
  'automatedTools.estimatedErrorRate': 0.5, // 1 / 2
  'automatedTools.reversedShareOfAll': 1 / 3, // 1 / 3
  'automatedTools.humanReviewShare': 2 / 3, // O1 O2 O3 detected; O2 and O3 decided by a person
  'disputesAndSuspensions.outOfCourtDisputes': 0,
  // author-repeat's second strike (C6, illegal) suspended the account; "noisy" was restricted
  // after its second manifestly unfounded notice (C5).
  'disputesAndSuspensions.suspensionsByCause': [
    ['illegal_content', 1],
    ['terms_violations', 0],
    ['manifestly_unfounded_notices', 1],
    ['manifestly_unfounded_complaints', 0],
  ],
  // Decisions in the period: C0 C1 C2 C3 C5 C6 C7 C8 C10 O1 O2 O3 = 12 (C4 came after; the
  // reversal of C2 is an appeal decision). Illegal and restrictive: fraud C0 C8 O1, threat C1
  // C6 C7, terrorism C10.
  'ofcom.illegalContentByHarm': [
    [FRAUD, 3],
    [THREAT, 3],
    [TERRORISM, 1],
  ],
  // Terms: C2 remove; C3 C5 O3 no action; O2 label.
  'ofcom.termsByRestriction': [
    ['no_action', 3],
    ['label', 1],
    ['remove', 1],
  ],
  // Reports: C0 C1 C2 C3 C5 C6; flaggers: C7 C8; authority: C10; keyword: O1 O3; URL: O2.
  'ofcom.decisionsByOrigin': [
    ['user_report', 6],
    ['keyword_list', 2],
    ['trusted_flagger', 2],
    ['authority', 1],
    ['url_list', 1],
  ],
  'ofcom.proactiveTechnologyShare': 0.25, // O1 O2 O3, of 12
  // Reports as Ofcom counts them are the notices (orders apart): 12, median (4 + 6) / 2 = 5.
  'ofcom.reportsReceived': 12,
  'ofcom.reportsMedianHoursToDecision': 5,
  'ofcom.complaintsReceived': 5,
  'ofcom.complaintsMedianHoursToDecision': 3,
}

describe.each(dialects())('transparency report figures on %s', (dialect) => {
  let h: TestHarness
  let report: TransparencyReport
  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_POLICY: FIXTURE_POLICY })
    await seedTransparencyFixture(h)
    const res = await h.call('admin', 'GET', URL)
    expect(res.statusCode, res.body).toBe(200)
    report = transparencyReportSchema.parse(res.json())
  }, 60_000)
  afterAll(async () => {
    await closeHarness(h)
  })

  it('gives every figure the hand-computed value', () => {
    expect(figures(report)).toEqual(EXPECTED)
  })

  it('states the period, labels harms from the taxonomy and defines every figure', () => {
    expect(report.period).toEqual({
      from: '2026-11-22',
      to: '2026-11-24',
      generatedAt: '2026-11-25T12:00:00.000Z',
    })
    const byHarm = report.sections.orders.figures.byHarm.rows[0]
    expect(byHarm?.label).toBe('Terrorism')
    for (const { figures: list } of reportSections(report)) {
      for (const [, figure] of list) expect(figure.definition).toMatch(/^[A-Z].{20,}\.$/)
    }
    expect(report.notes.join(' ')).toContain('estimated from appeal outcomes')
  })

  it('answers CSV and a self-contained HTML page', async () => {
    const csv = await h.call('admin', 'GET', `${URL}&format=csv`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.body).toContain('notices,trustedFlaggerShare,,0.25,')
    const html = await h.call('admin', 'GET', `${URL}&format=html`)
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(html.headers['content-security-policy']).toContain("default-src 'none'")
    expect(html.body).toContain('<svg')
  })

  it('lets the console auditor read it, and refuses a moderator and a bad period', async () => {
    const auditor = await signedIn(h, 'auditor')
    const read = await asSession(h, auditor, false)('GET', URL)
    expect(read.statusCode, read.body).toBe(200)
    const moderator = await signedIn(h, 'moderator')
    expect((await asSession(h, moderator, false)('GET', URL)).statusCode).toBe(403)
    const long = await h.call(
      'admin',
      'GET',
      '/v1/transparency/report?from=2025-01-01&to=2026-06-01',
    )
    expect(long.statusCode).toBe(400)
    expect(long.json().error.message).toContain('at most 366 days')
    const backwards = await h.call(
      'admin',
      'GET',
      '/v1/transparency/report?from=2026-02-01&to=2026-01-01',
    )
    expect(backwards.statusCode).toBe(400)
    const badDay = await h.call(
      'admin',
      'GET',
      '/v1/transparency/report?from=2026-02-30&to=2026-03-01',
    )
    expect(badDay.statusCode).toBe(400)
  })
})
