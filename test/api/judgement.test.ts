import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { presentCaseView } from '../../src/http/routes/cases/presenter.js'
import { getCasePriorityBasis } from '../../src/services/case-list.js'
import { getCaseView } from '../../src/services/case-view.js'
import { openCase, postDecision } from '../api-steps.js'
import { asSession, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, decisionInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const THREAT = 'illegal.harassment.threat_to_life'

describe.each(dialects())('illegal content judgement on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('serves the checklist of a harm or its nearest ancestor, and 404 for an unknown harm', async () => {
    const own = await h.call('moderator', 'GET', `/v1/harms/${THREAT}/judgement`)
    expect(own.statusCode, own.body).toBe(200)
    expect(own.json()).toMatchObject({ harm: THREAT, title: 'Illegal content judgement' })
    expect(own.json().items[0]).toEqual({
      id: 'threat',
      question: expect.stringMatching(/threaten to kill/),
      guidance: expect.any(String),
    })
    const terms = await h.call('admin', 'GET', '/v1/harms/terms/judgement')
    expect(terms.json().items.map((i: { id: string }) => i.id)).toEqual([
      'clause',
      'version',
      'breach',
    ])
    const unknown = await h.call('moderator', 'GET', '/v1/harms/illegal.nonsense/judgement')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toMatchObject({ code: 'not_found' })
    const auditor = asSession(h, await signedIn(h, 'auditor'))
    expect((await auditor('GET', `/v1/harms/${THREAT}/judgement`)).statusCode).toBe(200)
  })

  it('refuses a judgement item of another checklist with 400 naming it, and stores nothing', async () => {
    const { caseId } = await openCase(h)
    const judgement = {
      items: [
        { id: 'threat', met: true },
        { id: 'clause', met: true },
      ],
    }
    const res = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${caseId}/decisions`,
      decisionInput({ judgement }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_input')
    expect(res.json().error.message).toMatch(/"clause" is not an item of the judgement checklist/)
    const view = await h.call('moderator', 'GET', `/v1/cases/${caseId}`)
    expect(view.json()).toMatchObject({ status: 'open', decisions: [] })
  })

  it('stores the judgement with the decision, shows it in the case view, and audits it', async () => {
    const { caseId } = await openCase(h)
    const judgement = {
      items: [
        { id: 'threat', met: true },
        { id: 'taken_seriously', met: true },
        { id: 'not_joke', met: false },
      ],
      note: 'Names a street and a time.',
    }
    const decision = await postDecision(h, caseId, { judgement })
    expect(decision.judgement).toEqual(judgement)
    const view = (await h.call('moderator', 'GET', `/v1/cases/${caseId}`)).json()
    expect(view.decisions[0].judgement).toEqual(judgement)
    const read = await h.call('moderator', 'GET', `/v1/decisions/${decision.id}`)
    expect(read.json().judgement).toEqual(judgement)
    const recorded = view.history.find((e: { action: string }) => e.action === 'decision.recorded')
    expect(recorded.data.judgement).toEqual({ checklist: THREAT, items: judgement.items })
  })

  it('shows judgement null on a decision made without one', async () => {
    const { caseId } = await openCase(h)
    const decision = await postDecision(h, caseId)
    expect(decision.judgement).toBeNull()
    const view = (await h.call('moderator', 'GET', `/v1/cases/${caseId}`)).json()
    expect(view.decisions[0].judgement).toBeNull()
    expect(
      view.history.find((e: { action: string }) => e.action === 'decision.recorded').data,
    ).not.toHaveProperty('judgement')
  })

  it('answers the case view exactly as the presenter builds it: the response schema drops nothing', async () => {
    const { caseId } = await openCase(h, { explanation: 'threatens me' })
    await postDecision(h, caseId, { judgement: { items: [{ id: 'threat', met: true }] } })
    const res = await h.call('moderator', 'GET', `/v1/cases/${caseId}`)
    const view = await getCaseView(h.ctx.db, caseId)
    const basis = await getCasePriorityBasis(h.ctx.db, caseId)
    const actor = { id: 'key:x', consoleRole: undefined }
    const expected = JSON.parse(JSON.stringify(presentCaseView(view, h.clock.now(), basis, actor)))
    expect(res.json()).toEqual(expected)
  })
})
