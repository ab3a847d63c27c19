import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listNotificationsFor } from '../../src/storage/repos/notification-repo.js'
import { addBank, openCase, postDecision } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, countRows, decisionInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

/** A reported post by `author-1`, with its open case. */
async function reportedCase(h: TestHarness): Promise<string> {
  const subject = { text: 'I will hurt you', author: { id: 'author-1' } }
  return (await openCase(h, { subject })).caseId
}

/** A case Vigil opened itself: a keyword bank flags the post for review. */
async function ownInitiativeCase(h: TestHarness): Promise<string> {
  const res = await h.call(
    'platform',
    'POST',
    '/v1/content',
    contentInput({ text: 'buy cheap followers now', author: { id: 'author-2' } }),
  )
  expect(res.json().verdict).toBe('review')
  return res.json().caseId
}

describe.each(dialects())('statements of reasons on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    const bank = { name: 'spam-words', kind: 'keyword', harm: 'terms', action: 'review' }
    await addBank(h, bank, ['cheap followers'])
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('stores the statement with the decision and sends it to the author', async () => {
    const caseId = await reportedCase(h)
    const decision = await postDecision(h, caseId)
    expect(decision).toMatchObject({ sourceType: 'notice', decidedByName: 'test moderator' })
    expect(decision.statementOfReasons).toMatchObject({
      decisionId: decision.id,
      sourceType: 'SOURCE_ARTICLE_16',
      decisionVisibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      illegalContentLegalGround: 'Offences Against the Person Act 1861 s.16 (threats to kill)',
      redress: { internalComplaint: { windowDays: 183 } },
    })

    const [sent] = (await listNotificationsFor(h.ctx.db, { decisionId: decision.id })).filter(
      (n) => n.kind === 'statement_of_reasons',
    )
    expect(sent).toMatchObject({
      recipientRole: 'author',
      recipientId: 'author-1',
      status: 'queued',
      subjectLine: 'We removed your post',
    })
    expect(sent?.body.startsWith(decision.statementOfReasons.plainText)).toBe(true)
    expect(sent?.body).toContain('Someone reported your post to us.')
  })

  it('serves the statement to the platform and the decision to moderators', async () => {
    const caseId = await reportedCase(h)
    const decided = await postDecision(h, caseId)
    const id = decided.id
    const statement = await h.call('platform', 'GET', `/v1/decisions/${id}/statement`)
    expect(statement.statusCode).toBe(200)
    expect(statement.json()).toEqual(decided.statementOfReasons)
    const got = await h.call('moderator', 'GET', `/v1/decisions/${id}`)
    expect(got.json()).toMatchObject({ id, caseId, sourceType: 'notice' })
    expect((await h.call('platform', 'GET', `/v1/decisions/${id}`)).statusCode).toBe(403)
    const missing = await h.call('admin', 'GET', `/v1/decisions/${crypto.randomUUID()}`)
    expect(missing.statusCode).toBe(404)
  })

  it('says a decision on Vigil’s own finding was own-initiative and automated', async () => {
    const caseId = await ownInitiativeCase(h)
    const decided = await postDecision(h, caseId, {
      harm: 'terms',
      ground: { type: 'terms', clause: 'Rules §4 (spam)', version: '2026-01' },
      actions: [{ type: 'label', label: 'Spam' }],
      statement: 'The post advertises fake followers.',
      automatedDetection: true,
    })
    const statement = decided.statementOfReasons
    expect(statement).toMatchObject({
      sourceType: 'SOURCE_VOLUNTARY',
      automatedDetection: true,
      incompatibleContentGround: 'Rules §4 (spam)',
      incompatibleContentVersion: '2026-01',
      decisionVisibility: ['DECISION_VISIBILITY_CONTENT_LABELLED'],
    })
    expect(statement.plainText).toContain('We found your post ourselves.')
    expect(statement.plainText).toContain('It says: "Spam".')
  })

  it('has no statement when nothing was restricted, and tells nobody', async () => {
    const caseId = await reportedCase(h)
    const decided = await postDecision(h, caseId, { actions: [{ type: 'no_action' }] })
    expect(decided.statementOfReasons).toBeNull()
    const statement = await h.call('platform', 'GET', `/v1/decisions/${decided.id}/statement`)
    expect(statement.statusCode).toBe(404)
    expect(statement.json().error.message).toMatch(/restricted nothing/)
    const sent = await listNotificationsFor(h.ctx.db, { decisionId: decided.id })
    expect(sent.filter((n) => n.kind === 'statement_of_reasons')).toEqual([])
  })

  it('previews the statement without recording anything', async () => {
    const caseId = await reportedCase(h)
    const before = await countRows(h.ctx.db, ['decision', 'notification', 'audit_entry'])
    const res = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${caseId}/statement-preview`,
      decisionInput({ actions: [{ type: 'geo_restrict', territories: ['DE'] }] }),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ territorialScope: ['DE'], sourceType: 'SOURCE_ARTICLE_16' })
    expect(res.json().plainText).toContain('People in Germany can no longer see your post.')
    expect(await countRows(h.ctx.db, ['decision', 'notification', 'audit_entry'])).toEqual(before)
    const view = await h.call('moderator', 'GET', `/v1/cases/${caseId}`)
    expect(view.json().status).toBe('open')

    const nothing = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${caseId}/statement-preview`,
      decisionInput({ actions: [{ type: 'no_action' }] }),
    )
    expect(nothing.statusCode).toBe(400)
    const noCase = `/v1/cases/${crypto.randomUUID()}/statement-preview`
    expect((await h.call('moderator', 'POST', noCase, decisionInput())).statusCode).toBe(404)
    expect((await h.call('platform', 'POST', noCase, decisionInput())).statusCode).toBe(403)
  })
})
