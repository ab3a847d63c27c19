import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from './config.js'
import { type EvidenceMasterKey, parseEvidenceKeyring } from './evidence-settings.js'

export const EVIDENCE_KEY_FILE = 'evidence.key'

/**
 * The embedded setup's evidence keyring: `<dataDir>/evidence.key` (mode 0600, the same
 * `id:base64key` text as VIGIL_EVIDENCE_KEYS), written with a new random key on first start.
 */
export function loadOrCreateEvidenceKeyFile(dataDir: string): EvidenceMasterKey[] {
  const path = join(dataDir, EVIDENCE_KEY_FILE)
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true })
    const text = `local-1:${randomBytes(32).toString('base64')}`
    writeFileSync(path, `${text}\n`, { mode: 0o600, flag: 'wx' })
    chmodSync(path, 0o600)
  }
  const { keys, problems } = parseEvidenceKeyring(readFileSync(path, 'utf8').trim())
  if (problems.length > 0 || keys.length === 0) {
    throw new ConfigError(problems.map((p) => `${path}: ${p}`))
  }
  return keys
}
