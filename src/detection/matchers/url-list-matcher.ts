import type { SignalInput } from '../../core/signal.js'
import type { ListEntry, Matcher, MatchInput } from '../matcher.js'
import { EntryIndex } from './entry-index.js'

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi

/**
 * URL and domain lists. An entry with a path matches that exact URL; a bare domain matches the
 * domain and every subdomain. (The detection issue brings full canonicalisation and fuzzy links.)
 */
export class UrlListMatcher implements Matcher {
  readonly name = 'url_list'
  readonly urls = new EntryIndex()
  readonly domains = new EntryIndex()

  match(input: MatchInput): SignalInput[] {
    const found = findUrls(input)
    const signals: SignalInput[] = []
    for (const url of found) {
      for (const entry of this.urls.get(canonicalUrl(url) ?? '')) {
        signals.push(toSignal(entry, url, 'url'))
      }
      for (const domain of domainAndParents(url)) {
        for (const entry of this.domains.get(domain)) signals.push(toSignal(entry, url, 'domain'))
      }
    }
    return signals
  }

  load(entries: readonly ListEntry[]): void {
    this.urls.replace(
      entries.filter((e) => !isBareDomain(e.value)),
      (value) => canonicalUrl(value) ?? value,
    )
    this.domains.replace(
      entries.filter((e) => isBareDomain(e.value)),
      canonicalHost,
    )
  }
}

function findUrls(input: MatchInput): string[] {
  const urls = new Set<string>(input.text.match(URL_IN_TEXT) ?? [])
  if (input.url) urls.add(input.url)
  return [...urls].map((u) => u.replace(/[.,;:!?)\]]+$/, ''))
}

export function isBareDomain(value: string): boolean {
  return !value.includes('/') && /^[\p{L}\p{N}.-]+$/u.test(value.trim())
}

/** Lower case, punycode (so `bücher.example` equals `xn--bcher-kva.example`), no trailing dot. */
export function canonicalHost(host: string): string {
  const bare = host.trim().toLowerCase().replace(/\.+$/, '')
  try {
    return new URL(`http://${bare}`).hostname
  } catch {
    return bare
  }
}

/** Lower-case scheme and host, no default port, no fragment, no trailing dot. */
export function canonicalUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim())
    url.hash = ''
    url.hostname = canonicalHost(url.hostname)
    return url.toString()
  } catch {
    return undefined
  }
}

function domainAndParents(value: string): string[] {
  let host: string
  try {
    host = canonicalHost(new URL(value).hostname)
  } catch {
    return []
  }
  const labels = host.split('.')
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'))
}

function toSignal(entry: ListEntry, url: string, matchedBy: 'url' | 'domain'): SignalInput {
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
      url,
      matchedBy,
    },
  }
}
