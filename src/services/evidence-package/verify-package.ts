import type { KeyObject } from 'node:crypto'
import { canonicalJson } from '../canonical-json.js'
import { sha256Hex } from './build-package.js'
import { checkChainSegment, type Finding } from './chain-segment.js'
import {
  MANIFEST_PATH,
  manifestSchema,
  type PackageManifest,
  SIGNATURE_PATH,
  SUMMARY_PATH,
} from './manifest.js'
import { DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from './safe-zip.js'
import { parsePublicKey, publicKeyId, samePublicKey, verifyBytes } from './signing.js'

export type { Finding } from './chain-segment.js'

export interface VerifyOptions {
  /** The key the recipient expects (SPKI PEM or base64 DER), obtained apart from the package. */
  trustedPublicKey?: string
  limits?: ZipLimits
}

export interface PackageVerification {
  ok: boolean
  findings: Finding[]
  /** The manifest when it could be read (even if a check failed). */
  manifest: PackageManifest | undefined
}

const pass = (check: string, detail: string): Finding => ({ status: 'pass', check, detail })
const fail = (check: string, detail: string): Finding => ({ status: 'fail', check, detail })

/**
 * Checks a package without a database: the zip is safe, the manifest is signed by its key (and
 * that key is the pinned one, when given), every file's hash and size, no file missing or added,
 * the summary's hash, and every audit entry's recomputed hash and links.
 */
export function verifyEvidencePackage(
  zip: Uint8Array,
  options: VerifyOptions = {},
): PackageVerification {
  const read = readZip(zip, options.limits ?? DEFAULT_ZIP_LIMITS)
  if (!read.ok) return done([fail('zip', `the archive was refused: ${read.problem}`)], undefined)
  const { files } = read
  const parsed = readManifest(files.get(MANIFEST_PATH))
  if ('problem' in parsed) return done([fail(MANIFEST_PATH, parsed.problem)], undefined)
  const { manifest, bytes } = parsed
  const findings = [
    ...checkSignature(manifest, bytes, files.get(SIGNATURE_PATH), options.trustedPublicKey),
    ...checkFiles(manifest, files),
    ...checkChainSegment(manifest),
  ]
  return done(findings, manifest)
}

function done(findings: Finding[], manifest: PackageManifest | undefined): PackageVerification {
  return { ok: findings.every((f) => f.status !== 'fail'), findings, manifest }
}

function readManifest(
  bytes: Uint8Array | undefined,
): { manifest: PackageManifest; bytes: Uint8Array } | { problem: string } {
  if (!bytes) return { problem: 'the package has no manifest.json' }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: 'it is not valid JSON' }
  }
  const result = manifestSchema.safeParse(json)
  if (!result.success) {
    const first = result.error.issues[0]
    return {
      problem: `it is not a vigil-evidence-package/1 manifest (${first?.path.join('.')}: ${first?.message})`,
    }
  }
  if (canonicalJson(json) !== text) return { problem: 'it is not in canonical form: it was edited' }
  return { manifest: result.data, bytes }
}

function checkSignature(
  manifest: PackageManifest,
  bytes: Uint8Array,
  signature: Uint8Array | undefined,
  trusted: string | undefined,
): Finding[] {
  const check = 'signature'
  const key = parsePublicKey(manifest.signing.publicKey)
  if (!key) return [fail(check, 'the manifest does not hold an Ed25519 public key')]
  const findings: Finding[] = []
  if (publicKeyId(key) !== manifest.signing.keyId) {
    findings.push(fail('signing key', 'the key id in the manifest is not that of its public key'))
  }
  findings.push(pinnedKey(key, manifest.signing.keyId, trusted))
  if (!signature) return [...findings, fail(check, 'the package has no manifest.sig')]
  const text = new TextDecoder().decode(signature)
  findings.push(
    verifyBytes(key, bytes, text)
      ? pass(check, `manifest.json is signed by Ed25519 key ${manifest.signing.keyId}`)
      : fail(check, 'manifest.sig is not a valid signature of manifest.json by the manifest key'),
  )
  return findings
}

function pinnedKey(key: KeyObject, keyId: string, trusted: string | undefined): Finding {
  const check = 'signing key'
  if (trusted === undefined) {
    return {
      status: 'note',
      check,
      detail: `not compared with a trusted key (pass --public-key); the package names key ${keyId}`,
    }
  }
  const pinned = parsePublicKey(trusted)
  if (!pinned) return fail(check, 'the trusted key given is not an Ed25519 public key')
  return samePublicKey(key, pinned)
    ? pass(check, `the package key is the trusted key ${keyId}`)
    : fail(
        check,
        `the package was signed by key ${keyId}, not by the trusted key ${publicKeyId(pinned)}`,
      )
}

function checkFiles(manifest: PackageManifest, files: Map<string, Uint8Array>): Finding[] {
  const expected = [
    ...manifest.items.flatMap((i) =>
      i.path !== null && i.sha256 !== null
        ? [{ path: i.path, sha256: i.sha256, size: i.size }]
        : [],
    ),
    { path: SUMMARY_PATH, sha256: manifest.summary.sha256, size: null },
  ]
  const findings = expected.map((file) => checkFile(file, files.get(file.path)))
  for (const item of manifest.items.filter((i) => i.path === null)) {
    findings.push({
      status: 'note',
      check: `item ${item.id} (${item.label})`,
      detail: `not in the package: ${item.absentReason}; recorded SHA-256 ${item.sha256 ?? 'none'}`,
    })
  }
  const known = new Set([MANIFEST_PATH, SIGNATURE_PATH, ...expected.map((e) => e.path)])
  if (known.size !== expected.length + 2) {
    findings.push(fail('items', 'the manifest lists one file for two items'))
  }
  for (const name of files.keys()) {
    if (!known.has(name)) findings.push(fail(name, 'the file is not in the manifest: it was added'))
  }
  return findings
}

function checkFile(
  { path, sha256, size }: { path: string; sha256: string; size: number | null },
  bytes: Uint8Array | undefined,
): Finding {
  if (!bytes) return fail(path, 'the file is missing from the package')
  const actual = sha256Hex(bytes)
  if (actual !== sha256) {
    return fail(path, `its SHA-256 is ${actual}, the manifest says ${sha256}: the file was changed`)
  }
  if (size !== null && bytes.byteLength !== size) {
    return fail(path, `it is ${bytes.byteLength} bytes, the manifest says ${size}`)
  }
  return pass(path, `SHA-256 ${sha256} matches`)
}
