import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseIds, openCase as openReportedCase, postDecision } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { callWithKey, closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const MINUTE = 60_000

describe.each(dialects())('case claims on %s', (dialect) => {
  let h: TestHarness
  let me: string
  let colleague: { id: string; key: string }
  let platformKeyId: string
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    const keys = (await h.call('admin', 'GET', '/v1/keys')).json().keys as {
      id: string
      name: string
    }[]
    me = `key:${keys.find((k) => k.name === 'test moderator')?.id}`
    platformKeyId = keys.find((k) => k.name === 'test platform')?.id as string
    const created = await h.call('admin', 'POST', '/v1/keys', {
      name: 'colleague',
      role: 'moderator',
    })
    colleague = { id: `key:${created.json().id}`, key: created.json().key }
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const asColleague = (method: string, url: string, payload?: unknown) =>
    callWithKey(h, colleague.key)(method, url, payload)

  async function openCase(harm = 'illegal.hate'): Promise<string> {
    return (await openReportedCase(h, { harm })).caseId
  }

  it('claims for 30 minutes by default, renews, and refuses a colleague with 409', async () => {
    const id = await openCase()
    const now = h.clock.now().getTime()
    const claimed = await h.call('moderator', 'POST', `/v1/cases/${id}/claim`)
    expect(claimed.statusCode, claimed.body).toBe(200)
    expect(claimed.json()).toMatchObject({
      assignee: me,
      claimed: true,
      claimedUntil: new Date(now + 30 * MINUTE).toISOString(),
    })
    const taken = await asColleague('POST', `/v1/cases/${id}/claim`)
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error).toMatchObject({ code: 'conflict', details: { assignee: me } })
    expect(taken.json().error.message).toMatch(/claimed by/)
    h.clock.advance(10 * MINUTE)
    const renewed = await h.call('moderator', 'POST', `/v1/cases/${id}/claim`, { minutes: 60 })
    expect(renewed.statusCode).toBe(200)
    expect(renewed.json().claimedUntil).toBe(new Date(now + 70 * MINUTE).toISOString())
  })

  it('lets a colleague claim once the claim has lapsed', async () => {
    const id = await openCase()
    expect((await h.call('moderator', 'POST', `/v1/cases/${id}/claim`)).statusCode).toBe(200)
    h.clock.advance(30 * MINUTE)
    const res = await asColleague('POST', `/v1/cases/${id}/claim`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().assignee).toBe(colleague.id)
  })

  it('gives exactly one of two simultaneous claims', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await openCase()
      const [a, b] = await Promise.all([
        h.call('moderator', 'POST', `/v1/cases/${id}/claim`),
        asColleague('POST', `/v1/cases/${id}/claim`),
      ])
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
      const winner = a.statusCode === 200 ? me : colleague.id
      const view = (await h.call('moderator', 'GET', `/v1/cases/${id}`)).json()
      expect(view.assignee).toBe(winner)
      const claims = view.history.filter((e: { action: string }) => e.action === 'case.claimed')
      expect(claims).toHaveLength(1)
    }
  })

  it('releases: the holder or an admin, not a colleague while the claim lives', async () => {
    const id = await openCase()
    expect((await h.call('moderator', 'POST', `/v1/cases/${id}/release`)).statusCode).toBe(409)
    await h.call('moderator', 'POST', `/v1/cases/${id}/claim`)
    const refused = await asColleague('POST', `/v1/cases/${id}/release`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toMatch(/only they or an admin/)
    const released = await h.call('moderator', 'POST', `/v1/cases/${id}/release`)
    expect(released.statusCode).toBe(200)
    expect(released.json()).toMatchObject({ assignee: null, claimedUntil: null, claimed: false })
    expect((await asColleague('POST', `/v1/cases/${id}/claim`)).statusCode).toBe(200)
    const byAdmin = await h.call('admin', 'POST', `/v1/cases/${id}/release`)
    expect(byAdmin.statusCode).toBe(200)
    const history = (await h.call('moderator', 'GET', `/v1/cases/${id}`)).json().history
    const actions = history.map((e: { action: string }) => e.action)
    expect(actions.filter((a: string) => a === 'case.claimed')).toHaveLength(2)
    expect(actions.filter((a: string) => a === 'case.released')).toHaveLength(2)
  })

  it('assigns to a named moderator key, over a live claim, and refuses other actors', async () => {
    const id = await openCase()
    await h.call('moderator', 'POST', `/v1/cases/${id}/claim`)
    const assigned = await h.call('admin', 'POST', `/v1/cases/${id}/assign`, {
      assignee: colleague.id,
      minutes: 90,
    })
    expect(assigned.statusCode, assigned.body).toBe(200)
    expect(assigned.json()).toMatchObject({
      assignee: colleague.id,
      claimedUntil: new Date(h.clock.now().getTime() + 90 * MINUTE).toISOString(),
    })
    expect((await h.call('moderator', 'POST', `/v1/cases/${id}/claim`)).statusCode).toBe(409)
    for (const assignee of [`key:${platformKeyId}`, 'someone', `key:${crypto.randomUUID()}`]) {
      const res = await h.call('moderator', 'POST', `/v1/cases/${id}/assign`, { assignee })
      expect(res.statusCode, assignee).toBe(400)
      expect(res.json().error.message).toMatch(/not an active moderator or admin key/)
    }
    const entry = (await h.call('moderator', 'GET', `/v1/cases/${id}`))
      .json()
      .history.find((e: { action: string }) => e.action === 'case.assigned')
    expect(entry.data).toMatchObject({ assignee: colleague.id, previousAssignee: me })
  })

  it('refuses to claim or assign a decided case, and answers 404 for an unknown one', async () => {
    const id = await openCase()
    await postDecision(h, id, { harm: 'illegal.hate' })
    const claim = await h.call('moderator', 'POST', `/v1/cases/${id}/claim`)
    expect(claim.statusCode).toBe(409)
    expect(claim.json().error.message).toMatch(/already decided/)
    const assign = await h.call('admin', 'POST', `/v1/cases/${id}/assign`, { assignee: me })
    expect(assign.statusCode).toBe(409)
    const unknown = await h.call('moderator', 'POST', `/v1/cases/${crypto.randomUUID()}/claim`)
    expect(unknown.statusCode).toBe(404)
  })

  it('filters the case list by assignee and kind, by priority then age', async () => {
    const mine = await openCase('illegal.fraud')
    const theirs = await openCase('illegal.fraud')
    const nobody = await openCase('illegal.fraud')
    await h.call('moderator', 'POST', `/v1/cases/${mine}/claim`)
    await asColleague('POST', `/v1/cases/${theirs}/claim`)
    const ids = (query: string) => openCaseIds(h, query)
    expect(await ids('assignee=me')).toContain(mine)
    expect(await ids('assignee=me')).not.toContain(theirs)
    expect(await ids(`assignee=${encodeURIComponent(colleague.id)}`)).toEqual(
      expect.arrayContaining([theirs]),
    )
    expect(await ids('assignee=none')).toContain(nobody)
    expect(await ids('assignee=none')).not.toContain(mine)
    expect(await ids('kind=content')).toEqual(expect.arrayContaining([mine, theirs, nobody]))
    expect(await ids('kind=appeal')).not.toContain(mine)
    const cases = (await h.call('moderator', 'GET', '/v1/cases?status=open&limit=200')).json().cases
    for (let i = 1; i < cases.length; i += 1) {
      const [a, b] = [cases[i - 1], cases[i]]
      expect(
        a.priority > b.priority || (a.priority === b.priority && a.createdAt <= b.createdAt),
      ).toBe(true)
    }
  })
})
