import { createHash } from 'node:crypto'
import type { AuditEntry } from '../../storage/repos/audit-repo.js'
import { canonicalJson } from '../canonical-json.js'
import { chainSegment, custodyRecords } from './chain-segment.js'
import {
  ITEMS_DIR,
  MANIFEST_PATH,
  type ManifestItem,
  PACKAGE_FORMAT,
  type PackageManifest,
  SIGNATURE_PATH,
  SUMMARY_PATH,
} from './manifest.js'
import { writeZip } from './safe-zip.js'
import { type PackageSigningKey, signBytes } from './signing.js'
import { renderSummary, type SummaryFacts } from './summary-html.js'

export interface PackageItemInput {
  id: string
  kind: string
  label: string
  contentType: string
  preservedAt: Date
  /** The original; undefined when it is not kept (erased, never available). */
  bytes: Uint8Array | undefined
  /** What was recorded at preservation, for an item without bytes. */
  recorded?: { size: number | null; sha256: string | null }
  /** Why there are no bytes, e.g. "erased on … (retention ended)". */
  absentReason?: string
}

export interface PackageInput {
  caseId: string
  createdAt: Date
  exporter: { id: string; name: string }
  purpose: string
  items: readonly PackageItemInput[]
  /** The audit entries about the case and its items, in id order. */
  custody: readonly AuditEntry[]
  /** The sealed chain's newest entry when the package was made (undefined: nothing sealed). */
  chainHead: { seq: number; hash: string } | undefined
}

export interface BuiltPackage {
  zip: Uint8Array
  manifest: PackageManifest
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The manifest's exact bytes: canonical JSON, which the signature covers byte for byte. */
export function manifestBytes(manifest: PackageManifest): Uint8Array {
  return new TextEncoder().encode(canonicalJson(manifest))
}

/**
 * Builds the zip: the originals under items/, manifest.json (canonical JSON), manifest.sig
 * (base64 Ed25519 over manifest.json) and summary.html, whose hash the manifest holds.
 */
export function buildEvidencePackage(input: PackageInput, key: PackageSigningKey): BuiltPackage {
  const paths = input.items.map((item, index) => (item.bytes ? itemPath(item, index) : null))
  const facts: SummaryFacts = {
    format: PACKAGE_FORMAT,
    caseId: input.caseId,
    createdAt: input.createdAt.toISOString(),
    exporter: input.exporter,
    purpose: input.purpose,
    items: input.items.map((item, index) => describeItem(item, paths[index] ?? null)),
    custody: custodyRecords(input.custody),
    auditChain: {
      entries: chainSegment(input.custody),
      anchor: {
        headSeq: input.chainHead?.seq ?? 0,
        headHash: input.chainHead?.hash ?? '0'.repeat(64),
        allSealed: input.custody.every((e) => e.chainSeq !== null),
      },
    },
    signing: { algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKeyPem },
  }
  const summary = new TextEncoder().encode(renderSummary(facts))
  const manifest: PackageManifest = {
    ...facts,
    summary: { path: SUMMARY_PATH, sha256: sha256Hex(summary) },
  }
  const bytes = manifestBytes(manifest)
  const zip = writeZip(
    [
      { name: MANIFEST_PATH, bytes },
      { name: SIGNATURE_PATH, bytes: new TextEncoder().encode(`${signBytes(key, bytes)}\n`) },
      { name: SUMMARY_PATH, bytes: summary },
      ...input.items.flatMap((item, index) => {
        const name = paths[index]
        return item.bytes && name ? [{ name, bytes: item.bytes, stored: true }] : []
      }),
    ],
    input.createdAt,
  )
  return { zip, manifest }
}

function describeItem(item: PackageItemInput, path: string | null): ManifestItem {
  const { bytes } = item
  return {
    path,
    id: item.id,
    kind: item.kind,
    label: item.label,
    contentType: item.contentType,
    size: bytes ? bytes.byteLength : (item.recorded?.size ?? null),
    sha256: bytes ? sha256Hex(bytes) : (item.recorded?.sha256 ?? null),
    preservedAt: item.preservedAt.toISOString(),
    absentReason: bytes ? null : (item.absentReason ?? 'the bytes were not kept'),
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'video/mp4': '.mp4',
  'text/plain': '.txt',
  'application/json': '.json',
  'application/pdf': '.pdf',
}

/** `items/<n>-<id><ext>`: numbered so two items never share a name, whatever their ids. */
function itemPath(item: PackageItemInput, index: number): string {
  const id = item.id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)
  const base = item.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return `${ITEMS_DIR}${String(index + 1).padStart(3, '0')}-${id}${EXTENSIONS[base] ?? '.bin'}`
}
