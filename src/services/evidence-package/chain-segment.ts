import type { AuditEntry } from '../../storage/repos/audit-repo.js'
import { entryHash } from '../audit-log.js'
import type { ChainAnchor, ChainSegmentEntry, CustodyRecord, PackageManifest } from './manifest.js'

/** A check's outcome: `note` is neither a pass nor a failure (e.g. no pinned key was given). */
export interface Finding {
  status: 'pass' | 'fail' | 'note'
  check: string
  detail: string
}

/** The custody extract: who did what to the case and its items, when and why. */
export function custodyRecords(entries: readonly AuditEntry[]): CustodyRecord[] {
  return entries.map((e) => ({
    entryId: e.id,
    at: e.occurredAt.toISOString(),
    actor: e.actor,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    purpose: typeof e.data.purpose === 'string' ? e.data.purpose : null,
    chainSeq: e.chainSeq,
  }))
}

/** The sealed entries with everything a verifier needs to recompute their hashes. */
export function chainSegment(entries: readonly AuditEntry[]): ChainSegmentEntry[] {
  return entries
    .filter((e) => e.chainSeq !== null && e.prevHash !== null && e.hash !== null)
    .map((e) => ({
      seq: e.chainSeq as number,
      prevHash: e.prevHash as string,
      hash: e.hash as string,
      entry: {
        id: e.id,
        at: e.occurredAt.toISOString(),
        actor: e.actor,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        data: e.data,
      },
    }))
    .sort((a, b) => a.seq - b.seq)
}

/** Recomputes every entry's hash, the links between consecutive entries and the anchor. */
export function checkChainSegment(manifest: PackageManifest): Finding[] {
  const { entries, anchor } = manifest.auditChain
  const findings: Finding[] = []
  const sorted = [...entries].sort((a, b) => a.seq - b.seq)
  sorted.forEach((segment, index) => {
    const previous = sorted[index - 1]
    findings.push(checkEntry(segment, previous, anchor))
  })
  findings.push(...checkCustody(manifest.custody, sorted, anchor))
  if (findings.length === 0) {
    findings.push({ status: 'note', check: 'audit chain', detail: 'the package holds no entries' })
  }
  return findings
}

function checkEntry(
  segment: ChainSegmentEntry,
  previous: ChainSegmentEntry | undefined,
  anchor: ChainAnchor,
): Finding {
  const check = `audit entry ${segment.seq} (${segment.entry.action})`
  const fail = (detail: string): Finding => ({ status: 'fail', check, detail })
  if (previous?.seq === segment.seq) return fail('the package holds two entries with this number')
  const { at, ...rest } = segment.entry
  const recomputed = entryHash(
    { ...rest, occurredAt: new Date(at), chainSeq: segment.seq, prevHash: null, hash: null },
    segment.seq,
    segment.prevHash,
  )
  if (recomputed !== segment.hash) {
    return fail('its contents do not match its hash: the entry was changed')
  }
  if (previous && previous.seq + 1 === segment.seq && previous.hash !== segment.prevHash) {
    return fail(`its previous-hash is not the hash of entry ${previous.seq}`)
  }
  if (segment.seq > anchor.headSeq) {
    return fail(`it is numbered after the chain head ${anchor.headSeq} recorded at export`)
  }
  if (segment.seq === anchor.headSeq && segment.hash !== anchor.headHash) {
    return fail('it is the chain head but its hash is not the head hash recorded at export')
  }
  return { status: 'pass', check, detail: `hash ${segment.hash.slice(0, 16)}… recomputed` }
}

function checkCustody(
  custody: readonly CustodyRecord[],
  chain: readonly ChainSegmentEntry[],
  anchor: ChainAnchor,
): Finding[] {
  const bySeq = new Map(chain.map((c) => [c.seq, c]))
  const findings: Finding[] = []
  for (const record of custody) {
    if (record.chainSeq === null) continue
    const sealed = bySeq.get(record.chainSeq)
    const same =
      sealed?.entry.id === record.entryId &&
      sealed.entry.at === record.at &&
      sealed.entry.actor === record.actor &&
      sealed.entry.action === record.action &&
      sealed.entry.entityType === record.entityType &&
      sealed.entry.entityId === record.entityId
    if (!same) {
      findings.push({
        status: 'fail',
        check: `custody record ${record.entryId} (${record.action})`,
        detail: `it does not match audit entry ${record.chainSeq} in the chain segment`,
      })
    }
  }
  const unsealed = custody.filter((r) => r.chainSeq === null).length
  if (anchor.allSealed === unsealed > 0) {
    findings.push({
      status: 'fail',
      check: 'audit anchor',
      detail: `it says every entry was sealed: ${anchor.allSealed}, but ${unsealed} were not`,
    })
  } else if (unsealed > 0) {
    findings.push({
      status: 'note',
      check: 'audit anchor',
      detail: `${unsealed} custody record(s) were not yet sealed into the chain at export`,
    })
  }
  return findings
}
