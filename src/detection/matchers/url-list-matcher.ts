import type { SignalInput } from '../../core/signal.js'
import type { BankMatcher, ListEntry, MatchInput } from '../matcher.js'
import type { CanonicalUrlOptions } from '../url/canonical-url.js'
import { extractUrls, type FoundUrl, resolveUrl } from '../url/extract-urls.js'
import { matchKey, type UrlHit, UrlIndex } from '../url/url-index.js'

export { canonicalHost, canonicalUrl, isBareDomain } from '../url/canonical-url.js'
export { extractUrls, type FoundUrl } from '../url/extract-urls.js'
export { parseUrlListValue, type UrlListRule } from '../url/url-index.js'

/** A URL to look up: found in the text (with offsets) or the subject's own URL (offsets null). */
type Candidate = Pick<FoundUrl, 'canonical' | 'host' | 'domain'> & {
  url: string
  offsets: [number, number] | null
}

/**
 * URL and domain lists. URLs are found in the text (links, bare domains with a public suffix, IPs,
 * defanged links: url/extract-urls.ts) and taken from the subject's URL, canonicalised
 * (url/canonical-url.ts) and looked up by exact URL, URL prefix (`…*`) and domain with every
 * subdomain (url/url-index.ts has the rules). One signal per entry and distinct canonical URL
 * (http and https alike); the evidence's `url` and `offsets` are the first place it was written.
 */
export class UrlListMatcher implements BankMatcher {
  readonly name = 'url_list'
  readonly index: UrlIndex
  #rejected: ListEntry[] = []

  constructor(readonly options: CanonicalUrlOptions = {}) {
    this.index = new UrlIndex(options)
  }

  /** Entries loaded. */
  get size(): number {
    return this.index.size
  }

  /** Entries whose value is neither a URL nor a host, left out of the index. */
  get rejected(): readonly ListEntry[] {
    return this.#rejected
  }

  match(input: MatchInput): SignalInput[] {
    if (this.index.size === 0) return []
    const signals: SignalInput[] = []
    const seen = new Set<string>()
    for (const candidate of this.#candidates(input)) {
      const key = matchKey(candidate.canonical)
      if (seen.has(key)) continue
      seen.add(key)
      for (const hit of this.index.lookup(candidate)) signals.push(toSignal(hit, candidate))
    }
    return signals
  }

  clear(): void {
    this.index.clear()
    this.#rejected = []
  }

  /** Replaces every entry. */
  load(entries: readonly ListEntry[]): void {
    this.clear()
    for (const entry of entries) this.upsert(entry)
  }

  /** Adds or replaces one entry; false if its value is neither a URL nor a host. */
  upsert(entry: ListEntry): boolean {
    this.#rejected = this.#rejected.filter((e) => e.entryId !== entry.entryId)
    if (this.index.add(entry) !== undefined) return true
    this.#rejected.push(entry)
    return false
  }

  remove({ entryId }: Pick<ListEntry, 'entryId'>): void {
    this.index.remove(entryId)
    this.#rejected = this.#rejected.filter((e) => e.entryId !== entryId)
  }

  #candidates(input: MatchInput): Candidate[] {
    const candidates: Candidate[] = extractUrls(input.text, this.options).map((found) => ({
      ...found,
      url: found.raw,
      offsets: [found.start, found.end],
    }))
    const own = input.url ? resolveUrl(input.url, this.options) : undefined
    if (own !== undefined && input.url) candidates.push({ ...own, url: input.url, offsets: null })
    return candidates
  }
}

function toSignal({ entry, matchedBy }: UrlHit, candidate: Candidate): SignalInput {
  return {
    source: 'url_list',
    harm: entry.harm,
    score: 1,
    action: entry.action,
    matcher: 'url_list',
    evidence: {
      bank: entry.bankName,
      bankId: entry.bankId,
      entryId: entry.entryId,
      listValue: entry.value,
      url: candidate.url,
      canonical: candidate.canonical,
      matchedBy,
      offsets: candidate.offsets,
    },
  }
}
