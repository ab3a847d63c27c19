import type { ListEntry } from '../matcher.js'
import {
  type CanonicalUrlOptions,
  isBareDomain,
  parseCanonicalUrl,
  parseHost,
} from './canonical-url.js'

export type MatchedBy = 'url' | 'prefix' | 'domain'

/** How a list value is matched (see UrlIndex). */
export type UrlListRule =
  | { kind: 'url'; key: string; host: string }
  | { kind: 'prefix'; key: string; host: string }
  | { kind: 'domain'; host: string }

/** What a URL is looked up by: its canonical form, host and registrable domain (extract-urls). */
export interface IndexedUrl {
  canonical: string
  host: string
  domain: string | null
}

export interface UrlHit {
  entry: ListEntry
  matchedBy: MatchedBy
}

/** The prefix entries of one host. */
class PrefixBucket {
  readonly byPrefix = new Map<string, ListEntry[]>()
  /** The distinct prefix lengths, ascending; a URL is looked up once per length. */
  readonly lengths: number[] = []
  readonly #keysOfLength = new Map<number, number>()

  add(key: string, entry: ListEntry): void {
    if (!this.byPrefix.has(key)) this.#count(key.length, 1)
    append(this.byPrefix, key, entry)
  }

  remove(key: string, entryId: string): void {
    detach(this.byPrefix, key, entryId)
    if (!this.byPrefix.has(key)) this.#count(key.length, -1)
  }

  #count(length: number, delta: 1 | -1): void {
    const count = (this.#keysOfLength.get(length) ?? 0) + delta
    this.#keysOfLength.set(length, count)
    if (delta === 1 && count === 1) {
      const at = this.lengths.findIndex((l) => l > length)
      this.lengths.splice(at < 0 ? this.lengths.length : at, 0, length)
    } else if (count === 0) {
      this.#keysOfLength.delete(length)
      this.lengths.splice(this.lengths.indexOf(length), 1)
    }
  }
}

/**
 * URL and domain list entries, looked up without a scan over the entries:
 * - `url`: a value with a scheme, path, query or port (`https://evil.example/login`,
 *   `evil.example/x`) matches that canonical URL exactly; `https://evil.example` is the home page
 *   alone (list `evil.example` for the whole site).
 * - `prefix`: a value ending in `*` (`https://evil.example/files/*`) matches every URL on that
 *   same host whose canonical form starts with the value's canonical form; the rule is a plain
 *   string prefix, so write `/files/*` to stop at a path segment (`/files*` also matches
 *   `/files-old`). One map lookup per distinct prefix length listed for the URL's host.
 * - `domain`: a host alone (`evil.example`, `*.evil.example`, `bücher.example`, `203.0.113.5`,
 *   `2001:db8::1`) matches that host and every subdomain of it: the URL's host and its parents
 *   down to its registrable domain (tldts, ICANN section) are looked up, so `evil.co.uk` matches
 *   `a.b.evil.co.uk` but not `notevil.co.uk`, and a listed public suffix (`co.uk`) matches only
 *   that host. IP addresses match only themselves.
 * In `url` and `prefix` entries http and https are the same scheme: a listed
 * `https://evil.example/x` matches `http://evil.example/x` and `hxxp://evil[.]example/x`.
 */
export class UrlIndex {
  readonly #exact = new Map<string, ListEntry[]>()
  readonly #hosts = new Map<string, ListEntry[]>()
  readonly #prefixes = new Map<string, PrefixBucket>()
  readonly #placed = new Map<string, { entry: ListEntry; rule: UrlListRule }>()

  constructor(readonly options: CanonicalUrlOptions = {}) {}

  get size(): number {
    return this.#placed.size
  }

  /** Adds (or replaces) an entry; returns its rule, or undefined if the value is no URL or host. */
  add(entry: ListEntry): UrlListRule | undefined {
    this.remove(entry.entryId)
    const rule = parseUrlListValue(entry.value, this.options)
    if (rule === undefined) return undefined
    this.#placed.set(entry.entryId, { entry, rule })
    if (rule.kind === 'url') append(this.#exact, rule.key, entry)
    else if (rule.kind === 'domain') append(this.#hosts, rule.host, entry)
    else {
      const bucket = this.#prefixes.get(rule.host) ?? new PrefixBucket()
      bucket.add(rule.key, entry)
      this.#prefixes.set(rule.host, bucket)
    }
    return rule
  }

  remove(entryId: string): boolean {
    const placed = this.#placed.get(entryId)
    if (placed === undefined) return false
    this.#placed.delete(entryId)
    const { rule } = placed
    if (rule.kind === 'url') detach(this.#exact, rule.key, entryId)
    else if (rule.kind === 'domain') detach(this.#hosts, rule.host, entryId)
    else {
      const bucket = this.#prefixes.get(rule.host)
      bucket?.remove(rule.key, entryId)
      if (bucket?.byPrefix.size === 0) this.#prefixes.delete(rule.host)
    }
    return true
  }

  clear(): void {
    this.#exact.clear()
    this.#hosts.clear()
    this.#prefixes.clear()
    this.#placed.clear()
  }

  /** Entries matching a URL: exact ones first, then prefixes (shortest first), then hosts. */
  lookup(url: IndexedUrl): UrlHit[] {
    const hits: UrlHit[] = []
    const key = matchKey(url.canonical)
    collect(hits, this.#exact.get(key), 'url')
    const bucket = this.#prefixes.get(url.host)
    if (bucket !== undefined) {
      for (const length of bucket.lengths) {
        if (length > key.length) break
        collect(hits, bucket.byPrefix.get(key.slice(0, length)), 'prefix')
      }
    }
    for (const host of hostAndParents(url.host, url.domain)) {
      collect(hits, this.#hosts.get(host), 'domain')
    }
    return hits
  }
}

/** How a list value is matched, or undefined if it is neither a URL nor a host. */
export function parseUrlListValue(
  value: string,
  options: CanonicalUrlOptions = {},
): UrlListRule | undefined {
  const trimmed = value.trim()
  if (isBareDomain(trimmed)) {
    const host = parseHost(trimmed.replace(/^\*\./, ''))
    return host === undefined ? undefined : { kind: 'domain', host }
  }
  const prefix = trimmed.endsWith('*')
  const written = prefix ? trimmed.slice(0, -1) : trimmed
  const url = parseCanonicalUrl(written, { ...options, assumeScheme: true })
  if (url === undefined) return undefined
  let key = matchKey(url.href)
  // @NOTE Canonical URLs drop an empty query or parameter; a prefix ending in one keeps it.
  const last = written.at(-1)
  if (prefix && (last === '?' || last === '&') && !key.endsWith(last)) key += last
  return { kind: prefix ? 'prefix' : 'url', key, host: url.host }
}

/** The canonical URL without `http://` or `https://`: both schemes match the same entries. */
export function matchKey(canonical: string): string {
  if (canonical.startsWith('https://')) return canonical.slice(8)
  if (canonical.startsWith('http://')) return canonical.slice(7)
  return canonical
}

/** The host, then each parent down to the registrable domain (only the host if there is none). */
export function hostAndParents(host: string, domain: string | null): string[] {
  const hosts = [host]
  if (domain === null || !host.endsWith(`.${domain}`)) return hosts
  let at = 0
  while (host.length - at > domain.length) {
    at = host.indexOf('.', at) + 1
    hosts.push(host.slice(at))
  }
  return hosts
}

function append(map: Map<string, ListEntry[]>, key: string, entry: ListEntry): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [entry])
  else list.push(entry)
}

function detach(map: Map<string, ListEntry[]>, key: string, entryId: string): void {
  const kept = (map.get(key) ?? []).filter((e) => e.entryId !== entryId)
  if (kept.length === 0) map.delete(key)
  else map.set(key, kept)
}

function collect(hits: UrlHit[], entries: readonly ListEntry[] | undefined, by: MatchedBy): void {
  if (entries === undefined) return
  for (const entry of entries) hits.push({ entry, matchedBy: by })
}
