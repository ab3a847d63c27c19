import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, countRows, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

describe.each(dialects())('a claim locks the case against decisions on %s', (dialect) => {
  let h: TestHarness
  let colleagueKey: string
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    const created = await h.call('admin', 'POST', '/v1/keys', {
      name: 'colleague',
      role: 'moderator',
    })
    colleagueKey = created.json().key
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const decideAsColleague = (caseId: string) =>
    h.app.inject({
      method: 'POST',
      url: `/v1/cases/${caseId}/decisions`,
      payload: decisionInput(),
      headers: { authorization: `Bearer ${colleagueKey}` },
    })

  async function claimedCase(id: string): Promise<string> {
    const filed = await h.call(
      'platform',
      'POST',
      '/v1/reports',
      reportInput({ subject: { id, kind: 'text', text: 'x' } }),
    )
    const caseId = filed.json().caseId as string
    expect((await h.call('moderator', 'POST', `/v1/cases/${caseId}/claim`)).statusCode).toBe(200)
    return caseId
  }

  it('refuses a colleague with 409 and stores nothing, while the holder decides', async () => {
    const caseId = await claimedCase('lock-1')
    const before = await countRows(h.ctx.db, ['decision'])
    const refused = await decideAsColleague(caseId)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toMatch(/is claimed by key:.* release it/)
    expect(await countRows(h.ctx.db, ['decision'])).toEqual(before)
    const decided = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${caseId}/decisions`,
      decisionInput(),
    )
    expect(decided.statusCode, decided.body).toBe(201)
  })

  it('lets a colleague decide once the claim has lapsed', async () => {
    const caseId = await claimedCase('lock-2')
    h.clock.advance(31 * 60_000)
    expect((await decideAsColleague(caseId)).statusCode).toBe(201)
  })
})
