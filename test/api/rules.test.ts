import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshRulesIfChanged } from '../../src/services/rules.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, TEST_START, type TestHarness } from '../harness.js'

const DAY = 86_400_000
const daysBefore = (days: number) => new Date(Date.parse(TEST_START) - days * DAY).toISOString()

/** A YAML rule that matches content tagged with `scenario` (so tests do not see each other's). */
function yamlRule(name: string, scenario: string, extraWhen: string, effect: string): string {
  return `name: ${name}
description: test rule ${name}
when:
  all:
    - metadata: { path: scenario, equals: ${scenario} }
${extraWhen}
do:
${effect}
`
}

const NEW_ACCOUNT = '    - author: { accountAgeDays: { lte: 7 } }'
const HOLD_FRAUD = `  verdict: hold
  harm: illegal.fraud
  queue: trusted_flaggers
  priority: 990`

describe.each(dialects())('rules on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const post = (scenario: string, author: Record<string, unknown>, overrides = {}) =>
    h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ metadata: { scenario }, author, ...overrides } as never),
    )
  const outcomes = async (subjectId: string) =>
    h.ctx.db
      .selectFrom('rule_outcome')
      .select(['rule_id', 'version', 'mode', 'verdict', 'queue', 'priority', 'harm', 'action'])
      .where('subject_id', '=', subjectId)
      .execute()

  it('records a shadow outcome without changing the verdict, then acts once live', async () => {
    const source = yamlRule('new-account-fraud', 'promo', NEW_ACCOUNT, HOLD_FRAUD)
    const created = await h.call('admin', 'POST', '/v1/rules', {
      name: 'new-account-fraud',
      format: 'yaml',
      source,
      state: 'shadow',
    })
    expect(created.statusCode).toBe(201)
    const rule = created.json()
    expect(rule).toMatchObject({
      state: 'shadow',
      currentVersion: 1,
      versions: [{ version: 1, source }],
    })

    const young = { id: 'young-1', createdAt: daysBefore(2) }
    const shadowed = await post('promo', young)
    expect(shadowed.json()).toMatchObject({ verdict: 'allow', signals: [] })
    expect(shadowed.json().caseId).toBeUndefined()
    expect(await outcomes(shadowed.json().subjectId)).toEqual([
      {
        rule_id: rule.id,
        version: 1,
        mode: 'shadow',
        verdict: 'hold',
        queue: 'trusted_flaggers',
        priority: 990,
        harm: 'illegal.fraud',
        action: null,
      },
    ])
    const old = await post('promo', { id: 'old-1', createdAt: daysBefore(400) })
    expect(await outcomes(old.json().subjectId)).toEqual([])
    const noAge = await post('promo', { id: 'no-age-1' })
    expect(await outcomes(noAge.json().subjectId)).toEqual([])

    const promoted = await h.call('admin', 'POST', `/v1/rules/${rule.id}/state`, { state: 'live' })
    expect(promoted.json()).toMatchObject({ state: 'live' })
    const live = await post('promo', young)
    expect(live.json()).toMatchObject({
      verdict: 'hold',
      signals: [
        {
          source: 'rule',
          harm: 'illegal.fraud',
          action: 'hold',
          matcher: 'rule:new-account-fraud',
          evidence: { ruleId: rule.id, rule: 'new-account-fraud', version: 1 },
        },
      ],
    })
    expect(await outcomes(live.json().subjectId)).toMatchObject([{ mode: 'live', verdict: 'hold' }])
    const view = await h.call('moderator', 'GET', `/v1/cases/${live.json().caseId}`)
    expect(view.json()).toMatchObject({
      queue: 'trusted_flaggers',
      priority: 990,
      harm: 'illegal.fraud',
      signals: [{ source: 'rule', matcher: 'rule:new-account-fraud' }],
    })

    const shown = await h.call('moderator', 'GET', '/v1/rules/new-account-fraud')
    expect(shown.json().outcomes).toMatchObject({ live: 1, shadow: 1 })
    const audit = await h.ctx.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_type', '=', 'rule')
      .where('entity_id', '=', rule.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['rule.created', 'rule.state_changed'])
  })

  it('keeps versions immutable: a new version is added, the old one stays as it was', async () => {
    const v1 = yamlRule('versioned', 'ver', NEW_ACCOUNT, '  priority: 100')
    const created = await h.call('admin', 'POST', '/v1/rules', { format: 'yaml', source: v1 })
    expect(created.json()).toMatchObject({ state: 'draft', currentVersion: 1 })
    const id = created.json().id
    const v2 = JSON.stringify({ name: 'versioned', when: { kind: 'image' }, do: { priority: 200 } })
    const added = await h.call('admin', 'POST', `/v1/rules/${id}/versions`, {
      format: 'json',
      source: v2,
      state: 'shadow',
    })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({
      currentVersion: 2,
      state: 'shadow',
      document: { do: { priority: 200 } },
      versions: [
        { version: 1, format: 'yaml', source: v1, document: { do: { priority: 100 } } },
        { version: 2, format: 'json', source: v2 },
      ],
    })
    await expect(
      sql`update rule_version set source = 'changed' where rule_id = ${id}`.execute(h.ctx.db),
    ).rejects.toThrow(/immutable/)
    await expect(
      sql`delete from rule_version where rule_id = ${id}`.execute(h.ctx.db),
    ).rejects.toThrow(/immutable/)
    const renamed = await h.call('admin', 'POST', `/v1/rules/${id}/versions`, {
      format: 'json',
      source: JSON.stringify({ name: 'other-name', when: { kind: 'image' }, do: { priority: 1 } }),
    })
    expect(renamed.statusCode).toBe(400)
    const after = await h.call('moderator', 'GET', `/v1/rules/${id}`)
    expect(after.json().versions).toHaveLength(2)
  })

  it('refuses bad rules with every problem and its path, and duplicate names', async () => {
    const bad = await h.call('admin', 'POST', '/v1/rules', {
      format: 'yaml',
      source:
        'name: bad-rule\nwhen: { signal: { minScore: 3 } }\ndo: { verdict: block, harm: illegal.nope }',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.problems).toEqual([
      { path: 'when.signal.minScore', message: expect.any(String) },
    ])
    const unknownHarm = await h.call('admin', 'POST', '/v1/rules', {
      format: 'yaml',
      source: 'name: bad-rule\nwhen: { kind: text }\ndo: { verdict: block, harm: illegal.nope }',
    })
    expect(unknownHarm.json().error).toMatchObject({
      code: 'invalid_input',
      details: { problems: [{ path: 'do.harm' }] },
    })
    const source = 'name: twice\nwhen: { kind: text }\ndo: { priority: 1 }'
    expect(
      (await h.call('admin', 'POST', '/v1/rules', { format: 'yaml', source })).statusCode,
    ).toBe(201)
    expect(
      (await h.call('admin', 'POST', '/v1/rules', { format: 'yaml', source })).statusCode,
    ).toBe(409)
    const mismatch = await h.call('admin', 'POST', '/v1/rules', {
      name: 'other',
      format: 'yaml',
      source,
    })
    expect(mismatch.statusCode).toBe(400)
  })

  it('takes an automatic action: an automated decision on the opened case', async () => {
    const effect = `  verdict: block
  harm: illegal.fraud
  action:
    type: remove
    ground: { type: terms, clause: "4.2 Scams", version: "2026-01" }
    statement: Removed automatically as a known scam campaign.`
    const source = yamlRule('auto-remove-scam', 'scam', '    - has: text', effect)
    await h.call('admin', 'POST', '/v1/rules', { format: 'yaml', source, state: 'live' })
    const res = await post('scam', { id: 'scammer-1' })
    expect(res.json()).toMatchObject({ verdict: 'block' })
    const view = await h.call('moderator', 'GET', `/v1/cases/${res.json().caseId}`)
    expect(view.json()).toMatchObject({
      status: 'decided',
      decisions: [
        {
          harm: 'illegal.fraud',
          actions: [{ type: 'remove' }],
          ground: { type: 'terms', clause: '4.2 Scams', version: '2026-01' },
          automatedDetection: true,
          automatedDecision: 'fully',
          decidedBy: 'rule:auto-remove-scam@v1',
        },
      ],
    })
    expect(await outcomes(res.json().subjectId)).toMatchObject([{ mode: 'live', action: 'remove' }])
  })

  it("reads the author's recent subjects and prior removals only as of the new content", async () => {
    const when = `    - any:
        - author: { recentSubjects: { withinHours: 1, gte: 2 } }
        - author: { priorRemovals: { gte: 1 } }`
    const effect = '  verdict: review\n  harm: illegal.fraud'
    const source = yamlRule('busy-or-struck', 'history', when, effect)
    const created = await h.call('admin', 'POST', '/v1/rules', {
      format: 'yaml',
      source,
      state: 'live',
    })
    expect(created.statusCode, created.body).toBe(201)
    expect(h.ctx.rules.authorNeeds).toMatchObject({ windows: [1], priorRemovals: true })
    const verdicts: string[] = []
    for (let i = 0; i < 3; i += 1) {
      h.clock.advance(60_000)
      verdicts.push((await post('history', { id: 'busy-1' })).json().verdict)
    }
    h.clock.advance(2 * 3_600_000)
    verdicts.push((await post('history', { id: 'busy-1' })).json().verdict)
    expect(verdicts).toEqual(['allow', 'allow', 'review', 'allow'])

    h.clock.advance(60_000)
    const flagged = await post('history', { id: 'struck-1' }, { id: 'struck-post-1' })
    expect(flagged.json().verdict).toBe('allow')
    const report = await h.call(
      'platform',
      'POST',
      '/v1/reports',
      reportInput({ subject: { id: 'struck-post-1', kind: 'text' }, harm: 'illegal.fraud' }),
    )
    expect(report.statusCode, report.body).toBe(201)
    await h.call(
      'moderator',
      'POST',
      `/v1/cases/${report.json().caseId}/decisions`,
      decisionInput(),
    )
    h.clock.advance(3 * 3_600_000)
    expect((await post('history', { id: 'struck-1' })).json().verdict).toBe('review')
  })

  it('reloads rules when the revision moves, and only then', async () => {
    expect(await refreshRulesIfChanged(h.ctx)).toBe(false)
    const before = h.ctx.rules.rules.length
    await sql`update rule set state = 'draft' where name = 'new-account-fraud'`.execute(h.ctx.db)
    await sql`update rule_revision set revision = revision + 1`.execute(h.ctx.db)
    expect(await refreshRulesIfChanged(h.ctx)).toBe(true)
    expect(h.ctx.rules.rules.map((r) => r.name)).not.toContain('new-account-fraud')
    expect(h.ctx.rules.rules.length).toBe(before - 1)
    expect(await refreshRulesIfChanged(h.ctx)).toBe(false)
  })

  it('lists rules for moderators but lets only admins change them', async () => {
    const list = await h.call('moderator', 'GET', '/v1/rules')
    expect(list.json().rules.map((r: { name: string }) => r.name)).toContain('versioned')
    const refused = await h.call('moderator', 'POST', '/v1/rules/versioned/state', {
      state: 'live',
    })
    expect(refused.statusCode).toBe(403)
  })
})
