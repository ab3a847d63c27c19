import { DEFAULT_TRACKING_PARAMS, trackingParamFilter } from './tracking-params.js'

export { DEFAULT_TRACKING_PARAMS } from './tracking-params.js'

export interface CanonicalUrlOptions {
  /** Query parameters to drop: names, or prefixes ending in `*`. Default DEFAULT_TRACKING_PARAMS. */
  trackingParams?: readonly string[]
  /** Read a value without `scheme://` (`evil.example/x`, `//evil.example/x`) as `http://`. */
  assumeScheme?: boolean
}

export interface CanonicalUrl {
  href: string
  /** Lower case, punycode, no trailing dot; IPv6 in brackets (`[2001:db8::1]`). */
  host: string
}

/** Schemes with a host; others (mailto:, data:, javascript:, file:) are not canonicalised. */
const SCHEMES = new Set(['http:', 'https:', 'ftp:', 'ws:', 'wss:'])
/** `scheme:`, but not `host:port`. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i

/**
 * The canonical form of a URL, or undefined if it is not an absolute http(s), ftp or ws(s) URL
 * with a host. WHATWG URL parsing lower-cases scheme and host, turns IDNs into punycode, drops
 * default ports, resolves `.` and `..` segments (also as `%2e`), reads IPv4 in any notation and
 * gives an empty path as `/`. On top of that: trailing dots of the host, user info and fragment
 * are removed; percent-encoding is normalised (unreserved characters decoded, other escapes in
 * upper-case hex); tracking parameters and empty parameters are removed and the rest kept in
 * order; an empty query loses its `?`.
 */
export function canonicalUrl(value: string, options: CanonicalUrlOptions = {}): string | undefined {
  return parseCanonicalUrl(value, options)?.href
}

/** canonicalUrl with the canonical host beside it. */
export function parseCanonicalUrl(
  value: string,
  options: CanonicalUrlOptions = {},
): CanonicalUrl | undefined {
  const url = parseAbsolute(value.trim(), options.assumeScheme ?? false)
  if (!url || !SCHEMES.has(url.protocol)) return undefined
  const host = url.hostname.replace(/\.+$/, '')
  if (host === '') return undefined
  const isTracking = trackingParamFilter(options.trackingParams ?? DEFAULT_TRACKING_PARAMS)
  const port = url.port === '' ? '' : `:${url.port}`
  const path = normalisePercentEncoding(url.pathname)
  const query = canonicalQuery(url.search, isTracking)
  return { href: `${url.protocol}//${host}${port}${path}${query}`, host }
}

function parseAbsolute(value: string, assumeScheme: boolean): URL | undefined {
  let text = value
  if (assumeScheme && !HAS_SCHEME.test(text))
    text = text.startsWith('//') ? `http:${text}` : `http://${text}`
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

function canonicalQuery(search: string, isTracking: (name: string) => boolean): string {
  if (search.length <= 1) return ''
  const kept: string[] = []
  for (const part of search.slice(1).split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = eq < 0 ? part : part.slice(0, eq)
    if (isTracking(decodeLoosely(name))) continue
    kept.push(normalisePercentEncoding(part))
  }
  return kept.length === 0 ? '' : `?${kept.join('&')}`
}

function decodeLoosely(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text
  try {
    return decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return text
  }
}

const PERCENT = /%([0-9a-fA-F]{2})/g
const UNRESERVED = /^[A-Za-z0-9._~-]$/

/** RFC 3986 §6.2.2: decode escaped unreserved characters, upper-case the hex of the rest. */
export function normalisePercentEncoding(text: string): string {
  if (!text.includes('%')) return text
  return text.replace(PERCENT, (escaped, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16))
    return UNRESERVED.test(char) ? char : escaped.toUpperCase()
  })
}

const HOST_ONLY = /^(?:\*\.)?[\p{L}\p{N}\p{M}_-]+(?:\.[\p{L}\p{N}\p{M}_-]+)*\.*$/u
const IPV6 = /^\[?[0-9a-f]*:[0-9a-f:.]*\]?$/i

/** Whether a list value names a host (`evil.example`, `*.evil.example`, an IP) and nothing more. */
export function isBareDomain(value: string): boolean {
  const trimmed = value.trim()
  return HOST_ONLY.test(trimmed) || IPV6.test(trimmed)
}

/**
 * The canonical form of a host: lower case, punycode (so `bücher.example` equals
 * `xn--bcher-kva.example`), no trailing dot, IPv4 in dotted decimal, IPv6 in brackets. A value
 * that is no host comes back trimmed and lower-cased.
 */
export function canonicalHost(host: string): string {
  return parseHost(host) ?? host.trim().toLowerCase().replace(/\.+$/, '')
}

/** canonicalHost, or undefined if the value is not a valid host on its own. */
export function parseHost(value: string): string | undefined {
  let bare = value.trim().replace(/\.+$/, '')
  if (bare.includes(':') && !bare.startsWith('[')) bare = `[${bare}]`
  if (bare === '' || /[/?#@\\\s]/.test(bare)) return undefined
  try {
    const url = new URL(`http://${bare}/`)
    if (url.port !== '' || url.pathname !== '/') return undefined
    return url.hostname.replace(/\.+$/, '') || undefined
  } catch {
    return undefined
  }
}
