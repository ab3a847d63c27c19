import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { InvalidInputError } from '../../core/errors.js'
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../core/taxonomy.js'
import { normaliseTerm, TextNormaliser } from '../text/normalise.js'

/** One weighted entry: a term, a set of phrases, or several that must all occur in the text. */
export interface LexiconEntry {
  /** `<harm>#<index>`: stable while the file is unchanged. */
  id: string
  harm: string
  /** 0 < weight ≤ 1: how strongly the entry alone indicates the harm. */
  weight: number
  /** Every slot must match somewhere in the text; a slot matches when any of its terms does. */
  slots: string[][]
}

export interface Lexicon {
  name: string
  version: number
  language: string
  /** Phrases inside which no entry matches (`don't kill yourself`). */
  allow: string[]
  entries: LexiconEntry[]
}

const MAX_PHRASES = 2_000
const term = z.string().trim().min(1).max(200)
const slot = z.union([term, z.array(term).min(1).max(100)])
const slots = z.array(slot).min(2).max(5)

const entrySchema = z
  .strictObject({
    term: term.optional(),
    phrase: slots.optional(),
    all: slots.optional(),
    weight: z.number().gt(0).lte(1),
  })
  .refine((entry) => [entry.term, entry.phrase, entry.all].filter(Boolean).length === 1, {
    message:
      'give exactly one of "term" (a phrase), "phrase" (parts whose every combination, joined ' +
      'with spaces, is a phrase) or "all" (phrases that must all occur)',
  })
  .refine((entry) => !entry.phrase || combinations(entry.phrase) <= MAX_PHRASES, {
    message: `"phrase" makes more than ${MAX_PHRASES} combinations; split the entry`,
  })
type RawEntry = z.output<typeof entrySchema>

/** The lexicon file format. */
export const lexiconFileSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  version: z.number().int().min(1),
  language: z.string().trim().min(2).max(16),
  description: z.string().optional(),
  allow: z.array(term).default([]),
  harms: z.record(z.string().min(1), z.array(entrySchema).min(1).max(500)),
})
export type LexiconFile = z.input<typeof lexiconFileSchema>

/**
 * Validates a lexicon (parsed JSON). Throws InvalidInputError naming each bad entry by its path,
 * term and problem: a shape error, an unknown harm, a term that normalises to nothing, or a
 * term listed twice for one harm.
 */
export function parseLexicon(
  input: unknown,
  source: string,
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
): Lexicon {
  const parsed = lexiconFileSchema.safeParse(input)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, input))
    throw invalid(source, problems)
  }
  const normaliser = new TextNormaliser()
  const keyOf = (value: string) => normaliseTerm(value, normaliser).key
  const problems: string[] = []
  const entries: LexiconEntry[] = []
  for (const [harm, list] of Object.entries(parsed.data.harms)) {
    if (!taxonomy.has(harm)) problems.push(`harms["${harm}"]: unknown harm "${harm}"`)
    const seen = new Map<string, string>()
    list.forEach((raw, index) => {
      const entry = { id: `${harm}#${index}`, harm, weight: raw.weight, slots: slotsOf(raw) }
      problems.push(...entryProblems(entry, `harms["${harm}"][${index}]`, seen, keyOf))
      entries.push(entry)
    })
  }
  parsed.data.allow.forEach((value, index) => {
    if (keyOf(value) === '') problems.push(`allow[${index}] ("${value}"): has no letters or digits`)
  })
  if (problems.length > 0) throw invalid(source, problems)
  const { name, version, language, allow } = parsed.data
  return { name, version, language, allow, entries }
}

/** Reads and validates a lexicon JSON file. */
export function loadLexiconFile(path: string, taxonomy?: Taxonomy): Lexicon {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new InvalidInputError(`lexicon ${path} cannot be read (${code})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InvalidInputError(`lexicon ${path} is not valid JSON: ${(error as Error).message}`)
  }
  return parseLexicon(json, path, taxonomy)
}

function slotsOf(raw: RawEntry): string[][] {
  const listed = (slot: string | string[]) => (typeof slot === 'string' ? [slot] : slot)
  if (raw.all) return raw.all.map(listed)
  if (!raw.phrase) return [[raw.term ?? '']]
  let phrases = ['']
  for (const part of raw.phrase.map(listed)) {
    phrases = phrases.flatMap((start) => part.map((word) => `${start} ${word}`.trim()))
  }
  return [phrases]
}

function combinations(parts: readonly (string | string[])[]): number {
  return parts.reduce((n, part) => n * (typeof part === 'string' ? 1 : part.length), 1)
}

/**
 * Terms that normalise to nothing, and terms of a one-slot entry that another one-slot entry of
 * the same harm lists too (they would count twice).
 */
function entryProblems(
  entry: LexiconEntry,
  at: string,
  seen: Map<string, string>,
  keyOf: (value: string) => string,
): string[] {
  const problems: string[] = []
  const label = `${at} ("${entry.slots.map((terms) => terms[0]).join('" + "')}")`
  for (const value of entry.slots.flat()) {
    const key = keyOf(value)
    if (key === '') problems.push(`${label}: "${value}" has no letters or digits`)
    if (entry.slots.length > 1 || key === '') continue
    const first = seen.get(key)
    if (first !== undefined && first !== at) {
      problems.push(`${label}: "${value}" is already listed for ${entry.harm} at ${first}`)
    }
    seen.set(key, first ?? at)
  }
  return problems
}

function invalid(source: string, problems: readonly string[]): InvalidInputError {
  const list = problems.map((problem) => `\n  - ${problem}`).join('')
  return new InvalidInputError(`invalid lexicon ${source}:${list}`, { problems: [...problems] })
}

/** `harms["illegal.hate"][3] ("some term"): weight: Too big…`, from a zod issue. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const inEntry = issue.path[0] === 'harms' && issue.path.length >= 3
  const entryPath = inEntry ? issue.path.slice(0, 3) : issue.path
  const rest = inEntry ? issue.path.slice(3) : []
  const entry = inEntry ? lookup(input, entryPath) : undefined
  const term = entry && typeof entry === 'object' && 'term' in entry ? entry.term : undefined
  const label = term === undefined ? '' : ` (${JSON.stringify(term)})`
  const field = rest.length > 0 ? `${formatPath(rest)}: ` : ''
  return `${formatPath(entryPath) || '(top level)'}${label}: ${field}${issue.message}`
}

function formatPath(path: readonly PropertyKey[]): string {
  let at = ''
  for (const key of path) {
    const name = String(key)
    if (typeof key === 'number') at += `[${key}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(name)) at += at === '' ? name : `.${name}`
    else at += `["${name}"]`
  }
  return at
}

function lookup(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}
