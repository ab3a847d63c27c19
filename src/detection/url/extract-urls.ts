import { parse } from 'tldts'
import { type CanonicalUrlOptions, parseCanonicalUrl } from './canonical-url.js'
import { deobfuscate } from './deobfuscate.js'
import { findLinks, type Link } from './find-links.js'

/** A URL found in text. */
export interface FoundUrl {
  /** Offsets in the text as sent: text.slice(start, end) is `raw`. */
  start: number
  end: number
  /** As written, defanging included (`hxxp://evil[.]com`). */
  raw: string
  canonical: string
  /** Canonical host (see canonicalHost). */
  host: string
  /** Registrable domain by the ICANN section of the public suffix list; null for IPs. */
  domain: string | null
  /** Written without a scheme (`evil.com/x`). */
  bare: boolean
  /** Written defanged (`evil[.]com`, `hxxp://`). */
  obfuscated: boolean
}

const TLDTS = { allowPrivateDomains: false, extractHostname: false } as const

/**
 * URLs in text: links with a scheme (http, https, ftp, `//`), links and bare domains without
 * one, IPv4 addresses, and defanged links (see deobfuscate.ts); e-mail addresses are not links.
 * Without a scheme a host must be an IP or end in a public suffix of the ICANN section (tldts),
 * so `node.js`, `file.txt` and `e.g.` are not domains while `evil.io` and `bad.co.uk` are.
 * Found in text order; a URL written twice is found twice.
 */
export function extractUrls(text: string, options: CanonicalUrlOptions = {}): FoundUrl[] {
  if (text.length === 0) return []
  const restored = deobfuscate(text)
  const scanned = restored?.text ?? text
  const found: FoundUrl[] = []
  for (const match of findLinks(scanned)) {
    const url = toFoundUrl(match, options)
    if (url === undefined) continue
    const [start, end] = restored?.originalSpan(match.index, match.lastIndex) ?? [
      match.index,
      match.lastIndex,
    ]
    const raw = text.slice(start, end)
    found.push({ start, end, raw, ...url, obfuscated: raw !== match.raw })
  }
  return found
}

/** A URL on its own (a subject's URL), canonical, with its host and domain; no scheme means http. */
export function resolveUrl(
  value: string,
  options: CanonicalUrlOptions = {},
): Pick<FoundUrl, 'canonical' | 'host' | 'domain'> | undefined {
  const parsed = parseCanonicalUrl(value, { ...options, assumeScheme: true })
  if (parsed === undefined) return undefined
  return { canonical: parsed.href, host: parsed.host, domain: parse(parsed.host, TLDTS).domain }
}

type Resolved = Pick<FoundUrl, 'canonical' | 'host' | 'domain' | 'bare'>

function toFoundUrl(match: Link, options: CanonicalUrlOptions): Resolved | undefined {
  const bare = match.schema === '' || match.schema === '//'
  const parsed = parseCanonicalUrl(match.url, { ...options, assumeScheme: bare })
  if (parsed === undefined) return undefined
  const info = parse(parsed.host, TLDTS)
  // @NOTE Without a scheme only a known public suffix makes a domain (`node.js` is none).
  if (bare && !info.isIp && !(info.isIcann === true && info.domain !== null)) return undefined
  return { canonical: parsed.href, host: parsed.host, domain: info.domain, bare }
}
