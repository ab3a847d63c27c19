import type { SignalInput } from '../../core/signal.js'
import type { BankMatcher, ListEntry, MatchInput } from '../matcher.js'
import { type KeywordHit, KeywordSet, type TermEntry } from '../text/keyword-set.js'

export { ALLOW_PREFIX, parseListValue } from '../text/keyword-set.js'
export { foldWithOffsets, normaliseTerm, normaliseText } from '../text/normalise.js'
export { ObscenityMatcher, obscenityMatcher } from '../text/obscenity-matcher.js'

/**
 * Keyword and phrase lists over normalised text (text/normalise.ts: NFKC, case, diacritics,
 * invisible characters, homoglyphs, spaced-out letters, leetspeak, stretched letters), on word
 * boundaries, all terms in one Aho–Corasick automaton built per load. One fused pass over the
 * text (text/quick-scan.ts) finds the few windows worth normalising in full; matches come from
 * those. Evidence offsets point into the text as sent.
 *
 * Allow-lists: a bank entry `allow:<term>` (see ALLOW_PREFIX) suppresses that bank's matches that
 * lie inside an occurrence of <term>; `loadAllowList(terms)` sets terms that do so for every bank.
 * A match lying inside a longer match from the same bank is not reported on its own.
 */
export class KeywordListMatcher implements BankMatcher {
  readonly name = 'keyword_list'
  readonly #entries = new Map<string, ListEntry>()
  #dirty = false
  #globalAllow: readonly string[] = []
  #set: KeywordSet | undefined

  /** Block entries loaded (allow-list entries not counted). */
  get size(): number {
    return this.#set?.size ?? 0
  }

  match(input: MatchInput): SignalInput[] {
    const set = this.#set
    if (!set || set.size === 0 || input.text.length === 0) return []
    const hits = set.find(input.text)
    if (hits.length === 0) return []
    return reported(hits).map(({ hit, entry }) => toSignal(entry, hit, input.text))
  }

  /** Adds or replaces an entry (a value starting with `allow:` is its bank's allow-list); see flush. */
  upsert(entry: ListEntry): void {
    this.#entries.set(entry.entryId, entry)
    this.#dirty = true
  }

  remove({ entryId }: Pick<ListEntry, 'entryId'>): void {
    this.#dirty = this.#entries.delete(entryId) || this.#dirty
  }

  clear(): void {
    this.#entries.clear()
    this.#dirty = true
  }

  /** Rebuilds the automaton once after a batch of changes (until then the old one answers). */
  flush(): void {
    if (this.#dirty) this.#rebuild()
  }

  /** Replaces the bank entries and rebuilds at once. */
  load(entries: readonly ListEntry[]): void {
    this.#entries.clear()
    for (const entry of entries) this.#entries.set(entry.entryId, entry)
    this.#rebuild()
  }

  /** Replaces the allow-list that applies to every bank. */
  loadAllowList(terms: readonly string[]): void {
    this.#globalAllow = [...terms]
    this.#rebuild()
  }

  #rebuild(): void {
    this.#dirty = false
    const entries = [...this.#entries.values()]
    const empty = entries.length === 0 && this.#globalAllow.length === 0
    this.#set = empty ? undefined : new KeywordSet(entries, this.#globalAllow)
  }
}

interface Reported {
  hit: KeywordHit
  entry: TermEntry
}

/**
 * One per entry and place, in text order: hits inside an allowed term are dropped, then hits
 * inside a longer hit from the same bank. Both are sweeps, so a flood of hits stays linear.
 */
function reported(hits: readonly KeywordHit[]): Reported[] {
  // @NOTE The common case, one hit of a term listed once: nothing to drop.
  const only = hits.length === 1 ? (hits[0] as KeywordHit) : undefined
  if (only && only.term.entries.length === 1 && !isAllow(only)) {
    return [{ hit: only, entry: only.term.entries[0] as TermEntry }]
  }
  const seen = new Set<string>()
  const candidates: Reported[] = []
  for (const hit of hits) {
    for (const entry of hit.term.entries) {
      const key = `${entry.entry.entryId}:${hit.start}:${hit.end}`
      if (seen.has(key)) continue
      seen.add(key)
      candidates.push({ hit, entry })
    }
  }
  candidates.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end)
  return dropContained(dropAllowed(candidates, hits))
}

function isAllow(hit: KeywordHit): boolean {
  return hit.term.allowGlobal || hit.term.allowBanks.size > 0
}

/** Drops candidates lying inside an occurrence of a term allowed for their bank or globally. */
function dropAllowed(sorted: Reported[], hits: readonly KeywordHit[]): Reported[] {
  const allows = hits.filter(isAllow).sort((a, b) => a.start - b.start)
  if (allows.length === 0) return sorted
  const reach = new Map<string | null, number>()
  let next = 0
  return sorted.filter(({ hit, entry }) => {
    for (; next < allows.length && (allows[next]?.start ?? 0) <= hit.start; next += 1) {
      const allow = allows[next] as KeywordHit
      const scopes = allow.term.allowGlobal ? [null] : [...allow.term.allowBanks]
      for (const scope of scopes) reach.set(scope, Math.max(reach.get(scope) ?? -1, allow.end))
    }
    const bankReach = reach.get(entry.entry.bankId) ?? -1
    return Math.max(reach.get(null) ?? -1, bankReach) < hit.end
  })
}

/** Drops candidates inside a longer candidate from the same bank (input sorted by start). */
function dropContained(sorted: Reported[]): Reported[] {
  const banks = new Map<string, { start: number; groupEnd: number; reachBefore: number }>()
  return sorted.filter(({ hit, entry }) => {
    const bankId = entry.entry.bankId
    let bank = banks.get(bankId)
    if (!bank) {
      bank = { start: hit.start, groupEnd: hit.end, reachBefore: -1 }
      banks.set(bankId, bank)
    } else if (bank.start !== hit.start) {
      bank.reachBefore = Math.max(bank.reachBefore, bank.groupEnd)
      bank.start = hit.start
      bank.groupEnd = hit.end
    }
    return bank.reachBefore < hit.end && bank.groupEnd <= hit.end
  })
}

function toSignal(entry: TermEntry, hit: KeywordHit, text: string): SignalInput {
  const { entry: listed, term } = entry
  return {
    source: 'keyword_list',
    harm: listed.harm,
    score: 1,
    action: listed.action,
    matcher: 'keyword_list',
    evidence: {
      bank: listed.bankName,
      bankId: listed.bankId,
      entryId: listed.entryId,
      term,
      matched: text.slice(hit.start, hit.end),
      offsets: [hit.start, hit.end],
    },
  }
}
