import { BlockList, isIP } from 'node:net'
import { blockedAddressError, OutboundRequestError } from './outbound-request-error.js'

type Family = 'ipv4' | 'ipv6'
type RangeEntry = readonly [network: string, prefix: number, kind: string]

interface Range {
  readonly kind: string
  readonly list: BlockList
}

// @NOTE Non-public ranges from the IANA special-purpose registries (RFC 6890 and successors).
// Anything routable on the public internet is allowed; everything else is refused.
const IPV4_RANGES = ranges('ipv4', [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved (IETF protocol assignments)'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved (6to4 relay anycast)'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
])

const IPV6_RANGES = ranges('ipv6', [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard-only'],
  ['2001::', 23, 'reserved (IETF protocol assignments)'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4'],
  ['3fff::', 20, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
])

const IPV6_GLOBAL_UNICAST = ranges('ipv6', [['2000::', 3, 'global unicast']])

function ranges(family: Family, entries: readonly RangeEntry[]): Range[] {
  return entries.map(([network, prefix, kind]) => {
    const list = new BlockList()
    list.addSubnet(network, prefix, family)
    return { kind, list }
  })
}

function kindIn(address: string, family: Family, table: readonly Range[]): string | undefined {
  return table.find((range) => range.list.check(address, family))?.kind
}

/** The eight 16-bit groups of a valid IPv6 address (zone already removed). */
export function ipv6Groups(address: string): number[] {
  let text = address
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address)
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.slice(1).map(Number)
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const gap = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...gap, ...right].map((group) => Number.parseInt(group, 16))
}

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address. */
function embeddedIpv4(groups: readonly number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups
  const middleZero = g2 === 0 && g3 === 0 && g4 === 0
  const mapped = g0 === 0 && g1 === 0 && middleZero && g5 === 0xffff
  const nat64 = g0 === 0x64 && g1 === 0xff9b && middleZero && g5 === 0
  if (!mapped && !nat64) return undefined
  return `${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`
}

/**
 * Why `ip` must not be connected to ("loopback", "private", ...), or undefined for a public
 * address. Anything that is not a valid IP address is refused as "unrecognised".
 */
export function blockedAddressKind(ip: string): string | undefined {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip
  const address = bare.split('%')[0] ?? ''
  const version = isIP(address)
  if (version === 4) return kindIn(address, 'ipv4', IPV4_RANGES)
  if (version !== 6) return 'unrecognised'
  const embedded = embeddedIpv4(ipv6Groups(address))
  if (embedded !== undefined) return kindIn(embedded, 'ipv4', IPV4_RANGES)
  const special = kindIn(address, 'ipv6', IPV6_RANGES)
  if (special !== undefined) return special
  return kindIn(address, 'ipv6', IPV6_GLOBAL_UNICAST) === undefined ? 'reserved' : undefined
}

/** True when `ip` is not a public unicast address (or not an IP address at all). Pure. */
export function isBlockedAddress(ip: string): boolean {
  return blockedAddressKind(ip) !== undefined
}

function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}

function parseUrl(url: string): URL {
  try {
    return new URL(url)
  } catch {
    // @NOTE No cause: Node's URL error carries the whole input, which may hold a token.
    throw new OutboundRequestError('bad_url', 'invalid URL: expected an absolute http(s):// URL')
  }
}

/**
 * Checks what can be checked without DNS: the scheme, embedded credentials and, unless
 * `allowPrivate`, literal IP hosts in any spelling (`2130706433`, `0x7f.1`, `[::ffff:7f00:1]`)
 * and `localhost`. Hostnames are checked again after resolution by `guardedRequest`.
 */
export function assertFetchableUrl(url: string, allowPrivate: boolean): URL {
  const parsed = parseUrl(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new OutboundRequestError(
      'bad_url',
      `unsupported URL scheme "${parsed.protocol}": only http: and https: URLs are allowed`,
    )
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new OutboundRequestError(
      'bad_url',
      'URLs with embedded credentials (user:password@host) are not allowed; remove them from the URL',
    )
  }
  if (allowPrivate) return parsed
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1')
  if (isLocalhostName(host)) throw blockedAddressError(host, host, 'loopback')
  const kind = isIP(host) === 0 ? undefined : blockedAddressKind(host)
  if (kind !== undefined) throw blockedAddressError(host, host, kind)
  return parsed
}
