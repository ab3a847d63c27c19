import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2eDatabase, e2eDatabase, runCli } from './serve.js'

// @NOTE `vigil evidence` as an operator runs it on the embedded database: the first start makes
// `<dataDir>/evidence.key`, `preserve` seals the case at once and `list` shows it. The services
// underneath are tested on both databases in test/api/evidence*.test.ts.
describe('vigil evidence on pglite', () => {
  let db: E2eDatabase
  const caseId = crypto.randomUUID()
  const dataDir = () => db.env.VIGIL_DATA_DIR ?? ''
  beforeAll(async () => {
    db = await e2eDatabase('pglite', { migrated: true })
    const subjectId = crypto.randomUUID()
    await db.query(
      `insert into subject (id, external_id, kind, surface, text, created_at, updated_at)
       values ($1, 'post-cli-1', 'text', 'public', 'a threat', now(), now())`,
      [subjectId],
    )
    await db.query(
      `insert into moderation_case (id, subject_id, status, queue, priority, harm, sla_deadline,
         created_at, updated_at)
       values ($1, $2, 'open', 'standard', 50, 'illegal.terrorism', now(), now(), now())`,
      [caseId, subjectId],
    )
  })
  afterAll(() => db.drop())

  it('preserves a case with a reason, lists it, and keeps the key file owner-only', {
    timeout: 120_000,
  }, async () => {
    const run = await runCli(db, ['evidence', 'preserve', caseId, '--reason', 'police request'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain(`preserved case ${caseId}`)
    const keyFile = join(dataDir(), 'evidence.key')
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^local-1:[A-Za-z0-9+/]{43}=\n$/)
    expect(run.stdout).not.toContain(readFileSync(keyFile, 'utf8').split(':')[1]?.trim())

    const list = await runCli(db, ['evidence', 'list', caseId, '--json'])
    expect(list.code, list.stderr).toBe(0)
    const items = JSON.parse(list.stdout) as { label: string; reason: string; sha256: string }[]
    expect(items.map((i) => i.label).sort()).toEqual([
      'decisions',
      'reports',
      'signals',
      'statements',
      'subject',
    ])
    expect(
      items.every((i) => i.reason === 'police request' && /^[0-9a-f]{64}$/.test(i.sha256)),
    ).toBe(true)
    const blobs = readdirSync(join(dataDir(), 'evidence'), { recursive: true, withFileTypes: true })
    expect(blobs.filter((entry) => entry.isFile())).toHaveLength(5)
  })
})
