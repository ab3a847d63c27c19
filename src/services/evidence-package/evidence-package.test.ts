import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../storage/repos/audit-repo.js'
import { entryHash, GENESIS_HASH } from '../audit-log.js'
import { canonicalJson } from '../canonical-json.js'
import { buildEvidencePackage, type PackageInput } from './build-package.js'
import { generateSigningKeyPem, parseSigningKey } from './signing.js'
import { type Finding, verifyEvidencePackage } from './verify-package.js'

const KEY = parseSigningKey(generateSigningKeyPem())
const OTHER_KEY = parseSigningKey(generateSigningKeyPem())
const AT = new Date('2026-11-22T09:00:00.000Z')
const PHOTO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5])
const POST = new TextEncoder().encode('meet me after school <script>alert(1)</script>')

/** Entries sealed the way the sealer does it: numbered, each hashed over the one before. */
function sealedEntries(count: number, startSeq = 41): AuditEntry[] {
  let prev = 'a'.repeat(64)
  return Array.from({ length: count }, (_, i) => {
    const entry: AuditEntry = {
      id: 100 + i,
      occurredAt: new Date(AT.getTime() + i * 60_000),
      actor: i === 0 ? 'key:platform' : 'user:liaison',
      action: i === 0 ? 'evidence.preserved' : 'evidence.viewed',
      entityType: 'evidence_item',
      entityId: 'item-1',
      data: { purpose: `purpose ${i}`, nested: { b: 2, a: 1 } },
      chainSeq: startSeq + i,
      prevHash: prev,
      hash: null,
    }
    entry.hash = entryHash(entry, startSeq + i, prev)
    prev = entry.hash
    return entry
  })
}

function input(overrides: Partial<PackageInput> = {}): PackageInput {
  const custody = sealedEntries(3)
  const last = custody[custody.length - 1] as AuditEntry
  return {
    caseId: 'case-7',
    createdAt: AT,
    exporter: { id: 'user:liaison', name: 'Liaison <officer>' },
    purpose: 'Request from Kent Police, ref. 24/1187',
    items: [
      {
        id: 'item-1',
        kind: 'media',
        label: 'Photo',
        contentType: 'image/png',
        preservedAt: AT,
        bytes: PHOTO,
      },
      {
        id: 'item/2',
        kind: 'text',
        label: 'Post',
        contentType: 'text/plain',
        preservedAt: AT,
        bytes: POST,
      },
    ],
    custody,
    chainHead: { seq: (last.chainSeq as number) + 5, hash: 'c'.repeat(64) },
    ...overrides,
  }
}

function rezip(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip)
  change(files)
  return zipSync(files)
}

function failures(findings: Finding[]): string[] {
  return findings.filter((f) => f.status === 'fail').map((f) => `${f.check}: ${f.detail}`)
}

function itemPath(n: number): string {
  const { manifest } = buildEvidencePackage(input(), KEY)
  return manifest.items[n]?.path as string
}

describe('evidence packages', () => {
  it('verifies a package it built, with the pinned key, item by item', () => {
    const { zip, manifest } = buildEvidencePackage(input(), KEY)
    const result = verifyEvidencePackage(zip, { trustedPublicKey: KEY.publicKeyPem })
    expect(failures(result.findings)).toEqual([])
    expect(result.ok).toBe(true)
    expect(manifest.items.map((i) => i.path)).toEqual([
      'items/001-item-1.png',
      'items/002-item_2.txt',
    ])
    expect(manifest.auditChain.entries.map((e) => e.seq)).toEqual([41, 42, 43])
    expect(result.findings.filter((f) => f.status === 'pass').map((f) => f.check)).toEqual(
      expect.arrayContaining(['signature', 'signing key', ...manifest.items.map((i) => i.path)]),
    )
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([
      'items/001-item-1.png',
      'items/002-item_2.txt',
      'manifest.json',
      'manifest.sig',
      'summary.html',
    ])
  })

  it('writes the same bytes for the same input, and a manifest in canonical JSON', () => {
    const one = buildEvidencePackage(input(), KEY)
    const two = buildEvidencePackage(input(), KEY)
    expect(Buffer.from(one.zip).equals(Buffer.from(two.zip))).toBe(true)
    const text = new TextDecoder().decode(unzipSync(one.zip)['manifest.json'])
    expect(canonicalJson(JSON.parse(text))).toBe(text)
  })

  it('fails on one changed byte in an item, naming the file', () => {
    const path = itemPath(0)
    const zip = rezip(buildEvidencePackage(input(), KEY).zip, (files) => {
      const bytes = files[path] as Uint8Array
      bytes[3] = (bytes[3] as number) ^ 1
    })
    const result = verifyEvidencePackage(zip)
    expect(result.ok).toBe(false)
    expect(failures(result.findings)).toEqual([
      expect.stringMatching(`^${path}: its SHA-256 is .* the file was changed$`),
    ])
  })

  it('fails on a removed item and on an added file', () => {
    const path = itemPath(1)
    const removed = rezip(buildEvidencePackage(input(), KEY).zip, (files) => delete files[path])
    expect(failures(verifyEvidencePackage(removed).findings)).toEqual([
      `${path}: the file is missing from the package`,
    ])
    const added = rezip(buildEvidencePackage(input(), KEY).zip, (files) => {
      files['items/extra.png'] = PHOTO
    })
    expect(failures(verifyEvidencePackage(added).findings)).toEqual([
      'items/extra.png: the file is not in the manifest: it was added',
    ])
  })

  it('fails on a changed manifest, a missing or changed signature and a changed summary', () => {
    const built = buildEvidencePackage(input(), KEY)
    const edited = rezip(built.zip, (files) => {
      const text = new TextDecoder().decode(files['manifest.json'])
      files['manifest.json'] = new TextEncoder().encode(text.replace('Kent Police', 'Kent Polise'))
    })
    expect(failures(verifyEvidencePackage(edited).findings)).toEqual([
      'signature: manifest.sig is not a valid signature of manifest.json by the manifest key',
    ])
    const pretty = rezip(built.zip, (files) => {
      const json = JSON.parse(new TextDecoder().decode(files['manifest.json']))
      files['manifest.json'] = new TextEncoder().encode(JSON.stringify(json, null, 2))
    })
    expect(failures(verifyEvidencePackage(pretty).findings)).toEqual([
      'manifest.json: it is not in canonical form: it was edited',
    ])
    const unsigned = rezip(built.zip, (files) => delete files['manifest.sig'])
    expect(failures(verifyEvidencePackage(unsigned).findings)).toEqual([
      'signature: the package has no manifest.sig',
    ])
    const resigned = rezip(built.zip, (files) => {
      const other = buildEvidencePackage(input({ purpose: 'something else' }), KEY)
      files['manifest.sig'] = unzipSync(other.zip)['manifest.sig'] as Uint8Array
    })
    expect(failures(verifyEvidencePackage(resigned).findings)).toHaveLength(1)
    const summary = rezip(built.zip, (files) => {
      files['summary.html'] = new TextEncoder().encode('<p>nothing to see</p>')
    })
    expect(failures(verifyEvidencePackage(summary).findings)).toEqual([
      expect.stringMatching(/^summary\.html: its SHA-256 is .* the file was changed$/),
    ])
  })

  it('fails when the signer is not the pinned key, even if the signature is valid', () => {
    const { zip } = buildEvidencePackage(input(), OTHER_KEY)
    const result = verifyEvidencePackage(zip, { trustedPublicKey: KEY.publicKeyPem })
    expect(failures(result.findings)).toEqual([
      `signing key: the package was signed by key ${OTHER_KEY.keyId}, not by the trusted key ${KEY.keyId}`,
    ])
    const unpinned = verifyEvidencePackage(zip)
    expect(unpinned.ok).toBe(true)
    expect(unpinned.findings).toContainEqual(
      expect.objectContaining({ status: 'note', check: 'signing key' }),
    )
  })

  it('fails on a tampered audit entry or a broken link, even when the package is re-signed', () => {
    const entries = sealedEntries(3)
    const changed = entries.map((e, i) => (i === 1 ? { ...e, actor: 'user:someone-else' } : e))
    const tampered = verifyEvidencePackage(
      buildEvidencePackage(input({ custody: changed }), KEY).zip,
    )
    expect(failures(tampered.findings)).toEqual([
      'audit entry 42 (evidence.viewed): its contents do not match its hash: the entry was changed',
    ])
    const relinked = entries.map((e, i) => {
      if (i !== 2) return e
      const moved = { ...e, prevHash: 'b'.repeat(64) }
      return { ...moved, hash: entryHash(moved, e.chainSeq as number, moved.prevHash) }
    })
    const broken = verifyEvidencePackage(
      buildEvidencePackage(input({ custody: relinked }), KEY).zip,
    )
    expect(failures(broken.findings)).toEqual([
      'audit entry 43 (evidence.viewed): its previous-hash is not the hash of entry 42',
    ])
  })

  it('checks the anchor: the head entry must carry the head hash', () => {
    const entries = sealedEntries(2)
    const head = entries[1] as AuditEntry
    const good = buildEvidencePackage(
      input({ custody: entries, chainHead: { seq: 42, hash: head.hash as string } }),
      KEY,
    )
    expect(verifyEvidencePackage(good.zip).ok).toBe(true)
    const bad = buildEvidencePackage(
      input({ custody: entries, chainHead: { seq: 42, hash: GENESIS_HASH } }),
      KEY,
    )
    expect(failures(verifyEvidencePackage(bad.zip).findings)).toEqual([
      'audit entry 42 (evidence.viewed): it is the chain head but its hash is not the head hash recorded at export',
    ])
  })

  it('notes entries not yet sealed, and keeps them in the custody extract', () => {
    const pending: AuditEntry = {
      ...(sealedEntries(1)[0] as AuditEntry),
      id: 900,
      action: 'evidence.exported',
      chainSeq: null,
      prevHash: null,
      hash: null,
    }
    const built = buildEvidencePackage(input({ custody: [...sealedEntries(2), pending] }), KEY)
    expect(built.manifest.auditChain.anchor.allSealed).toBe(false)
    expect(built.manifest.custody.at(-1)).toMatchObject({ entryId: 900, chainSeq: null })
    const result = verifyEvidencePackage(built.zip)
    expect(result.ok).toBe(true)
    expect(result.findings).toContainEqual(
      expect.objectContaining({ status: 'note', check: 'audit anchor' }),
    )
  })

  it('lists an erased item by its recorded hash, with no file, and still verifies', () => {
    const erased = {
      id: 'item-3',
      kind: 'media',
      label: 'media[1]',
      contentType: 'image/jpeg',
      preservedAt: AT,
      bytes: undefined,
      recorded: { size: 10, sha256: 'e'.repeat(64) },
      absentReason: 'erased on 2027-01-01T00:00:00.000Z (retention ended)',
    }
    const base = input()
    const built = buildEvidencePackage(input({ items: [...base.items, erased] }), KEY)
    expect(built.manifest.items[2]).toMatchObject({ path: null, sha256: 'e'.repeat(64), size: 10 })
    expect(Object.keys(unzipSync(built.zip))).toHaveLength(5)
    const result = verifyEvidencePackage(built.zip)
    expect(result.ok).toBe(true)
    expect(result.findings).toContainEqual({
      status: 'note',
      check: 'item item-3 (media[1])',
      detail: `not in the package: ${erased.absentReason}; recorded SHA-256 ${'e'.repeat(64)}`,
    })
  })

  it('escapes what people typed in the summary', () => {
    const files = unzipSync(buildEvidencePackage(input(), KEY).zip)
    const html = new TextDecoder().decode(files['summary.html'])
    expect(html).toContain('Liaison &lt;officer&gt;')
    expect(html).not.toContain('<officer>')
    expect(html).toContain('Request from Kent Police, ref. 24/1187')
    expect(html).toContain(KEY.keyId)
  })
})
