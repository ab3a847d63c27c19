import { expect } from 'vitest'
import { addBank, postDecision } from '../api-steps.js'
import { contentInput } from '../factories.js'
import type { TestHarness } from '../harness.js'

// @NOTE A small data set with known figures for the transparency report, made through the API as
// a platform, moderators and an admin would. The period is [2026-11-22, 2026-11-24). Times are
// UTC; T0 is 2026-11-22 09:00 (the harness's start).
//
// Notices (U = user, N = non-user, F = trusted flagger) and authorities' orders (A):
//   11-21 12:00 (before the period) U0 fraud → case C0
//   T0  U1 + U2 threat (same post by author-repeat) → C1; U3 fraud → C2; U4 fraud (noisy) → C3;
//       U5 hate → C4; U6 hate (noisy) → C5; U7 + U8 threat + N9 threat (same post by
//       author-repeat) → C6; F1 threat → C7; F2 fraud → C8; F3 hate → C9;
//       A1 terrorism → C10; A2 terrorism → C11
//   T0  content: O1 and O3 hit the keyword bank, O2 the URL bank (own-initiative cases)
// Decisions (moderator; "auto" = automatedDecision):
//   +1h C7 illegal remove; C10 illegal remove        +2h C1 illegal remove (author-repeat warned)
//   +3h C8 illegal remove, auto partially            +4h C2 terms remove, auto fully
//   +5h C0 illegal remove; O1 illegal remove + suspend_account, auto fully, detected
//   +6h C3 terms no_action, manifestly unfounded (noisy warned); O2 terms label, detected
//   +7h C5 terms no_action, manifestly unfounded (noisy restricted); O3 terms no_action, detected
//   +8h C6 illegal remove (author-repeat's second strike: suspended)
//   11-24 01:00 (after the period) C4 illegal remove
// Complaints, filed 11-23 09:00: P1 on C1, P2 on C2, P3 on O1, P4 "other", P5 on C6. Decided (admin)
// at 11:00 P1 upheld, P4 resolved; 13:00 P2 reversed; 15:00 P3 upheld; P5 stays open.

export const FIXTURE_PERIOD = { from: '2026-11-22', to: '2026-11-24' }

/** Two strikes suspend; one manifestly unfounded notice warns, a second restricts. */
export const FIXTURE_POLICY = JSON.stringify({
  strikes: {
    ladder: [
      { atPoints: 1, action: 'warning' },
      { atPoints: 2, action: 'suspension', hours: 24 },
    ],
  },
  misuse: {
    windowDays: 30,
    unfoundedThreshold: 1,
    unfoundedShare: 0,
    restriction: 'deprioritise',
    restrictionDays: 10,
  },
})

export const THREAT = 'illegal.harassment.threat_to_life'
export const FRAUD = 'illegal.fraud'
export const HATE = 'illegal.hate'
export const TERRORISM = 'illegal.terrorism'

const ILLEGAL = { type: 'illegal', offence: 'an offence under the law of the place' }
const TERMS = { type: 'terms', clause: '4.1 No spam or scams', version: '2026-01' }
const HOUR = 3_600_000
const T0 = Date.parse('2026-11-22T09:00:00Z')

interface Notice {
  post: string
  author: string
  harm: string
  reporter: Record<string, string>
}

async function file(h: TestHarness, notice: Notice): Promise<string> {
  const res = await h.call('platform', 'POST', '/v1/reports', {
    subject: { id: notice.post, kind: 'text', text: 'a post', author: { id: notice.author } },
    harm: notice.harm,
    explanation: 'This post breaks the law or the rules.',
    reporter: notice.reporter,
    goodFaith: true,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().caseId as string
}

const user = (id: string) => ({ kind: 'user', id })

/** Files the notices of T0; the case of each, by name. */
async function fileNotices(h: TestHarness): Promise<Record<string, string>> {
  const c: Record<string, string> = {}
  c.C1 = await file(h, { post: 'p1', author: 'author-repeat', harm: THREAT, reporter: user('r1') })
  await file(h, { post: 'p1', author: 'author-repeat', harm: THREAT, reporter: user('r2') })
  c.C2 = await file(h, { post: 'p3', author: 'a3', harm: FRAUD, reporter: user('r3') })
  c.C3 = await file(h, { post: 'p4', author: 'a4', harm: FRAUD, reporter: user('noisy') })
  c.C4 = await file(h, { post: 'p5', author: 'a5', harm: HATE, reporter: user('r5') })
  c.C5 = await file(h, { post: 'p6', author: 'a6', harm: HATE, reporter: user('noisy') })
  c.C6 = await file(h, { post: 'p7', author: 'author-repeat', harm: THREAT, reporter: user('r7') })
  await file(h, { post: 'p7', author: 'author-repeat', harm: THREAT, reporter: user('r8') })
  const passerBy = { kind: 'non_user', email: 'passer-by@example.org' }
  await file(h, { post: 'p7', author: 'author-repeat', harm: THREAT, reporter: passerBy })
  const flagger = (id: string) => ({ kind: 'trusted_flagger', id })
  c.C7 = await file(h, { post: 'p10', author: 'a10', harm: THREAT, reporter: flagger('tf-1') })
  c.C8 = await file(h, { post: 'p11', author: 'a11', harm: FRAUD, reporter: flagger('tf-1') })
  await file(h, { post: 'p12', author: 'a12', harm: HATE, reporter: flagger('tf-2') })
  const police = (id: string) => ({ kind: 'authority', id })
  c.C10 = await file(h, { post: 'p13', author: 'a13', harm: TERRORISM, reporter: police('pol-1') })
  await file(h, { post: 'p14', author: 'a14', harm: TERRORISM, reporter: police('pol-2') })
  return c
}

/** Posts content the banks hold; the case each opened. */
async function ingestHits(h: TestHarness): Promise<Record<string, string>> {
  await addBank(h, { name: 'scam-phrases', kind: 'keyword', harm: FRAUD, action: 'review' }, [
    'send me your bank pin',
  ])
  await addBank(h, { name: 'scam-links', kind: 'url', harm: FRAUD, action: 'review' }, [
    'cheap-crypto.example',
  ])
  const texts = {
    O1: 'please send me your bank pin now',
    O2: 'deals at https://cheap-crypto.example/win',
    O3: 'send me your bank pin today',
  }
  const cases: Record<string, string> = {}
  for (const [name, text] of Object.entries(texts)) {
    const res = await h.call('platform', 'POST', '/v1/content', {
      ...contentInput({ text, author: { id: `author-${name}` } }),
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().caseId, res.body).toBeTruthy()
    cases[name] = res.json().caseId as string
  }
  return cases
}

type Step = [hours: number, caseName: string, decision: Record<string, unknown>]

const remove = [{ type: 'remove' }]
const nothing = [{ type: 'no_action' }]
const unfounded = { noticeAssessment: 'manifestly_unfounded' }

const DECISIONS: Step[] = [
  [1, 'C7', { harm: THREAT, ground: ILLEGAL, actions: remove }],
  [1, 'C10', { harm: TERRORISM, ground: ILLEGAL, actions: remove }],
  [2, 'C1', { harm: THREAT, ground: ILLEGAL, actions: remove }],
  [3, 'C8', { harm: FRAUD, ground: ILLEGAL, actions: remove, automatedDecision: 'partially' }],
  [4, 'C2', { harm: FRAUD, ground: TERMS, actions: remove, automatedDecision: 'fully' }],
  [5, 'C0', { harm: FRAUD, ground: ILLEGAL, actions: remove }],
  [
    5,
    'O1',
    {
      harm: FRAUD,
      ground: ILLEGAL,
      actions: [{ type: 'remove' }, { type: 'suspend_account' }],
      automatedDecision: 'fully',
      automatedDetection: true,
    },
  ],
  [6, 'C3', { harm: FRAUD, ground: TERMS, actions: nothing, ...unfounded }],
  [
    6,
    'O2',
    {
      harm: FRAUD,
      ground: TERMS,
      actions: [{ type: 'label', label: 'Scam warning' }],
      automatedDetection: true,
    },
  ],
  [7, 'C5', { harm: HATE, ground: TERMS, actions: nothing, ...unfounded }],
  [7, 'O3', { harm: FRAUD, ground: TERMS, actions: nothing, automatedDetection: true }],
  [8, 'C6', { harm: THREAT, ground: ILLEGAL, actions: remove }],
]

async function decide(h: TestHarness, cases: Record<string, string>) {
  const ids: Record<string, string> = {}
  for (const [hours, name, decision] of DECISIONS) {
    h.clock.set(new Date(T0 + hours * HOUR))
    const made = await postDecision(h, cases[name] as string, {
      statement: `Decision on ${name}.`,
      ...decision,
    })
    ids[name] = made.id as string
  }
  return ids
}

async function appeal(h: TestHarness, body: Record<string, unknown>): Promise<string> {
  const res = await h.call('platform', 'POST', '/v1/appeals', {
    grounds: 'This decision is wrong.',
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().appealId as string
}

async function settle(h: TestHarness, at: string, appealId: string, outcome: string) {
  h.clock.set(at)
  const res = await h.call('admin', 'POST', `/v1/appeals/${appealId}/decision`, {
    outcome,
    reasons: `The appeal is ${outcome}.`,
  })
  expect(res.statusCode, res.body).toBe(200)
}

async function complaints(h: TestHarness, decisions: Record<string, string>) {
  h.clock.set('2026-11-23T09:00:00Z')
  const onDecision = (name: string, author: string) =>
    appeal(h, { kind: 'decision', decisionId: decisions[name], appellant: { id: author } })
  const p1 = await onDecision('C1', 'author-repeat')
  const p2 = await onDecision('C2', 'a3')
  const p3 = await onDecision('O1', 'author-O1')
  const p4 = await appeal(h, { kind: 'other', appellant: { id: 'complainer' } })
  await onDecision('C6', 'author-repeat')
  await settle(h, '2026-11-23T11:00:00Z', p1, 'upheld')
  await settle(h, '2026-11-23T11:00:00Z', p4, 'resolved')
  await settle(h, '2026-11-23T13:00:00Z', p2, 'reversed')
  await settle(h, '2026-11-23T15:00:00Z', p3, 'upheld')
}

/** Builds the whole data set; leaves the clock after the period. */
export async function seedTransparencyFixture(h: TestHarness): Promise<void> {
  h.clock.set('2026-11-21T12:00:00Z')
  const before = await file(h, { post: 'p0', author: 'a0', harm: FRAUD, reporter: user('r0') })
  h.clock.set(new Date(T0))
  const cases: Record<string, string> = {
    C0: before,
    ...(await fileNotices(h)),
    ...(await ingestHits(h)),
  }
  const decisions = await decide(h, cases)
  await complaints(h, decisions)
  h.clock.set('2026-11-24T01:00:00Z')
  await postDecision(h, cases.C4 as string, { harm: HATE, ground: ILLEGAL, actions: remove })
  h.clock.set('2026-11-25T12:00:00Z')
}
