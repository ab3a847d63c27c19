import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transparencyReportSchema } from '../../src/core/transparency-report.js'
import { type E2eDatabase, e2eDatabase, runCli } from './serve.js'

// @NOTE `vigil report transparency` as a person runs it, on a database holding one trusted
// flagger's notice (2026-03-01 10:00) that a moderator acted on three hours later. The figures
// themselves are checked against a hand-computed fixture in test/transparency.

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`
const SEED = [
  `insert into subject (id, external_id, kind, surface, author_id, text, created_at, updated_at)
   values ('${ID(1)}', 'post-1', 'text', 'public', 'author-1', 'x', '2026-03-01T10:00Z', '2026-03-01T10:00Z')`,
  `insert into moderation_case (id, subject_id, status, queue, priority, harm, sla_deadline, created_at, updated_at, decided_at)
   values ('${ID(2)}', '${ID(1)}', 'decided', 'general', 100, 'illegal.fraud', '2026-03-04T10:00Z', '2026-03-01T10:00Z', '2026-03-01T13:00Z', '2026-03-01T13:00Z')`,
  `insert into report (id, reference, case_id, subject_id, harm, explanation, content_urls, reporter_kind, reporter_id, filed_by, created_at)
   values ('${ID(3)}', 'R-TEST-0001', '${ID(2)}', '${ID(1)}', 'illegal.fraud', 'a scam', '[]', 'trusted_flagger', 'tf-1', 'platform', '2026-03-01T10:00Z')`,
  `insert into decision (id, case_id, subject_id, harm, ground, actions, statement, automated_detection, automated_decision, decided_by, created_at, source_type)
   values ('${ID(4)}', '${ID(2)}', '${ID(1)}', 'illegal.fraud', '{"type":"illegal","offence":"Fraud Act 2006 s.2"}', '[{"type":"remove"}]', 'Removed.', false, 'not', 'key:moderator', '2026-03-01T13:00Z', 'trusted_flagger')`,
]

describe('vigil report transparency on pglite', () => {
  let db: E2eDatabase
  let dir: string
  beforeAll(async () => {
    db = await e2eDatabase('pglite', { migrated: true })
    for (const statement of SEED) await db.query(statement)
    dir = mkdtempSync(join(tmpdir(), 'vigil-transparency-cli-'))
  })
  afterAll(async () => {
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const period = ['--from', '2026-01-01', '--to', '2027-01-01']

  it('prints the JSON report by default', async () => {
    const run = await runCli(db, ['report', 'transparency', ...period])
    expect(run.code, run.stderr).toBe(0)
    const report = transparencyReportSchema.parse(JSON.parse(run.stdout))
    expect(report.period).toMatchObject({ from: '2026-01-01', to: '2027-01-01' })
    const notices = report.sections.notices.figures
    expect(notices.received.value).toBe(1)
    expect(notices.trustedFlaggerShare.value).toBe(1)
    expect(notices.medianHoursToAction.value).toBe(3)
    expect(notices.byHarm.rows).toEqual([
      { key: 'illegal.fraud', label: 'Fraud and money scams', value: 1 },
    ])
  })

  it('writes CSV and HTML files with --out', async () => {
    for (const format of ['csv', 'html'] as const) {
      const out = join(dir, `report.${format}`)
      const run = await runCli(db, [
        'report',
        'transparency',
        ...period,
        '--format',
        format,
        '--out',
        out,
      ])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).toContain(`wrote the ${format} transparency report to ${out}`)
      expect(run.stdout).toBe('')
    }
    const csv = readFileSync(join(dir, 'report.csv'), 'utf8').split('\n')
    expect(csv[0]).toBe('section,metric,dimension,value,definition')
    expect(csv.find((line) => line.startsWith('notices,bySender,'))).toMatch(
      /^notices,bySender,sender=trusted_flagger,1,/,
    )
    const html = readFileSync(join(dir, 'report.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html.match(/<svg /g)).toHaveLength(5)
  })

  it('refuses a period that runs backwards, says how to give one, and exits non-zero', async () => {
    const run = await runCli(db, [
      'report',
      'transparency',
      '--from',
      '2026-02-01',
      '--to',
      '2026-01-01',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('`from` must be before `to`')
    expect(run.stderr).toContain('give --from and --to as YYYY-MM-DD')
  })
})
