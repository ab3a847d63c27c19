import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../../test/dialects.js'
import { createTestHarness, type TestHarness } from '../../../test/harness.js'
import { verifyAuditChain } from '../../services/audit-verify.js'
import { type DemoSummary, loadDemoData } from './demo-data.js'
import { ensureDemoAdminKey } from './demo-key.js'
import { planDemo } from './demo-plan.js'

describe('the demo plan', () => {
  it('is the same for the same seed', () => {
    const options = { subjects: 60, seed: 7, spanMs: 30 * 86_400_000 }
    expect(planDemo(options)).toEqual(planDemo(options))
  })

  it('walks forward in time and keeps about 15% of the content on the lists', () => {
    const events = planDemo({ subjects: 300, seed: 1, spanMs: 30 * 86_400_000 })
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => a - b))
    const content = events.filter((e) => e.type === 'content')
    const onList = content.filter(
      (e) =>
        /\.example\/|kill|dead|where you live|watch your back|find you|regret/i.test(
          e.input.text ?? '',
        ) ||
        (e.input.kind === 'image' && /spread|taken down|copies/.test(e.input.text ?? '')),
    )
    expect(onList.length / content.length).toBeCloseTo(0.15, 1)
    const harms = new Set(events.flatMap((e) => (e.type === 'report' ? [e.input.harm] : [])))
    expect(harms.size).toBeGreaterThanOrEqual(10)
  })
})

describe.each(dialects())('the demo data set on %s', (dialect) => {
  let h: TestHarness
  let summary: DemoSummary
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    summary = await loadDemoData(h.ctx, { subjects: 40 })
  })
  afterAll(async () => {
    await h.close()
  })

  it('leaves open and decided cases', async () => {
    const open = await h.call('moderator', 'GET', '/v1/cases?status=open&limit=200')
    const decided = await h.call('moderator', 'GET', '/v1/cases?status=decided&limit=200')
    expect(open.json().total).toBeGreaterThan(0)
    expect(decided.json().total).toBeGreaterThan(0)
    expect(open.json().total + decided.json().total).toBe(summary.casesOpened)
    expect(decided.json().total).toBe(summary.decisions)
  })

  it('files reports with references through the real service', async () => {
    const rows = await h.ctx.db.selectFrom('report').select(['reference', 'case_id']).execute()
    expect(rows).toHaveLength(summary.reports)
    for (const row of rows) expect(row.reference).toMatch(/^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    const view = await h.call('moderator', 'GET', `/v1/cases/${rows[0]?.case_id}`)
    expect(view.json().reports.length).toBeGreaterThan(0)
    expect(view.json().history.length).toBeGreaterThan(0)
  })

  it('blocks uploads that hit the scam list and the hash bank', async () => {
    expect(summary.verdicts.block).toBeGreaterThan(0)
    const blocked = await h.ctx.db
      .selectFrom('subject')
      .select(['kind'])
      .where('verdict', '=', 'block')
      .execute()
    expect(blocked.map((s) => s.kind)).toContain('image')
    expect(blocked.length).toBe(summary.verdicts.block)
  })

  it('spreads the history over the last 30 days', async () => {
    const rows = await h.ctx.db.selectFrom('subject').select('created_at').execute()
    const times = rows.map((r) => new Date(r.created_at).getTime())
    const now = h.clock.now().getTime()
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 30 * 86_400_000)
    expect(Math.max(...times)).toBeLessThanOrEqual(now)
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(20 * 86_400_000)
  })

  it('leaves an audit chain that verifies', async () => {
    await h.worker.drain()
    const report = await verifyAuditChain(h.ctx.db)
    expect(report).toMatchObject({ ok: true, unsealed: 0, firstBreak: null })
    expect(report.sealed).toBeGreaterThan(summary.reports + summary.decisions)
  })

  it('keeps a working demo admin key in the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-demo-key-'))
    try {
      const ctx = { ...h.ctx, config: { ...h.ctx.config, dataDir } }
      const path = await ensureDemoAdminKey(ctx)
      expect(path).toBe(join(dataDir, 'demo-admin.key'))
      expect(statSync(path).mode & 0o777).toBe(0o600)
      const key = readFileSync(path, 'utf8').trim()
      expect(await h.ctx.auth.authenticate(key)).toMatchObject({ role: 'admin' })
      await ensureDemoAdminKey(ctx)
      expect(readFileSync(path, 'utf8').trim()).toBe(key)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
