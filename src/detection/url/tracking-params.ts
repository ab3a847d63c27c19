/**
 * Query parameters that only track who shared or clicked a link; canonical URLs drop them so a
 * listed URL still matches when it is shared with them. A name ending in `*` is a prefix.
 */
export const DEFAULT_TRACKING_PARAMS: readonly string[] = [
  'utm_*',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'dclid',
  'fbclid',
  'gbraid',
  'gclid',
  'gclsrc',
  'igsh',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'msclkid',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  'ref_src',
  'ref_url',
  's_cid',
  'si',
  'ttclid',
  'twclid',
  'vero_id',
  'wbraid',
  'yclid',
]

/** Whether a query parameter name (already percent-decoded) is a tracking parameter. */
export type TrackingParamFilter = (name: string) => boolean

const compiled = new WeakMap<readonly string[], TrackingParamFilter>()

/** Compiles a list of names and `prefix*` patterns, compared without regard to case. */
export function trackingParamFilter(patterns: readonly string[]): TrackingParamFilter {
  const cached = compiled.get(patterns)
  if (cached) return cached
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const pattern of patterns) {
    const lower = pattern.trim().toLowerCase()
    if (lower.endsWith('*')) prefixes.push(lower.slice(0, -1))
    else if (lower !== '') exact.add(lower)
  }
  const filter = (name: string): boolean => {
    const lower = name.toLowerCase()
    return exact.has(lower) || prefixes.some((prefix) => lower.startsWith(prefix))
  }
  compiled.set(patterns, filter)
  return filter
}
