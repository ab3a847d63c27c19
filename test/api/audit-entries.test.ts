import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCase, postDecision } from '../api-steps.js'
import { asSession, signedIn, type TestSession } from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

interface Entry {
  id: number
  occurredAt: string
  actor: string
  actorName: string | null
  action: string
  entityType: string
  entityId: string
  sealed: boolean
  chainSeq: number | null
}

interface Page {
  entries: Entry[]
  nextBefore: number | null
}

describe.each(dialects())('GET /v1/audit/entries on %s', (dialect) => {
  let h: TestHarness
  let decisionIds: string[]
  let moderator: TestSession
  let auditor: TestSession
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    moderator = await signedIn(h, 'moderator')
    auditor = await signedIn(h, 'auditor')
    decisionIds = []
    for (let i = 0; i < 3; i += 1) {
      const { caseId } = await openCase(h)
      h.clock.advance(1_000)
      decisionIds.push((await postDecision(h, caseId)).id)
    }
    await h.worker.drain()
    const claimed = await asSession(h, moderator)(
      'POST',
      `/v1/cases/${(await openCase(h)).caseId}/claim`,
    )
    expect(claimed.statusCode, claimed.body).toBe(200)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  async function page(query: string): Promise<Page> {
    const res = await h.call('admin', 'GET', `/v1/audit/entries${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  it('lists entries newest first, sealed ones with their place in the chain', async () => {
    const { entries } = await page('?limit=200')
    const ids = entries.map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    const sealed = entries.filter((e) => e.sealed)
    expect(sealed.length).toBeGreaterThan(0)
    for (const e of sealed) expect(e.chainSeq).toBeGreaterThan(0)
    const claim = entries.find((e) => e.actor === `user:${moderator.userId}`)
    expect(claim?.sealed).toBe(false)
    expect(claim?.actorName).toMatch(/^Test moderator/)
  })

  it('filters by entity type, entity id and action', async () => {
    const decisions = await page('?entityType=decision')
    expect(decisions.entries.length).toBeGreaterThanOrEqual(3)
    for (const e of decisions.entries) expect(e.entityType).toBe('decision')
    const one = await page(`?entityType=decision&entityId=${decisionIds[1]}`)
    expect(one.entries.length).toBeGreaterThan(0)
    for (const e of one.entries) expect(e.entityId).toBe(decisionIds[1])
    const action = decisions.entries[0]?.action as string
    const byAction = await page(`?action=${encodeURIComponent(action)}`)
    for (const e of byAction.entries) expect(e.action).toBe(action)
    expect((await page('?action=no.such.action')).entries).toEqual([])
  })

  it('pages by id, newest first, with no gaps or repeats', async () => {
    const all = (await page('?limit=200')).entries.map((e) => e.id)
    const seen: number[] = []
    let before: number | null | undefined
    do {
      const next = await page(`?limit=3${before ? `&before=${before}` : ''}`)
      expect(next.entries.length).toBeLessThanOrEqual(3)
      seen.push(...next.entries.map((e) => e.id))
      before = next.nextBefore
    } while (before !== null)
    expect(seen).toEqual(all)
  })

  it('refuses bad paging parameters', async () => {
    const res = await h.call('admin', 'GET', '/v1/audit/entries?limit=500')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_input')
    expect((await h.call('admin', 'GET', '/v1/audit/entries?before=0')).statusCode).toBe(400)
  })

  it('is for admin keys, and in the console for admins and auditors', async () => {
    for (const role of ['moderator', 'platform', 'trusted_flagger'] as const) {
      expect((await h.call(role, 'GET', '/v1/audit/entries')).statusCode).toBe(403)
    }
    const admin = await signedIn(h, 'admin')
    for (const session of [admin, auditor]) {
      const as = asSession(h, session, false)
      expect((await as('GET', '/v1/audit/entries?limit=1')).statusCode).toBe(200)
      const verify = await as('GET', '/v1/audit/verify')
      expect(verify.statusCode, verify.body).toBe(200)
      expect(verify.json().ok).toBe(true)
    }
    for (const role of ['moderator', 'appeals_reviewer', 'law_enforcement_liaison'] as const) {
      const session = role === 'moderator' ? moderator : await signedIn(h, role)
      const res = await asSession(h, session, false)('GET', '/v1/audit/entries')
      expect(res.statusCode).toBe(403)
      expect(res.json().error.details.reason).toBe('role')
    }
  })
})
