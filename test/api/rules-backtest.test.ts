import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.js'
import { formatBacktest, runRulesBacktest } from '../../src/cli/rules/rules-output.js'
import { backtestRule } from '../../src/services/backtest-rules.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

type Verdict = 'remove' | 'no_action' | 'restore'

/**
 * Ten subjects first seen 10 minutes apart from 2026-11-10, hand-labelled by their decisions.
 * s3's only decision is a rule's automatic one, so it counts as undecided.
 */
const FIXTURE: { suspicious: boolean; author: 'new-user' | 'old-user'; decisions: Verdict[] }[] = [
  { suspicious: true, author: 'new-user', decisions: ['remove'] }, //    s0
  { suspicious: true, author: 'new-user', decisions: ['remove'] }, //    s1
  { suspicious: true, author: 'new-user', decisions: ['no_action'] }, // s2
  { suspicious: true, author: 'new-user', decisions: [] }, //            s3 (auto-removed)
  { suspicious: false, author: 'new-user', decisions: ['remove'] }, //   s4
  { suspicious: false, author: 'old-user', decisions: ['no_action'] }, // s5
  { suspicious: false, author: 'old-user', decisions: ['no_action'] }, // s6
  { suspicious: false, author: 'old-user', decisions: ['remove', 'restore'] }, // s7
  { suspicious: false, author: 'old-user', decisions: ['remove'] }, //   s8
  { suspicious: false, author: 'old-user', decisions: [] }, //           s9
]
const CREATED = { 'new-user': '2026-11-08T00:00:00Z', 'old-user': '2025-01-01T00:00:00Z' }
const SINCE = new Date('2026-11-05T00:00:00Z')

const rule = (
  name: string,
  when: unknown,
  effect: unknown = { verdict: 'review', harm: 'illegal.fraud' },
) => JSON.stringify({ name, when, do: effect })

describe.each(dialects())('rule backtests on %s', (dialect) => {
  let h: TestHarness
  const ids: string[] = []
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    await createRule(
      h,
      rule(
        'auto-remover',
        { metadata: { path: 'autoremove', equals: true } },
        {
          verdict: 'block',
          harm: 'illegal.fraud',
          action: {
            type: 'remove',
            ground: { type: 'terms', clause: '4.2', version: '2026-01' },
            statement: 'Removed.',
          },
        },
      ),
      'live',
    )
    await createRule(h, rule('bt-suspicious', { metadata: { path: 'suspicious', equals: true } }))
    await createRule(h, rule('bt-new-account', { author: { accountAgeDays: { lte: 7 } } }))
    await createRule(h, rule('bt-busy', { author: { recentSubjects: { withinHours: 1, gte: 2 } } }))
    h.clock.set('2026-11-01T00:00:00Z')
    const early = await ingest(h, 'old', { suspicious: true, author: 'old-user', decisions: [] })
    await decide(h, 'old', early, ['remove'])
    h.clock.set('2026-11-10T00:00:00Z')
    for (const [i, subject] of FIXTURE.entries()) {
      ids.push(await ingest(h, `s${i}`, subject, i === 3))
      h.clock.advance(10 * 60_000)
    }
    h.clock.set('2026-11-20T00:00:00Z')
    for (const [i, subject] of FIXTURE.entries())
      await decide(h, `s${i}`, ids[i] as string, subject.decisions)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('scores a metadata rule against the recorded decisions', async () => {
    const result = await backtestRule(h.ctx, 'bt-suspicious', { since: SINCE })
    expect(result).toMatchObject({
      rule: { name: 'bt-suspicious' },
      version: 1,
      subjects: 10,
      matched: 4,
      counts: { tp: 2, fp: 1, fn: 2, tn: 3 },
      precision: 2 / 3,
      recall: 0.5,
      undecided: { subjects: 2, matched: 1 },
    })
    expect(result.examples).toEqual({
      tp: [ids[0], ids[1]],
      fp: [ids[2]],
      fn: [ids[4], ids[8]],
      tn: [ids[5], ids[6], ids[7]],
    })
  })

  it('replays account age from the stored author creation time', async () => {
    const result = await backtestRule(h.ctx, 'bt-new-account', { since: SINCE })
    expect(result).toMatchObject({
      counts: { tp: 3, fp: 1, fn: 1, tn: 3 },
      precision: 0.75,
      recall: 0.75,
      undecided: { subjects: 2, matched: 1 },
    })
  })

  it("replays the author's recent subjects as they stood when each subject arrived", async () => {
    const result = await backtestRule(h.ctx, 'bt-busy', { since: SINCE })
    expect(result).toMatchObject({
      matched: 6,
      counts: { tp: 2, fp: 2, fn: 2, tn: 2 },
      precision: 0.5,
      recall: 0.5,
      undecided: { subjects: 2, matched: 2 },
    })
  })

  it('replays the version asked for, the current one by default, across pages', async () => {
    const v2 = rule('bt-suspicious', { metadata: { path: 'suspicious', equals: 'never' } })
    const added = await h.call('admin', 'POST', '/v1/rules/bt-suspicious/versions', {
      format: 'json',
      source: v2,
    })
    expect(added.statusCode, added.body).toBe(201)
    const current = await backtestRule(h.ctx, 'bt-suspicious', { since: SINCE })
    expect(current).toMatchObject({ version: 2, matched: 0, precision: null, recall: 0 })
    const progress: number[] = []
    const first = await backtestRule(h.ctx, 'bt-suspicious', {
      since: SINCE,
      version: 1,
      pageSize: 3,
      onProgress: (done, total) => progress.push(done, total),
    })
    expect(first).toMatchObject({ version: 1, counts: { tp: 2, fp: 1, fn: 2, tn: 3 } })
    expect(progress).toEqual([3, 10, 6, 10, 9, 10, 10, 10])
    const missing = await h.call('moderator', 'POST', '/v1/rules/bt-suspicious/backtest', {
      since: '2026-11-05',
      version: 9,
    })
    expect(missing.statusCode).toBe(404)
  })

  it('answers POST /v1/rules/{id}/backtest for moderators', async () => {
    const res = await h.call('moderator', 'POST', '/v1/rules/bt-new-account/backtest', {
      since: '2026-11-05',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      subjects: 10,
      counts: { tp: 3, fp: 1, fn: 1, tn: 3 },
      since: '2026-11-05T00:00:00.000Z',
      until: h.clock.now().toISOString(),
    })
    const everything = await h.call('moderator', 'POST', '/v1/rules/bt-new-account/backtest', {
      since: '2026-10-01',
    })
    expect(everything.json().subjects).toBe(11)
  })

  it('prints the table from the CLI command function', async () => {
    const out: string[] = []
    const output = { out: (line: string) => out.push(line), err: () => {} }
    const options = { since: SINCE, version: 1 }
    expect(await runRulesBacktest(h.ctx, 'bt-suspicious', options, output)).toBe(0)
    expect(out).toContain('  precision 0.667   recall 0.500')
    expect(out.join('\n')).toMatch(/matched\s+TP 2\s+FP 1/)
    expect(out.join('\n')).toMatch(/not matched\s+FN 2\s+TN 3/)
    expect(out.join('\n')).toContain('undecided 2 (matched 1)')
    expect(out.join('\n')).toContain(`  tp  ${ids[0]} ${ids[1]}`)
    const result = await backtestRule(h.ctx, 'bt-suspicious', { since: SINCE })
    expect(formatBacktest(result)).toContain('  precision n/a   recall 0.000')
  })

  // @NOTE Registered on PostgreSQL only: the CLI opens its own connection to the test's
  // database, and an embedded PGlite folder is held by this process (the command function is
  // tested on both above).
  if (dialect !== 'postgres') return
  it('runs `vigil rules` end to end against the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-rules-'))
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const url = ['node', 'vigil', '--database-url', h.databaseUrl as string, 'rules']
    try {
      const file = join(dir, 'cli-rule.yaml')
      writeFileSync(
        file,
        'name: cli-rule\nwhen: { metadata: { path: suspicious, equals: true } }\ndo: { priority: 5 }\n',
      )
      expect(await main([...url, 'create', '--file', file, '--state', 'shadow'])).toBe(0)
      expect(await main([...url, 'state', 'cli-rule', 'live'])).toBe(0)
      expect(await main([...url, 'list'])).toBe(0)
      log.mockClear()
      const args = ['backtest', 'cli-rule', '--since', '2026-11-05', '--rule-version', '1']
      expect(await main([...url, ...args]), String(errors.mock.calls)).toBe(0)
      const printed = log.mock.calls.map((call) => String(call[0])).join('\n')
      expect(printed).toContain('rule cli-rule version 1')
      expect(printed).toContain('precision 0.667   recall 0.500')
      const shown = await h.call('moderator', 'GET', '/v1/rules/cli-rule')
      expect(shown.json()).toMatchObject({ state: 'live', createdBy: 'cli' })
    } finally {
      log.mockRestore()
      errors.mockRestore()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

async function createRule(h: TestHarness, source: string, state = 'draft'): Promise<void> {
  const res = await h.call('admin', 'POST', '/v1/rules', { format: 'json', source, state })
  expect(res.statusCode, res.body).toBe(201)
}

async function ingest(
  h: TestHarness,
  id: string,
  subject: (typeof FIXTURE)[number],
  autoremove = false,
): Promise<string> {
  const res = await h.call(
    'platform',
    'POST',
    '/v1/content',
    contentInput({
      id: `bt-${id}`,
      author: { id: subject.author, createdAt: CREATED[subject.author] },
      metadata: { suspicious: subject.suspicious, autoremove },
    }),
  )
  expect(res.statusCode, res.body).toBe(200)
  expect(res.json().verdict).toBe(autoremove ? 'block' : 'allow')
  return res.json().subjectId
}

async function decide(h: TestHarness, id: string, _subjectId: string, verdicts: Verdict[]) {
  if (verdicts.length === 0) return
  const report = await h.call(
    'platform',
    'POST',
    '/v1/reports',
    reportInput({ subject: { id: `bt-${id}`, kind: 'text' }, harm: 'illegal.fraud' }),
  )
  expect(report.statusCode, report.body).toBe(201)
  let last: string | undefined
  for (const type of verdicts) {
    h.clock.advance(60_000)
    // @NOTE A restore is recorded by reversing the decision before it.
    const decided =
      type === 'restore'
        ? await h.call('moderator', 'POST', `/v1/decisions/${last}/reverse`, { reasons: 'Undone.' })
        : await h.call(
            'moderator',
            'POST',
            `/v1/cases/${report.json().caseId}/decisions`,
            decisionInput({ harm: 'illegal.fraud', actions: [{ type }] }),
          )
    expect(decided.statusCode, decided.body).toBe(201)
    last = decided.json().id
  }
}
