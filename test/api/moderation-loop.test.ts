import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { contentInput, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

describe.each(dialects())('the moderation loop on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await h.close()
  })

  it('allows clean content without opening a case', async () => {
    const res = await h.call('platform', 'POST', '/v1/content', contentInput())
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ verdict: 'allow', signals: [] })
    expect(res.json().caseId).toBeUndefined()
  })

  it('files a report, opens a case and records a decision', async () => {
    const filed = await h.call('platform', 'POST', '/v1/reports', reportInput())
    expect(filed.statusCode).toBe(201)
    const receipt = filed.json()
    expect(receipt.reference).toMatch(/^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    const view = await h.call('moderator', 'GET', `/v1/cases/${receipt.caseId}`)
    expect(view.statusCode).toBe(200)
    expect(view.json()).toMatchObject({
      status: 'open',
      reports: [{ reference: receipt.reference }],
    })
    const decided = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${receipt.caseId}/decisions`,
      decisionInput(),
    )
    expect(decided.statusCode).toBe(201)
    const after = await h.call('moderator', 'GET', `/v1/cases/${receipt.caseId}`)
    expect(after.json()).toMatchObject({
      status: 'decided',
      decisions: [{ harm: 'illegal.harassment.threat_to_life' }],
    })
  })
})
