import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditActions, getCase, openCaseIds, postDecision } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, createFlaggerWithKey, freshReportFields, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const HOUR = 3_600_000

type FlaggerCall = Awaited<ReturnType<typeof createFlaggerWithKey>>['call']

describe.each(dialects())('trusted flaggers on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const notice = (harm = 'illegal.hate') => reportInput(freshReportFields({ harm }))

  const caseOf = (caseId: string) => getCase(h, caseId)

  it('registers flaggers, lists them and refuses a second of the same name', async () => {
    const body = {
      name: 'Metropolitan Police Social Media Hub',
      kind: 'authority',
      designation: 'Met Police referral agreement 2026/14',
      contactEmail: 'hub@met.example',
    }
    const res = await h.call('admin', 'POST', '/v1/flaggers', body)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ ...body, enabled: true })
    const again = await h.call('admin', 'POST', '/v1/flaggers', body)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toMatch(/already registered/)
    const list = await h.call('admin', 'GET', '/v1/flaggers')
    expect(list.json().flaggers.map((f: { name: string }) => f.name)).toContain(body.name)
    const bad = await h.call('admin', 'POST', '/v1/flaggers', { name: 'x', kind: 'police' })
    expect(bad.statusCode).toBe(400)
    expect((await h.call('moderator', 'POST', '/v1/flaggers', body)).statusCode).toBe(403)
  })

  it('binds trusted_flagger keys to a registered, enabled flagger', async () => {
    const unbound = await h.call('admin', 'POST', '/v1/keys', {
      name: 'x',
      role: 'trusted_flagger',
    })
    expect(unbound.statusCode).toBe(400)
    expect(unbound.body).toMatch(/flaggerId/)
    const { flaggerId } = await createFlaggerWithKey(h)
    const platform = await h.call('admin', 'POST', '/v1/keys', {
      name: 'x',
      role: 'platform',
      flaggerId,
    })
    expect(platform.statusCode).toBe(400)
    expect(platform.json().error.message).toMatch(/only a key with the role trusted_flagger/)
    const unknown = await h.call('admin', 'POST', '/v1/keys', {
      name: 'x',
      role: 'trusted_flagger',
      flaggerId: crypto.randomUUID(),
    })
    expect(unknown.statusCode).toBe(400)
    const keys = (await h.call('admin', 'GET', '/v1/keys')).json().keys
    expect(
      keys.filter((k: { flaggerId: string | null }) => k.flaggerId === flaggerId),
    ).toHaveLength(1)
  })

  it("queues a flagger's notice ahead of a user's about the same harm, in trusted_flaggers", async () => {
    const flagger = await createFlaggerWithKey(h)
    const fromUser = await h.call('platform', 'POST', '/v1/reports', notice('illegal.hate'))
    const fromFlagger = await flagger.call('POST', '/v1/reports', notice('illegal.hate'))
    expect(fromUser.statusCode, fromUser.body).toBe(201)
    expect(fromFlagger.statusCode, fromFlagger.body).toBe(201)
    const userCase = await caseOf(fromUser.json().caseId)
    const flaggerCase = await caseOf(fromFlagger.json().caseId)
    expect(userCase.queue).toBe('general')
    expect(flaggerCase.queue).toBe('trusted_flaggers')
    expect(flaggerCase.priority).toBeGreaterThan(userCase.priority)
    expect(flaggerCase.priorityBreakdown.parts).toMatchObject({
      source: 'trusted_flagger',
      trust: 1.4,
      severity: userCase.priorityBreakdown.parts.severity,
    })
    const order = await openCaseIds(h)
    expect(order.indexOf(flaggerCase.id)).toBeLessThan(order.indexOf(userCase.id))
  })

  it('still sends a flagger notice about a more urgent harm to that harm’s queue', async () => {
    const flagger = await createFlaggerWithKey(h)
    const res = await flagger.call('POST', '/v1/reports', notice('illegal.terrorism'))
    expect(res.statusCode, res.body).toBe(201)
    expect((await caseOf(res.json().caseId)).queue).toBe('terrorism')
  })

  it("lets a flagger read itself and its figures, and nobody else's", async () => {
    const mine = await createFlaggerWithKey(h)
    const other = await createFlaggerWithKey(h)
    expect((await mine.call('GET', `/v1/flaggers/${mine.flaggerId}`)).statusCode).toBe(200)
    expect((await mine.call('GET', `/v1/flaggers/${mine.flaggerId}/figures`)).statusCode).toBe(200)
    expect((await mine.call('GET', `/v1/flaggers/${other.flaggerId}`)).statusCode).toBe(404)
    expect((await mine.call('GET', `/v1/flaggers/${other.flaggerId}/figures`)).statusCode).toBe(404)
    expect((await mine.call('GET', '/v1/flaggers')).statusCode).toBe(403)
    const platform = await h.call('platform', 'GET', `/v1/flaggers/${mine.flaggerId}/figures`)
    expect(platform.statusCode).toBe(403)
  })

  it('refuses a disabled flagger’s keys with 403 and a clear message, until re-enabled', async () => {
    const flagger = await createFlaggerWithKey(h)
    expect((await flagger.call('POST', '/v1/reports', notice())).statusCode).toBe(201)
    const off = await h.call('admin', 'PATCH', `/v1/flaggers/${flagger.flaggerId}`, {
      enabled: false,
    })
    expect(off.statusCode, off.body).toBe(200)
    expect(off.json().enabled).toBe(false)
    const refused = await flagger.call('POST', '/v1/reports', notice())
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toMatchObject({ code: 'forbidden' })
    expect(refused.json().error.message).toMatch(/has been disabled/)
    const newKey = await h.call('admin', 'POST', '/v1/keys', {
      name: 'another',
      role: 'trusted_flagger',
      flaggerId: flagger.flaggerId,
    })
    expect(newKey.statusCode).toBe(400)
    const on = await h.call('admin', 'PATCH', `/v1/flaggers/${flagger.flaggerId}`, {
      enabled: true,
    })
    expect(on.statusCode).toBe(200)
    expect((await flagger.call('POST', '/v1/reports', notice())).statusCode).toBe(201)
    expect(await auditActions(h, flagger.flaggerId)).toEqual([
      'flagger.created',
      'flagger.disabled',
      'flagger.enabled',
    ])
    const empty = await h.call('admin', 'PATCH', `/v1/flaggers/${flagger.flaggerId}`, {})
    expect(empty.statusCode).toBe(400)
  })

  /** A fraud notice from the flagger; its case. */
  async function fraudNotice(flagger: { call: FlaggerCall }): Promise<string> {
    const res = await flagger.call('POST', '/v1/reports', notice('illegal.fraud'))
    expect(res.statusCode, res.body).toBe(201)
    return res.json().caseId as string
  }

  async function figuresOf(flagger: { flaggerId: string; call: FlaggerCall }, query: string) {
    const res = await flagger.call('GET', `/v1/flaggers/${flagger.flaggerId}/figures${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  /**
   * The flagger's notices, hours from t0: one at -5 (decided at 5), then a at 0, b at 1, c at 2,
   * d at 3 and one at 4 left pending; decided 2 h (a), 4 h (b, not upheld), 6 h (c) and 7 h (d)
   * later. Another flagger and the platform send one notice each. Returns t0 + hours as ISO.
   */
  async function flaggerTimeline(flagger: { call: FlaggerCall }): Promise<(h: number) => string> {
    h.clock.set('2026-12-01T00:00:00.000Z')
    const t0 = h.clock.now().getTime()
    const at = (hours: number) => h.clock.set(new Date(t0 + hours * HOUR))
    const other = await createFlaggerWithKey(h)
    const file = () => fraudNotice(flagger)
    const decide = (caseId: string, type: string) =>
      postDecision(h, caseId, { harm: 'illegal.fraud', actions: [{ type, label: 'Flagged' }] })
    at(-5)
    const before = await file()
    at(0)
    const a = await file()
    at(1)
    const b = await file()
    await fraudNotice(other)
    await fraudNotice({ call: (method, url, payload) => h.call('platform', method, url, payload) })
    at(2)
    const c = await file()
    await decide(a, 'remove') // 2 h, upheld
    at(3)
    const d = await file()
    at(4)
    await file() // pending
    at(5)
    await decide(b, 'no_action') // 4 h, not upheld
    await decide(before, 'remove') // before the period
    at(8)
    await decide(c, 'remove') // 6 h, upheld
    at(10)
    await decide(d, 'label') // 7 h, upheld
    return (hours) => new Date(t0 + hours * HOUR).toISOString()
  }

  it('computes notices sent, share upheld and median time to decision', async () => {
    const flagger = await createFlaggerWithKey(h)
    const iso = await flaggerTimeline(flagger)
    const figures = (query: string) => figuresOf(flagger, query)
    expect(await figures(`?from=${iso(0)}&to=${iso(24)}`)).toMatchObject({
      noticesSent: 5,
      decided: 4,
      upheld: 3,
      shareUpheld: 0.75,
      medianSecondsToDecision: 5 * 3600,
    })
    expect(await figures(`?from=${iso(1)}&to=${iso(3.5)}`)).toMatchObject({
      noticesSent: 3,
      decided: 3,
      upheld: 2,
      medianSecondsToDecision: 6 * 3600,
    })
    const none = await figures(`?from=${iso(20)}&to=${iso(24)}`)
    expect(none).toMatchObject({ noticesSent: 0, decided: 0, shareUpheld: null })
    expect(none.medianSecondsToDecision).toBeNull()
    const reversed = await flagger.call(
      'GET',
      `/v1/flaggers/${flagger.flaggerId}/figures?from=${iso(5)}&to=${iso(1)}`,
    )
    expect(reversed.statusCode).toBe(400)
  })
})
