import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppealDecisionInput } from '../../src/core/appeal.js'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { ruleActor } from '../../src/services/apply-rules.js'
import { decideAppeal } from '../../src/services/decide-appeal.js'
import {
  decideOnPost,
  deliveries,
  extraKey,
  getCase,
  notifications,
  subscribeWebhooks,
} from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, countRows, decisionInput, INTIMATE_DECLARATIONS } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const DAY = 86_400_000

describe.each(dialects())('appeals and complaints on %s', (dialect) => {
  let h: TestHarness
  let second: Awaited<ReturnType<typeof extraKey>>
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    second = await extraKey(h, 'moderator', 'second moderator')
    await subscribeWebhooks(h)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  function appeal(body: Record<string, unknown>) {
    return h.call('platform', 'POST', '/v1/appeals', {
      kind: 'decision',
      grounds: 'It was a quote from a film, not a threat.',
      ...body,
    })
  }

  it('takes the author’s appeal within the window into its own case in the appeals queue', async () => {
    const { decisionId } = await decideOnPost(h, { authorId: 'author-1' })
    const res = await appeal({ decisionId, appellant: { id: 'author-1' } })
    expect(res.statusCode, res.body).toBe(201)
    const receipt = res.json()
    expect(receipt).toMatchObject({ kind: 'decision', status: 'received', expedited: false })
    expect(receipt.reference).toMatch(/^A-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    const appealCase = await getCase(h, receipt.caseId)
    expect(appealCase).toMatchObject({ kind: 'appeal', queue: 'appeals', status: 'open' })
    const view = await h.call('moderator', 'GET', `/v1/appeals/${receipt.appealId}`)
    expect(view.json()).toMatchObject({
      appellantRole: 'author',
      appellantId: 'author-1',
      status: 'open',
      decision: { id: decisionId },
      notifications: [{ kind: 'appeal_acknowledged', recipientRole: 'appellant' }],
    })
    const again = await appeal({ decisionId, appellant: { id: 'author-1' } })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toContain(receipt.reference)
  })

  it('refuses an appeal after the window, naming the last day, and stores nothing', async () => {
    const { decisionId } = await decideOnPost(h, { authorId: 'author-2' })
    h.clock.advance(183 * DAY + 1000)
    const before = await countRows(h.ctx.db, ['appeal', 'moderation_case'])
    const res = await appeal({ decisionId, appellant: { id: 'author-2' } })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toContain('ended on 2027-05-24')
    expect(res.json().error.details).toMatchObject({ lastDay: '2027-05-24', windowDays: 183 })
    expect(await countRows(h.ctx.db, ['appeal', 'moderation_case'])).toEqual(before)
    h.clock.set('2026-11-22T09:00:00.000Z')
  })

  it('takes appeals only from the author or a reporter of the case', async () => {
    const { decisionId } = await decideOnPost(h, { authorId: 'author-3', reporterId: 'rep-3' })
    const stranger = await appeal({ decisionId, appellant: { id: 'someone-else' } })
    expect(stranger.statusCode).toBe(403)
    expect(stranger.json().error.message).toContain('only the author of the content')
    const byReporter = await appeal({
      decisionId,
      appellant: { id: 'rep-3' },
      grounds: 'The post is still only partly hidden.',
    })
    expect(byReporter.statusCode, byReporter.body).toBe(201)
    const view = await h.call('moderator', 'GET', `/v1/appeals/${byReporter.json().appealId}`)
    expect(view.json()).toMatchObject({ appellantRole: 'reporter', appellantId: 'rep-3' })
  })

  it('refuses the appeal to the original decider and accepts it from another moderator', async () => {
    const { decisionId } = await decideOnPost(h, { authorId: 'author-4' })
    const filed = (await appeal({ decisionId, appellant: { id: 'author-4' } })).json()
    const decision: AppealDecisionInput = {
      outcome: 'upheld',
      reasons: 'The words name a person and say they will be hurt.',
    }
    const self = await h.call(
      'moderator',
      'POST',
      `/v1/appeals/${filed.appealId}/decision`,
      decision,
    )
    expect(self.statusCode).toBe(403)
    expect(self.json().error).toMatchObject({ code: 'forbidden' })
    expect(self.json().error.message).toContain('a different person must decide the appeal')
    const other = await second('POST', `/v1/appeals/${filed.appealId}/decision`, decision)
    expect(other.statusCode, other.body).toBe(200)
    expect(other.json()).toMatchObject({ appeal: { status: 'upheld' }, reversal: null })
    const [outcome] = (await notifications(h, 'appeal_outcome')).slice(-1)
    expect(outcome?.body).toContain('it stays')
    expect(outcome?.body).toContain('Digital Services Act, Article 21')
    const twice = await second('POST', `/v1/appeals/${filed.appealId}/decision`, decision)
    expect(twice.statusCode).toBe(409)
  })

  it('never lets a rule or the system decide an appeal', async () => {
    const { decisionId } = await decideOnPost(h, { authorId: 'author-5' })
    const filed = (await appeal({ decisionId, appellant: { id: 'author-5' } })).json()
    const input: AppealDecisionInput = { outcome: 'upheld', reasons: 'automatic' }
    const rule = ruleActor({ ruleName: 'auto-appeals', version: 1 } as never)
    for (const actor of [SYSTEM_ACTOR, rule]) {
      await expect(decideAppeal(h.ctx, actor, filed.appealId, input)).rejects.toMatchObject({
        code: 'forbidden',
      })
    }
    const view = await h.call('moderator', 'GET', `/v1/appeals/${filed.appealId}`)
    expect(view.json().status).toBe('open')
  })

  it('reverses: the platform is told to restore, and the strike is removed', async () => {
    const { decisionId } = await decideOnPost(h, { authorId: 'author-6' })
    const standing = await h.call('platform', 'GET', '/v1/accounts/author-6/standing')
    expect(standing.json().liveStrikes).toHaveLength(1)
    const filed = (await appeal({ decisionId, appellant: { id: 'author-6' } })).json()
    const res = await second('POST', `/v1/appeals/${filed.appealId}/decision`, {
      outcome: 'reversed',
      reasons: 'Read in context, the post quotes a film line; it threatens nobody.',
    })
    expect(res.statusCode, res.body).toBe(200)
    const { reversal } = res.json()
    expect(reversal).toMatchObject({ reversesDecisionId: decisionId, appealId: filed.appealId })
    const restores = (await deliveries(h, 'action.requested')).filter(
      (d) => d.data.decisionId === reversal.id,
    )
    expect(restores.map((d) => (d.data.action as { type: string }).type)).toEqual(['restore'])
    const after = (await h.call('platform', 'GET', '/v1/accounts/author-6/standing')).json()
    expect(after).toMatchObject({ points: 0, liveStrikes: [], status: 'good' })
    expect(after.history.strikes[0].removedReason).toContain(decisionId)
  })

  it('sends the intimate-image reporter’s complaint to the expedited queue', async () => {
    const iia = {
      harm: 'illegal.intimate_image_abuse',
      report: {
        declarations: INTIMATE_DECLARATIONS,
      },
      decision: {
        harm: 'illegal.intimate_image_abuse',
        actions: [{ type: 'no_action' }],
        statement: 'We could not find the picture at the address given.',
      },
    }
    const { decisionId, reference } = await decideOnPost(h, {
      authorId: 'author-7',
      reporterId: 'victim-7',
      ...iia,
    })
    const res = await appeal({
      decisionId,
      appellant: { id: 'victim-7' },
      grounds: 'The picture is of me and is still there.',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ expedited: true })
    const appealCase = await getCase(h, res.json().caseId)
    expect(appealCase.queue).toBe('appeals_expedited')
    const complaint = await h.call('platform', 'POST', '/v1/appeals', {
      kind: 'duty_breach',
      appellant: { id: 'victim-7' },
      report: { reference },
      grounds: 'Nobody has taken it down after two days.',
    })
    expect(complaint.statusCode, complaint.body).toBe(201)
    expect(complaint.json()).toMatchObject({ expedited: true, kind: 'duty_breach' })
  })

  it('reverses a refusal to act with a new decision that settles the reporter’s appeal', async () => {
    const { decisionId, caseId } = await decideOnPost(h, {
      authorId: 'author-8',
      reporterId: 'rep-8',
      decision: { actions: [{ type: 'no_action' }], statement: 'We found no threat.' },
    })
    const filed = (await appeal({ decisionId, appellant: { id: 'rep-8' } })).json()
    const url = `/v1/appeals/${filed.appealId}/decision`
    const reasons = 'The message names the reporter and says they will be hurt.'
    const bare = await second('POST', url, { outcome: 'reversed', reasons })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error.message).toContain('give the new decision')
    const res = await second('POST', url, {
      outcome: 'reversed',
      reasons,
      decision: decisionInput(),
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().reversal).toMatchObject({
      caseId,
      appealId: filed.appealId,
      actions: [{ type: 'remove' }],
    })
    const standing = (await h.call('moderator', 'GET', '/v1/accounts/author-8/standing')).json()
    expect(standing.liveStrikes).toHaveLength(1)
  })

  it('accepts and resolves complaints about proactive technology and the other kinds (D11, D12)', async () => {
    const complaints = [
      {
        kind: 'proactive_technology',
        subject: { id: 'upload-99', kind: 'image', author: { id: 'author-9' } },
        appellant: { id: 'author-9' },
        grounds: 'My holiday photo was blocked by your filter when I uploaded it.',
      },
      {
        kind: 'duty_breach',
        appellant: { email: 'parent@example.org' },
        grounds: 'No report button.',
      },
      { kind: 'age_assessment', appellant: { id: 'teen-1' }, grounds: 'I am 19, not 15.' },
      { kind: 'other', appellant: { id: 'user-10' }, grounds: 'Your terms are hard to read.' },
    ]
    for (const body of complaints) {
      const res = await h.call('platform', 'POST', '/v1/appeals', body)
      expect(res.statusCode, res.body).toBe(201)
      const { appealId } = res.json()
      const url = `/v1/appeals/${appealId}/decision`
      const wrong = await h.call('moderator', 'POST', url, { outcome: 'upheld', reasons: 'x' })
      expect(wrong.statusCode).toBe(400)
      const resolved = await h.call('moderator', 'POST', url, {
        outcome: 'resolved',
        reasons: 'We checked and explained what we changed.',
      })
      expect(resolved.statusCode, resolved.body).toBe(200)
      expect(resolved.json().appeal).toMatchObject({ kind: body.kind, status: 'resolved' })
    }
    const list = await h.call('moderator', 'GET', '/v1/appeals?kind=age_assessment')
    expect(list.json()).toMatchObject({ total: 1, appeals: [{ appellantRole: 'user' }] })
    const nonUser = await h.call('moderator', 'GET', '/v1/appeals?kind=duty_breach&status=resolved')
    expect(
      nonUser.json().appeals.some((a: { appellantRole: string }) => a.appellantRole === 'non_user'),
    ).toBe(true)
  })

  it('replays a retried filing with the same Idempotency-Key instead of filing twice', async () => {
    const body = { kind: 'other', appellant: { id: 'retry-1' }, grounds: 'Please call me back.' }
    const headers = { 'idempotency-key': 'appeal-retry-1' }
    const first = await h.call('platform', 'POST', '/v1/appeals', body, headers)
    const again = await h.call('platform', 'POST', '/v1/appeals', body, headers)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
    const list = await h.call('moderator', 'GET', '/v1/appeals?kind=other&status=open')
    const mine = list
      .json()
      .appeals.filter((a: { appellantId: string }) => a.appellantId === 'retry-1')
    expect(mine).toHaveLength(1)
  })

  it('answers bad appeal input with a clear 400 and stores nothing', async () => {
    const before = await countRows(h.ctx.db, ['appeal'])
    const noDecision = await appeal({ appellant: { id: 'x' } })
    expect(noDecision.statusCode).toBe(400)
    expect(noDecision.json().error.message).toContain('names the decision')
    const noContact = await h.call('platform', 'POST', '/v1/appeals', {
      kind: 'other',
      appellant: {},
      grounds: 'hello',
    })
    expect(noContact.statusCode).toBe(400)
    expect(await countRows(h.ctx.db, ['appeal'])).toEqual(before)
  })
})
