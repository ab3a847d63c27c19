// @NOTE Statements sent to the EU database must carry no personal data (DSA Art. 24(5)). The
// free text of a statement is the moderator's own words, so before it leaves it is neutralised:
// identifiers Vigil knows belong to the people involved (the author's and reporters' ids, names
// and addresses, the content's id and link, the moderator's name) and anything shaped like an
// email address, a web link, an @handle, an IP address or a phone or account number is replaced
// by a bracketed word saying what was removed. Legal references ("Terrorism Act 2000 s.58") and
// dates stay as they are.

export const PERSONAL_DATA_KINDS = [
  'identifier',
  'email',
  'link',
  'handle',
  'address',
  'number',
] as const
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number]

/** What was removed from one field: how many of each kind. */
export interface Redaction {
  field: string
  kind: PersonalDataKind
  count: number
}

const REPLACEMENT: Record<PersonalDataKind, string> = {
  identifier: '[identifier removed]',
  email: '[email removed]',
  link: '[link removed]',
  handle: '[handle removed]',
  address: '[address removed]',
  number: '[number removed]',
}

/** In the order they are applied: an email before the handle inside it. */
const PATTERNS: readonly [Exclude<PersonalDataKind, 'identifier'>, RegExp][] = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu],
  ['link', /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'()[\]]*[^\s<>"'()[\].,;:!?]/giu],
  ['link', /\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/(?:[^\s<>"'()[\]]*[^\s<>"'()[\].,;:!?])?/giu],
  ['handle', /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]{2,}/gu],
  ['address', /\b(?:\d{1,3}\.){3}\d{1,3}\b/g],
  ['address', /\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/gi],
  ['number', /(?<![\p{L}\p{N}])\+?\d(?:[\s().-]?\d){8,}(?![\p{L}\p{N}])/gu],
]

/** Identifiers shorter than this are not searched for: they would match ordinary words. */
const MIN_IDENTIFIER_LENGTH = 3

/**
 * The text with personal data replaced, and what was replaced. `known` lists identifiers of the
 * people involved; each is matched whole (not inside a longer word), ignoring case.
 */
export function neutralisePersonalData(
  text: string,
  known: readonly string[],
): { text: string; removed: Partial<Record<PersonalDataKind, number>> } {
  const removed: Partial<Record<PersonalDataKind, number>> = {}
  const count = (kind: PersonalDataKind) => {
    removed[kind] = (removed[kind] ?? 0) + 1
    return REPLACEMENT[kind]
  }
  let out = text
  // @NOTE Shapes first, so a link is removed whole even when it holds a known id.
  for (const [kind, pattern] of PATTERNS) out = out.replace(pattern, () => count(kind))
  for (const identifier of usableIdentifiers(known)) {
    out = out.replace(identifierPattern(identifier), () => count('identifier'))
  }
  return { text: out, removed }
}

function usableIdentifiers(known: readonly string[]): string[] {
  const trimmed = known.map((value) => value.trim())
  const usable = trimmed.filter((value) => [...value].length >= MIN_IDENTIFIER_LENGTH)
  // @NOTE Longest first, so "Jane Smith" goes before "Jane" would split it.
  return [...new Set(usable)].sort((a, b) => b.length - a.length)
}

function identifierPattern(identifier: string): RegExp {
  const escaped = identifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'giu')
}
