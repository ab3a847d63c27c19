import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../../test/dialects.js'
import { createTestHarness, type TestHarness } from '../../../test/harness.js'
import { CONSOLE_ROLES } from '../../core/roles.js'
import { verifyAuditChain } from '../../services/audit-verify.js'
import { signIn } from '../../services/console-sessions.js'
import { demoConsoleUser, ensureDemoConsoleUsers } from './demo-console-users.js'
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
    expect(decided.json().total).toBe(summary.casesDecided)
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

  it('gives the evidence, CSEA and compliance pages rows (demo-story-evidence.test.ts has more)', async () => {
    for (const url of ['/v1/legal-holds', '/v1/csea-reports', '/v1/risk-assessments']) {
      const body: Record<string, unknown[]> = (await h.call('admin', 'GET', url)).json()
      expect(Object.values(body)[0], url).not.toHaveLength(0)
    }
    expect((await h.call('admin', 'GET', '/v1/compliance/measures')).statusCode).toBe(200)
  })

  it('leaves an audit chain that verifies', async () => {
    await h.worker.drain()
    const report = await verifyAuditChain(h.ctx.db)
    expect(report).toMatchObject({ ok: true, unsealed: 0, firstBreak: null })
    expect(report.sealed).toBeGreaterThan(summary.reports + summary.decisions)
  })

  it('registers the police hub and the NGO hotline, whose own keys filed notices', async () => {
    const flaggers = (await h.call('admin', 'GET', '/v1/flaggers')).json().flaggers as {
      id: string
      name: string
      kind: string
    }[]
    const byKind = Object.fromEntries(flaggers.map((f) => [f.kind, f]))
    expect(byKind.authority?.name).toMatch(/Police Social Media Hub/)
    expect(byKind.trusted_flagger?.name).toMatch(/Hotline/)
    for (const flagger of flaggers) {
      const figures = await h.call('admin', 'GET', `/v1/flaggers/${flagger.id}/figures`)
      expect(figures.json().noticesSent, flagger.name).toBeGreaterThan(0)
      expect(summary.flaggerNotices[flagger.name]).toBe(figures.json().noticesSent)
    }
    const intimate = await h.ctx.db
      .selectFrom('report')
      .select(['declarations', 'flagger_id', 'channel'])
      .where('harm', '=', 'illegal.intimate_image_abuse')
      .execute()
    expect(intimate.length).toBeGreaterThan(1)
    for (const report of intimate) {
      expect(report.declarations).toEqual({
        intimateImage: true,
        personShownOrActingForThem: true,
        goodFaith: true,
      })
    }
    expect(intimate.map((r) => r.flagger_id)).toContain(byKind.trusted_flagger?.id)
    expect(intimate.map((r) => r.channel)).toContain('public_page')
  })

  it('leaves work in the terrorism, intimate-image and flagger queues, some claimed or late', async () => {
    const { queues } = (await h.call('moderator', 'GET', '/v1/queues')).json() as {
      queues: { id: string; open: number; claimed: number; nearing: number; overdue: number }[]
    }
    const queue = (id: string) => queues.find((q) => q.id === id)
    for (const id of ['terrorism', 'intimate_images', 'trusted_flaggers', 'general', 'appeals']) {
      expect(queue(id)?.open, id).toBeGreaterThan(0)
    }
    expect(queue('terrorism')?.claimed).toBeGreaterThan(0)
    expect(queue('terrorism')?.overdue).toBeGreaterThan(0)
    expect(queue('intimate_images')?.nearing).toBeGreaterThan(0)
    const overdue = await h.call('moderator', 'GET', '/v1/cases?status=open&escalation=overdue')
    const nearing = await h.call('moderator', 'GET', '/v1/cases?status=open&escalation=nearing')
    expect(overdue.json().total).toBeGreaterThan(0)
    expect(nearing.json().total).toBeGreaterThan(0)
    expect(summary.claimed).toBe(3)
  })

  it('joins duplicate notices from the API and the public page, and weighs reach', async () => {
    const cases = await h.ctx.db
      .selectFrom('report')
      .innerJoin('subject', 'subject.id', 'report.subject_id')
      .select(['report.case_id', 'report.channel'])
      .where('subject.external_id', '=', 'forum-post-giveaway')
      .execute()
    expect(new Set(cases.map((r) => r.case_id)).size).toBe(1)
    expect(cases.map((r) => r.channel).sort()).toEqual(['api', 'api', 'public_page'])
    const view = await h.call('moderator', 'GET', `/v1/cases/${cases[0]?.case_id}`)
    expect(view.json().priorityBreakdown.parts.reachFactor).toBeGreaterThan(1.5)
  })

  it('records statements of reasons, and reverses one decision on appeal by a second moderator', async () => {
    const reversed = (await h.call('moderator', 'GET', '/v1/appeals?status=reversed')).json()
    expect(reversed.total).toBe(1)
    const appeal = (
      await h.call('moderator', 'GET', `/v1/appeals/${reversed.appeals[0].id}`)
    ).json()
    const reversal = await h.ctx.db
      .selectFrom('decision')
      .selectAll()
      .where('appeal_id', '=', appeal.id)
      .executeTakeFirstOrThrow()
    expect(reversal.reverses_decision_id).toBe(appeal.decision.id)
    expect(reversal.decided_by).toMatch(/^key:/)
    expect(reversal.decided_by).not.toBe(appeal.decision.decidedBy)
    const statements = (
      await h.ctx.db.selectFrom('decision').select('statement_of_reasons').execute()
    ).flatMap((d) => (d.statement_of_reasons ? [d.statement_of_reasons] : []))
    expect(statements).toContainEqual(
      expect.objectContaining({ illegalContentLegalGround: 'Terrorism Act 2000 s.13' }),
    )
    expect(statements).toContainEqual(
      expect.objectContaining({
        incompatibleContentGround: expect.stringContaining('§5.1'),
        incompatibleContentVersion: '2026-01',
      }),
    )
    const open = (await h.call('moderator', 'GET', '/v1/appeals?status=open')).json()
    expect(open.appeals.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'decision',
      'proactive_technology',
    ])
  })

  it('warns, then suspends a repeat offender, and restricts a reporter of unfounded notices', async () => {
    const standing = (
      await h.call('moderator', 'GET', '/v1/accounts/forum-user-930/standing')
    ).json()
    expect(standing.status).toBe('suspended')
    const kinds = standing.history.restrictions.map((r: { kind: string }) => r.kind)
    expect(kinds[0]).toBe('warning')
    expect(kinds).toContain('suspension')
    expect(summary.suspended).toEqual(['forum-user-930'])
    const reporter = await h.ctx.db
      .selectFrom('reporter_standing')
      .selectAll()
      .where('reporter_key', '=', 'id:game-user-888')
      .executeTakeFirstOrThrow()
    expect(reporter.restriction).toBe('deprioritise')
    const triage = await h.ctx.db
      .selectFrom('report')
      .select('triage')
      .where('reporter_id', '=', 'game-user-888')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(triage.triage).toBe('deprioritised')
  })

  it('banks a removed image and blocks its re-upload', async () => {
    const reupload = await h.ctx.db
      .selectFrom('subject')
      .select(['verdict'])
      .where('external_id', '=', 'forum-image-951')
      .executeTakeFirstOrThrow()
    expect(reupload.verdict).toBe('block')
    expect(summary.reuploadsBlocked).toBe(1)
    const banks = (await h.call('admin', 'GET', '/v1/banks')).json().banks as {
      name: string
      entryCount?: number
    }[]
    expect(banks.map((b) => b.name)).toEqual(
      expect.arrayContaining([
        'removed-illegal-intimate_image_abuse-sha256',
        'removed-illegal-intimate_image_abuse-pdq',
      ]),
    )
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
      for (const file of ['demo-police-hub.key', 'demo-ngo-hotline.key']) {
        const flaggerKey = readFileSync(join(dataDir, file), 'utf8').trim()
        expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600)
        expect(await h.ctx.auth.authenticate(flaggerKey)).toMatchObject({
          role: 'trusted_flagger',
          flaggerId: expect.any(String),
        })
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('creates a console user of each role whose demo password is written to a private file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-demo-users-'))
    try {
      const ctx = { ...h.ctx, config: { ...h.ctx.config, dataDir } }
      const path = await ensureDemoConsoleUsers(ctx)
      expect(path).toBe(join(dataDir, 'demo-console-users.txt'))
      expect(statSync(path).mode & 0o777).toBe(0o600)
      const text = readFileSync(path, 'utf8')
      expect(text).toContain('DEMO CREDENTIALS')
      const password = /^password: (\S+)$/m.exec(text)?.[1] ?? ''
      const sessions = { ...ctx, sessions: ctx.config.sessions }
      for (const role of CONSOLE_ROLES) {
        const { email } = demoConsoleUser(role)
        expect(text).toContain(email)
        const live = await signIn(sessions, { email, password }, '203.0.113.9')
        expect(live.user).toMatchObject({ email, role })
      }
      await ensureDemoConsoleUsers(ctx)
      expect(readFileSync(path, 'utf8')).toBe(text)
      await h.ctx.db.deleteFrom('console_session').execute()
      await h.ctx.db
        .deleteFrom('console_user')
        .where('email', '=', demoConsoleUser('auditor').email)
        .execute()
      await ensureDemoConsoleUsers(ctx)
      expect(readFileSync(path, 'utf8')).toBe(text)
      const { email } = demoConsoleUser('auditor')
      expect((await signIn(sessions, { email, password }, '203.0.113.9')).user.email).toBe(email)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
