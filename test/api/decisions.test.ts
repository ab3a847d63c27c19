import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listNotificationsFor } from '../../src/storage/repos/notification-repo.js'
import { getCase, openCase as openReportedCase, postDecision } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, countRows, decisionInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { subscribedReceiver, type WebhookReceiver } from '../webhook-receiver.js'

describe.each(dialects())('decisions on %s', (dialect) => {
  let h: TestHarness
  let receiver: WebhookReceiver
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    receiver = await subscribedReceiver(h, ['decision.recorded', 'action.requested'])
  })
  afterAll(async () => {
    await closeHarness(h)
    await receiver.close()
  })

  async function openCase(): Promise<string> {
    const subject = { text: 'I will hurt you', author: { id: 'author-9' } }
    return (await openReportedCase(h, { subject })).caseId
  }

  async function decide(caseId: string, overrides: Record<string, unknown> = {}) {
    return h.call('moderator', 'POST', `/v1/cases/${caseId}/decisions`, decisionInput(overrides))
  }

  describe('bad input', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        'a terms ground without its version',
        { ground: { type: 'terms', clause: '3.2' } },
        /version/,
      ],
      ['an illegal ground without an offence', { ground: { type: 'illegal' } }, /offence/],
      ['a restore typed in', { actions: [{ type: 'restore' }] }, /reverse/],
      [
        'no_action with another action',
        { actions: [{ type: 'no_action' }, { type: 'label' }] },
        /no_action/,
      ],
      ['geo_restrict without territories', { actions: [{ type: 'geo_restrict' }] }, /territories/],
      [
        'a territory that is not a code',
        { actions: [{ type: 'geo_restrict', territories: ['Germany'] }] },
        /ISO 3166/,
      ],
      ['a sourceType typed in', { sourceType: 'notice' }, /sourceType/],
      ['an unknown harm', { harm: 'illegal.nope' }, /unknown harm/],
    ]
    it.each(cases)('refuses %s with 400 and stores nothing', async (_name, overrides, message) => {
      const caseId = await openCase()
      const before = await countRows(h.ctx.db, ['decision', 'notification', 'audit_entry'])
      const res = await decide(caseId, overrides)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.code).toBe('invalid_input')
      expect(JSON.stringify(res.json().error)).toMatch(message)
      expect(await countRows(h.ctx.db, ['decision', 'notification', 'audit_entry'])).toEqual(before)
      const view = await h.call('moderator', 'GET', `/v1/cases/${caseId}`)
      expect(view.json().status).toBe('open')
    })

    it('refuses a decision on a case that does not exist with 404', async () => {
      const res = await h.call(
        'moderator',
        'POST',
        `/v1/cases/${crypto.randomUUID()}/decisions`,
        decisionInput(),
      )
      expect(res.statusCode).toBe(404)
    })
  })

  describe('reversal', () => {
    /** The platform was told to restore both actions, and of the reversal itself. */
    function expectRestoresSent(reversalId: string, originalId: string): void {
      const restores = receiver.events.filter((e) => e.type === 'action.requested')
      expect(restores.map((e) => e.data.action)).toEqual(
        expect.arrayContaining([
          { type: 'restore', restores: 'remove' },
          { type: 'restore', restores: 'suspend_account' },
        ]),
      )
      expect(restores).toHaveLength(2)
      for (const e of restores) {
        expect(e.data).toMatchObject({ decisionId: reversalId, reversesDecisionId: originalId })
      }
      const recorded = receiver.events.find((e) => e.type === 'decision.recorded')
      expect(recorded?.data.decision).toMatchObject({
        id: reversalId,
        reversesDecisionId: originalId,
      })
    }

    async function expectAuthorToldOfReversal(reversalId: string): Promise<void> {
      const told = (await listNotificationsFor(h.ctx.db, { decisionId: reversalId })).filter(
        (n) => n.recipientRole === 'author',
      )
      expect(told).toEqual([
        expect.objectContaining({
          kind: 'statement_of_reasons',
          recipientId: 'author-9',
          subjectLine: 'We changed our decision about your post',
        }),
      ])
      expect(told[0]?.body).toContain('We put your post back.')
      expect(told[0]?.body).toContain('We lifted the suspension of your account.')
    }

    it('records a new decision and tells the platform to restore', async () => {
      const caseId = await openCase()
      const { id: originalId } = await postDecision(h, caseId, {
        actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 72 }],
      })
      await h.worker.drain()
      receiver.events.length = 0

      const res = await h.call('moderator', 'POST', `/v1/decisions/${originalId}/reverse`, {
        reasons: 'On a second look the post quotes song lyrics; it threatens nobody.',
      })
      expect(res.statusCode, res.body).toBe(201)
      const reversal = res.json()
      expect(reversal).toMatchObject({
        caseId,
        reversesDecisionId: originalId,
        actions: [
          { type: 'restore', restores: 'remove' },
          { type: 'restore', restores: 'suspend_account' },
        ],
        automatedDecision: 'not',
        statementOfReasons: null,
      })

      await h.worker.drain()
      expectRestoresSent(reversal.id, originalId)
      await expectAuthorToldOfReversal(reversal.id)
      const { history } = await getCase(h, caseId)
      expect(history.map((e: { action: string }) => e.action)).toContain('decision.reversed')
    })

    it('refuses to reverse twice, to reverse a reversal, or to reverse no_action (409)', async () => {
      const caseId = await openCase()
      const original = (await decide(caseId)).json().id
      const reasons = { reasons: 'Mistake.' }
      const first = await h.call('admin', 'POST', `/v1/decisions/${original}/reverse`, reasons)
      expect(first.statusCode).toBe(201)
      const again = await h.call('admin', 'POST', `/v1/decisions/${original}/reverse`, reasons)
      expect(again.statusCode).toBe(409)
      expect(again.json().error.message).toMatch(/already reversed/)
      const back = await h.call(
        'admin',
        'POST',
        `/v1/decisions/${first.json().id}/reverse`,
        reasons,
      )
      expect(back.statusCode).toBe(409)

      const nothing = (await decide(await openCase(), { actions: [{ type: 'no_action' }] })).json()
      const refused = await h.call('admin', 'POST', `/v1/decisions/${nothing.id}/reverse`, reasons)
      expect(refused.statusCode).toBe(409)
      expect(refused.json().error.message).toMatch(/restricted nothing/)
    })

    it('checks the caller and the input', async () => {
      const original = (await decide(await openCase())).json().id
      const url = `/v1/decisions/${original}/reverse`
      expect((await h.call('platform', 'POST', url, { reasons: 'x' })).statusCode).toBe(403)
      expect((await h.call('moderator', 'POST', url, {})).statusCode).toBe(400)
      const missing = `/v1/decisions/${crypto.randomUUID()}/reverse`
      expect((await h.call('moderator', 'POST', missing, { reasons: 'x' })).statusCode).toBe(404)
    })
  })
})
