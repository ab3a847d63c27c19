import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateSigningKeyPem, parseSigningKey } from './evidence-package/signing.js'
import { loadSigningKey, SIGNING_KEY_FILE, signingKeyLoader } from './evidence-signing-key.js'

describe('the evidence signing key', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-signing-'))
    dirs.push(dir)
    return dir
  }

  it('uses the configured key over the data folder', () => {
    const pem = generateSigningKeyPem()
    const dir = dataDir()
    const key = loadSigningKey({ secret: pem, database: { kind: 'pglite', dataDir: dir } })
    expect(key.keyId).toBe(parseSigningKey(pem).keyId)
    expect(() => statSync(join(dir, SIGNING_KEY_FILE))).toThrow()
  })

  it('generates a key into the data folder once (mode 0600) and keeps using it', () => {
    const dir = join(dataDir(), 'not-yet-there')
    const load = signingKeyLoader({ secret: undefined, database: { kind: 'pglite', dataDir: dir } })
    const first = load()
    const file = join(dir, SIGNING_KEY_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/)
    expect(load()).toBe(first)
    expect(
      loadSigningKey({ secret: undefined, database: { kind: 'pglite', dataDir: dir } }).keyId,
    ).toBe(first.keyId)
  })

  it('asks for VIGIL_EVIDENCE_SIGNING_KEY on PostgreSQL, which has no data folder', () => {
    expect(() => loadSigningKey({ secret: undefined, database: { kind: 'postgres' } })).toThrow(
      /set VIGIL_EVIDENCE_SIGNING_KEY/,
    )
  })

  it('gives an in-memory database a key of its own that is never written', () => {
    const load = signingKeyLoader({ secret: undefined, database: { kind: 'pglite' } })
    expect(load().keyId).toMatch(/^[0-9a-f]{16}$/)
    expect(load()).toBe(load())
  })
})
