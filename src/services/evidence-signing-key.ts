import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConflictError } from '../core/errors.js'
import {
  generateSigningKeyPem,
  type PackageSigningKey,
  parseSigningKey,
} from './evidence-package/signing.js'

export const SIGNING_KEY_FILE = 'evidence-signing.key'

export interface SigningKeySource {
  /** VIGIL_EVIDENCE_SIGNING_KEY: PKCS#8 PEM or base64 DER; wins over the file. */
  secret: string | undefined
  /** The database: an embedded one on disk keeps a generated key in its data folder. */
  database: { kind: string; dataDir?: string }
}

/** Loads the key once, on first use, so processes that never export never touch the file. */
export function signingKeyLoader(source: SigningKeySource): () => PackageSigningKey {
  let key: PackageSigningKey | undefined
  return () => {
    key ??= loadSigningKey(source)
    return key
  }
}

/**
 * The configured key; else the one in `<dataDir>/evidence-signing.key`, generated (mode 0600)
 * the first time; an in-memory database gets a key that lives as long as it. A server on
 * PostgreSQL has no data folder of its own, so it must be given a key.
 */
export function loadSigningKey(source: SigningKeySource): PackageSigningKey {
  if (source.secret) return parseSigningKey(source.secret)
  const { database } = source
  if (database.kind === 'pglite' && database.dataDir === undefined) {
    return parseSigningKey(generateSigningKeyPem())
  }
  if (database.kind !== 'pglite' || !database.dataDir) {
    throw new ConflictError(
      'evidence packages need a signing key: set VIGIL_EVIDENCE_SIGNING_KEY to an Ed25519 private key (PKCS#8 PEM, e.g. from `openssl genpkey -algorithm ed25519`)',
      { reason: 'signing_key_missing' },
    )
  }
  const file = join(database.dataDir, SIGNING_KEY_FILE)
  createKeyFileOnce(database.dataDir, file)
  return parseSigningKey(readFileSync(file, 'utf8'))
}

/** Writes a new key beside the file, then links it in: a reader never sees half a key. */
function createKeyFileOnce(dir: string, file: string): void {
  if (existsSync(file)) return
  mkdirSync(dir, { recursive: true })
  const draft = `${file}.${process.pid}.${Date.now()}`
  writeFileSync(draft, generateSigningKeyPem(), { mode: 0o600, flag: 'wx' })
  try {
    linkSync(draft, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    rmSync(draft, { force: true })
  }
}
