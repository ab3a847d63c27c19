import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditActions,
  decideOnPost,
  deliveries,
  notifications,
  subscribeWebhooks,
} from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

const POLICY = JSON.stringify({
  strikes: {
    expiryDays: 30,
    ladder: [
      { atPoints: 2, action: 'warning' },
      { atPoints: 4, action: 'suspension', hours: 24 },
      { atPoints: 8, action: 'termination' },
    ],
  },
})

/** A terms decision: the "terms" harm has severity 2, so each strike is 2 points. */
const TERMS = {
  harm: 'terms',
  decision: {
    harm: 'terms',
    ground: { type: 'terms', clause: '4.2 No spam', version: '2026-01' },
    statement: 'The post advertises the same product forty times.',
  },
}

describe.each(dialects())('strikes and repeat offenders on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_POLICY: POLICY })
    await subscribeWebhooks(h)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const standing = async (account: string) =>
    (await h.call('moderator', 'GET', `/v1/accounts/${account}/standing`)).json()

  async function accountActions(account: string) {
    return (await deliveries(h, 'action.requested'))
      .filter((d) => (d.data.subject as { id: string; kind: string }).kind === 'account')
      .filter((d) => (d.data.subject as { id: string }).id === account)
      .map((d) => d.data.action as { type: string; durationHours?: number })
  }

  it('turns strikes into a warning, then a timed suspension that ends, then points that expire', async () => {
    expect(await standing('acct-1')).toMatchObject({
      status: 'good',
      points: 0,
      nextStep: { atPoints: 2, action: 'warning', pointsToGo: 2 },
    })
    await decideOnPost(h, { authorId: 'acct-1', ...TERMS })
    expect(await standing('acct-1')).toMatchObject({
      status: 'warned',
      points: 2,
      liveStrikes: [{ harm: 'terms', severity: 2 }],
      nextStep: { atPoints: 4, action: 'suspension', hours: 24, warningFirst: false },
    })
    const [warning] = (await notifications(h, 'account_warning')).filter(
      (n) => n.recipient_id === 'acct-1',
    )
    expect(warning?.body).toContain('This is a warning')
    expect(await accountActions('acct-1')).toEqual([])

    await decideOnPost(h, { authorId: 'acct-1', ...TERMS })
    const suspended = await standing('acct-1')
    const until = new Date(h.clock.now().getTime() + 24 * HOUR).toISOString()
    expect(suspended).toMatchObject({ status: 'suspended', points: 4, suspendedUntil: until })
    expect(await accountActions('acct-1')).toEqual([{ type: 'suspend_account', durationHours: 24 }])
    const suspension = (await notifications(h, 'account_suspension')).find(
      (n) => n.recipient_id === 'acct-1',
    )
    expect(suspension?.subject_line).toContain('We suspended your account until')

    h.clock.advance(25 * HOUR)
    expect(await standing('acct-1')).toMatchObject({
      status: 'warned',
      points: 4,
      suspendedUntil: null,
    })
    h.clock.advance(30 * DAY)
    expect(await standing('acct-1')).toMatchObject({ status: 'good', points: 0, liveStrikes: [] })
  })

  it('never suspends or terminates without a prior warning: the warning comes first', async () => {
    const severe = { harm: 'illegal.harassment.threat_to_life' }
    await decideOnPost(h, { authorId: 'acct-2', ...severe })
    const first = await standing('acct-2')
    expect(first).toMatchObject({ status: 'warned', points: 5 })
    expect(first.restrictions).toHaveLength(1)
    expect(first.restrictions[0]).toMatchObject({ kind: 'warning' })
    expect(first.restrictions[0].reason).toContain('a warning first, before any suspension')
    expect(await accountActions('acct-2')).toEqual([])

    await decideOnPost(h, { authorId: 'acct-2', ...severe })
    expect(await standing('acct-2')).toMatchObject({ status: 'terminated', points: 10 })
    expect(await accountActions('acct-2')).toEqual([{ type: 'terminate_account' }])
    const closed = (await notifications(h, 'account_termination')).find(
      (n) => n.recipient_id === 'acct-2',
    )
    expect(closed?.subject_line).toBe('We closed your account')
    expect(await auditActions(h, 'acct-2')).toEqual(['account.warned', 'account.terminated'])
  })

  it('gives no strike for a label or an account action, only for restricting content', async () => {
    await decideOnPost(h, {
      authorId: 'acct-3',
      ...TERMS,
      decision: { ...TERMS.decision, actions: [{ type: 'label', label: 'Advert' }] },
    })
    expect(await standing('acct-3')).toMatchObject({ points: 0, liveStrikes: [] })
  })

  it('lifts a suspension whose strike is reversed and tells the platform to restore the account', async () => {
    await decideOnPost(h, { authorId: 'acct-4', ...TERMS })
    const { decisionId } = await decideOnPost(h, { authorId: 'acct-4', ...TERMS })
    expect((await standing('acct-4')).status).toBe('suspended')
    h.clock.advance(HOUR)
    const res = await h.call('admin', 'POST', `/v1/decisions/${decisionId}/reverse`, {
      reasons: 'The posts were different products; not spam.',
    })
    expect(res.statusCode, res.body).toBe(201)
    const after = await standing('acct-4')
    expect(after).toMatchObject({ status: 'warned', points: 2, suspendedUntil: null })
    const lifted = after.history.restrictions.find((r: { kind: string }) => r.kind === 'suspension')
    expect(lifted.liftedReason).toContain(decisionId)
    expect(await accountActions('acct-4')).toEqual([
      { type: 'suspend_account', durationHours: 24 },
      { type: 'restore' },
    ])
  })

  it('shows a platform the standing but refuses a trusted flagger', async () => {
    expect((await h.call('platform', 'GET', '/v1/accounts/acct-1/standing')).statusCode).toBe(200)
    const flagger = await h.call('trusted_flagger', 'GET', '/v1/accounts/acct-1/standing')
    expect(flagger.statusCode).toBe(403)
  })
})
