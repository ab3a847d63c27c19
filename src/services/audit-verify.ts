import type { Db } from '../storage/database.js'
import { countUnsealed, listSealedAfter } from '../storage/repos/audit-repo.js'
import { entryHash, GENESIS_HASH } from './audit-log.js'

export interface ChainBreak {
  chainSeq: number
  entryId: number | null
  problem: string
}

export interface VerifyReport {
  ok: boolean
  sealed: number
  unsealed: number
  headHash: string
  firstBreak: ChainBreak | null
}

/**
 * Walks the sealed chain in order and names the first entry that does not follow from the one
 * before: an edit, insertion, deletion or reordering all break a hash or the sequence.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyReport> {
  let expectedSeq = 1
  let prev = GENESIS_HASH
  let firstBreak: ChainBreak | null = null
  for (;;) {
    const page = await listSealedAfter(db, expectedSeq - 1, pageSize)
    for (const entry of page) {
      firstBreak = checkEntry(entry, expectedSeq, prev)
      if (firstBreak) break
      prev = entry.hash as string
      expectedSeq += 1
    }
    if (firstBreak || page.length < pageSize) break
  }
  const unsealed = await countUnsealed(db)
  return { ok: !firstBreak, sealed: expectedSeq - 1, unsealed, headHash: prev, firstBreak }
}

function checkEntry(
  entry: Parameters<typeof entryHash>[0],
  expectedSeq: number,
  prev: string,
): ChainBreak | null {
  const at = (problem: string): ChainBreak => ({
    chainSeq: expectedSeq,
    entryId: entry.id,
    problem,
  })
  if (entry.chainSeq !== expectedSeq) {
    return at(`entry ${expectedSeq} is missing: the next sealed entry is number ${entry.chainSeq}`)
  }
  if (entry.prevHash !== prev) return at('its previous-hash does not match the entry before it')
  if (entryHash(entry, expectedSeq, prev) !== entry.hash) {
    return at('its contents do not match its hash: the entry was changed after sealing')
  }
  return null
}
