import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2eDatabase, e2eDatabase, runCli } from './serve.js'

// @NOTE `vigil banks` as a person runs it: import a file with a progress bar, list, export, and
// a refused file. The services underneath are tested on both databases in test/api.
describe('vigil banks on pglite', () => {
  let db: E2eDatabase
  let dir: string
  const hashes = Array.from({ length: 300 }, (_, i) => `f${i.toString(16).padStart(63, '0')}`)
  beforeAll(async () => {
    db = await e2eDatabase('pglite', { migrated: true })
    dir = mkdtempSync(join(tmpdir(), 'vigil-banks-cli-'))
  })
  afterAll(async () => {
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports HMA CSV into a new bank with a progress bar, lists it and exports it', async () => {
    const csv = join(dir, 'hashes.csv')
    writeFileSync(csv, ['signal_type,signal_value', ...hashes.map((h) => `pdq,${h}`)].join('\n'))
    const imported = await runCli(db, [
      'banks',
      'import',
      csv,
      '--bank',
      'csam-pdq',
      '--create',
      '--kind',
      'pdq',
      '--harm',
      'illegal.csea.image_csam',
      '--action',
      'block',
    ])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('imported 300 new entries into csam-pdq from 300 rows')
    expect(imported.stderr).toMatch(/importing \[.*\] 100%/)
    const listed = await runCli(db, ['banks', 'list'])
    expect(listed.stdout).toMatch(/csam-pdq.*pdq.*illegal\.csea\.image_csam.*block.*300.*300/)
    const out = join(dir, 'export.csv')
    const exported = await runCli(db, ['banks', 'export', '--bank', 'csam-pdq', '--out', out])
    expect(exported.code, exported.stderr).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('signal_type,signal_value,note,quality,external_ref')
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[1])
        .sort(),
    ).toEqual([...hashes].sort())
  })

  it('refuses a file with a bad line, says which, exits non-zero and writes nothing', async () => {
    const file = join(dir, 'bad.jsonl')
    writeFileSync(file, `${JSON.stringify({ value: 'b'.repeat(64) })}\n{"value": "nope"}\n`)
    const run = await runCli(db, ['banks', 'import', file, '--bank', 'csam-pdq'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('nothing was written')
    expect(run.stderr).toContain('line 2: value: a pdq entry is 64 hex digits')
    const listed = await runCli(db, ['banks', 'list'])
    expect(listed.stdout).toMatch(/csam-pdq.*300/)
  })
})
