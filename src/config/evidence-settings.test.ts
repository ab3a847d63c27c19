import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from './config.js'
import { EVIDENCE_KEY_FILE, loadOrCreateEvidenceKeyFile } from './evidence-key-file.js'
import { parseEvidenceKeyring, unknownEvidenceHarms } from './evidence-settings.js'
import { parsePolicyText } from './policy-settings.js'

const key = () => randomBytes(32).toString('base64')

describe('evidence settings', () => {
  it('reads the keyring into the secrets, first key first, and keeps it out of the config', () => {
    const [a, b] = [key(), key()]
    const { config, secrets } = parseConfig({
      VIGIL_EVIDENCE_KEYS: `new:${a}, old:${b}`,
      VIGIL_EVIDENCE_DIR: '/srv/evidence',
    })
    expect(secrets.evidenceKeys?.map((k) => [k.id, k.key.toString('base64')])).toEqual([
      ['new', a],
      ['old', b],
    ])
    expect(config.evidence).toEqual({ dir: '/srv/evidence' })
    expect(JSON.stringify(config)).not.toContain(a)
  })

  it('names every bad keyring entry by position without quoting the key', () => {
    const short = randomBytes(16).toString('base64')
    const good = key()
    const settings = {
      VIGIL_EVIDENCE_KEYS: `a:${short},no-colon,b:${good},b:${good},bad id:${good}`,
    }
    expect(() => parseConfig(settings)).toThrow(ConfigError)
    const { problems } = parseEvidenceKeyring(settings.VIGIL_EVIDENCE_KEYS)
    expect(problems).toEqual([
      'entry 1 (a): the key must be 32 bytes in base64',
      'entry 2: write id:base64key, the id being 1–32 letters, digits, - or _',
      'entry 4: the id b is used twice',
      'entry 5: write id:base64key, the id being 1–32 letters, digits, - or _',
    ])
    try {
      parseConfig(settings)
    } catch (error) {
      expect((error as ConfigError).problems).toEqual(
        problems.map((p) => `VIGIL_EVIDENCE_KEYS: ${p}`),
      )
      expect((error as Error).message).not.toContain(good)
    }
    expect(problems.join('\n')).not.toContain(short)
  })

  it('checks the policy: retention rules and preserved harms by path, harms against the taxonomy', () => {
    const policy = JSON.stringify({
      evidence: {
        preserveHarms: ['illegal.terorism'],
        retention: { harms: { 'illegal.fraud': { content: 0 }, 'illegal.nope': { records: 30 } } },
      },
    })
    expect(parsePolicyText(policy).problems).toEqual([
      'VIGIL_POLICY: evidence.retention.harms.illegal.fraud.content: Too small: expected number to be >=1',
    ])
    const names = JSON.stringify({
      evidence: {
        preserveHarms: ['illegal.terorism'],
        retention: { harms: { 'illegal.nope': { records: 30 } } },
      },
    })
    const parsed = parsePolicyText(names).policy
    expect(parsed && unknownEvidenceHarms(parsed, [])).toEqual([
      'VIGIL_POLICY: evidence.preserveHarms.0: "illegal.terorism" is not a harm in the taxonomy (see GET /v1/taxonomy)',
      'VIGIL_POLICY: evidence.retention.harms.illegal.nope: "illegal.nope" is not a harm in the taxonomy (see GET /v1/taxonomy)',
    ])
  })

  it('writes the embedded key file once, owner-only, and reads the same key after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-evidence-key-'))
    try {
      const first = loadOrCreateEvidenceKeyFile(join(dir, 'data'))
      const path = join(dir, 'data', EVIDENCE_KEY_FILE)
      expect(statSync(path).mode & 0o777).toBe(0o600)
      expect(first).toHaveLength(1)
      expect(first[0]?.key).toHaveLength(32)
      const again = loadOrCreateEvidenceKeyFile(join(dir, 'data'))
      expect(again[0]?.key.equals(first[0]?.key ?? Buffer.alloc(0))).toBe(true)
      expect(readFileSync(path, 'utf8')).toMatch(/^local-1:[A-Za-z0-9+/]{43}=\n$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
