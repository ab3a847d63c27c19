import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportInput } from '../factories.js'
import { api, createKey, type E2eDatabase, e2eDatabase, runCli, startServe } from './serve.js'

// @NOTE An evidence package as a person makes and checks one: a report opens a case through
// `vigil serve`, `vigil evidence preserve` keeps it, `vigil evidence export` signs a zip, and
// `vigil evidence verify` (no database) passes it, then fails it once anything in it changes.

const PURPOSE = 'Kent Police request 24/1187 (threat to life)'

describe('vigil evidence export and verify on pglite', () => {
  let db: E2eDatabase
  let dir: string
  let zipPath: string
  let keyPath: string
  beforeAll(async () => {
    db = await e2eDatabase('pglite', { migrated: true })
    dir = mkdtempSync(join(tmpdir(), 'vigil-evidence-package-'))
    zipPath = join(dir, 'package.zip')
    keyPath = join(dir, 'key.pem')
  })
  afterAll(async () => {
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const exportCase = (caseId: string) =>
    runCli(db, ['evidence', 'export', caseId, '--out', zipPath, '--purpose', PURPOSE])
  const verify = (file: string, key = keyPath) =>
    runCli(db, ['evidence', 'verify', file, '--public-key', key])

  /** The package rewritten with `change` applied to its files, as someone tampering would. */
  function tampered(name: string, change: (files: Record<string, Uint8Array>) => void): string {
    const files = unzipSync(readFileSync(zipPath))
    change(files)
    const path = join(dir, name)
    writeFileSync(path, zipSync(files))
    return path
  }

  it('exports a signed package of a preserved case that verifies against the printed key', {
    timeout: 180_000,
  }, async () => {
    const server = await startServe(db)
    let caseId = ''
    try {
      const platform = await createKey(server, db, 'platform')
      const filed = await api(server, platform, 'POST', '/v1/reports', reportInput())
      expect(filed.status, JSON.stringify(filed.json)).toBe(201)
      caseId = filed.json.caseId as string
    } finally {
      expect(await server.stop()).toBe(0)
    }
    const preserved = await runCli(db, [
      'evidence',
      'preserve',
      caseId,
      '--reason',
      'police request',
    ])
    expect(preserved.code, preserved.stderr).toBe(0)

    const exported = await exportCase(caseId)
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/wrote .*package\.zip: \d+ item\(s\)/)
    const pem = exported.stdout.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/)
    writeFileSync(keyPath, `${pem?.[0]}\n`)
    const published = await runCli(db, ['evidence', 'signing-key'])
    expect(published.stdout).toContain(pem?.[0])

    const checked = await verify(zipPath)
    expect(checked.code, checked.stdout + checked.stderr).toBe(0)
    expect(checked.stdout).toContain('✓ signature: manifest.json is signed by Ed25519 key')
    expect(checked.stdout).toContain('✓ signing key: the package key is the trusted key')
    expect(checked.stdout).toMatch(/✓ items\/\S+: SHA-256 [0-9a-f]{64} matches/)
    expect(checked.stdout).toMatch(/✓ audit entry \d+ \(evidence\.exported\)/)
    expect(checked.stdout).toContain(`package intact: case ${caseId}`)
    expect(checked.stdout).not.toContain('✗')

    const again = await exportCase(caseId)
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain('exists already')
  })

  it('fails on one changed byte in an item, naming the file', async () => {
    let item = ''
    const path = tampered('byte.zip', (files) => {
      item = Object.keys(files).find((name) => name.startsWith('items/')) ?? ''
      const bytes = files[item] as Uint8Array
      bytes[0] = (bytes[0] as number) ^ 0x20
    })
    const run = await verify(path)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`✗ ${item}: its SHA-256 is`)
    expect(run.stdout).toContain('the file was changed')
    expect(run.stdout).toContain('package NOT intact: 1 check(s) failed')
  })

  it('fails on a removed file and on a changed manifest', async () => {
    const removed = tampered('removed.zip', (files) => delete files['summary.html'])
    const gone = await verify(removed)
    expect(gone.code).toBe(1)
    expect(gone.stdout).toContain('✗ summary.html: the file is missing from the package')

    const edited = tampered('manifest.zip', (files) => {
      const text = new TextDecoder().decode(files['manifest.json'])
      files['manifest.json'] = new TextEncoder().encode(text.replace(PURPOSE, 'Routine review'))
    })
    const changed = await verify(edited)
    expect(changed.code).toBe(1)
    expect(changed.stdout).toContain('✗ signature: manifest.sig is not a valid signature')
  })
})
