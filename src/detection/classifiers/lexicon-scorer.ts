import type { ListEntry, MatchInput } from '../matcher.js'
import { KeywordListMatcher } from '../matchers/keyword-list-matcher.js'
import type { Classifier, ClassifierResult, HarmScore } from './classifier.js'
import { cancelledError } from './classifier-error.js'
import builtIn from './lexicon/en.json' with { type: 'json' }
import type { Lexicon, LexiconEntry } from './lexicon.js'
import { parseLexicon } from './lexicon.js'

/** The lexicon that ships with Vigil (lexicon/en.json), validated. */
export function builtInLexicon(): Lexicon {
  return parseLexicon(builtIn, 'built-in lexicon/en.json')
}

interface Hit {
  entry: LexiconEntry
  slot: number
  /** The listed term found, folded (text/normalise.ts normaliseText). */
  term: string
  offsets: [number, number]
}

/**
 * A transparent offline classifier: weighted terms and phrases per harm, found by the keyword
 * engine (text/keyword-set.ts: normalised text, word boundaries, allow-list, a shorter match
 * inside a longer one of the same harm not counted again). A harm's score combines the weights
 * of the distinct entries found, saturating: 1 − Π(1 − w). An entry of several phrases counts
 * when all of them occur anywhere in the text. Apostrophes are optional: `you're` also matches
 * `you’re` and `youre`.
 */
export class LexiconScorer implements Classifier {
  readonly name: string
  readonly model: string
  readonly lexicon: Lexicon
  readonly #entries = new Map<string, LexiconEntry>()
  readonly #matcher = new KeywordListMatcher()

  constructor(lexicon: Lexicon = builtInLexicon(), name = 'lexicon') {
    this.name = name
    this.lexicon = lexicon
    this.model = `${lexicon.name}@${lexicon.version}`
    const listed: ListEntry[] = []
    for (const entry of lexicon.entries) {
      this.#entries.set(entry.id, entry)
      listed.push(...listEntries(entry))
    }
    // @NOTE Allow-list first, while the matcher is empty: the automaton is then built once.
    this.#matcher.loadAllowList(lexicon.allow.flatMap(apostropheVariants))
    this.#matcher.load(listed)
  }

  async classify(text: string, signal: AbortSignal): Promise<ClassifierResult> {
    if (signal.aborted) throw cancelledError(this.name)
    const input: MatchInput = { kind: 'text', surface: 'public', text, url: null, media: [] }
    const hits: Hit[] = []
    for (const found of this.#matcher.match(input)) {
      const [id, slot] = String(found.evidence.entryId).split('/')
      const entry = this.#entries.get(id ?? '')
      if (!entry) continue
      const offsets = found.evidence.offsets as [number, number]
      hits.push({ entry, slot: Number(slot), term: String(found.evidence.term), offsets })
    }
    const scores = combine(hits)
    const raw: Record<string, number> = {}
    for (const score of scores)
      for (const [label, weight] of Object.entries(score.labels)) raw[label] = weight
    return { model: this.model, scores, raw }
  }
}

interface Found {
  /** The first term found for each slot, by slot. */
  terms: Map<number, string>
  spans: [number, number][]
}

interface HarmTotal {
  /** Π(1 − w) over the entries found. */
  miss: number
  labels: Record<string, number>
  spans: [number, number][]
}

/**
 * Entries whose every slot was found, combined per harm. An entry's label is the term found for
 * each slot (the first in the text), joined with " + ".
 */
function combine(hits: readonly Hit[]): HarmScore[] {
  const found = new Map<LexiconEntry, Found>()
  for (const hit of hits) {
    const seen: Found = found.get(hit.entry) ?? { terms: new Map(), spans: [] }
    if (!seen.terms.has(hit.slot)) seen.terms.set(hit.slot, hit.term)
    seen.spans.push(hit.offsets)
    found.set(hit.entry, seen)
  }
  const byHarm = new Map<string, HarmTotal>()
  for (const [entry, seen] of found) {
    if (seen.terms.size < entry.slots.length) continue
    const total: HarmTotal = byHarm.get(entry.harm) ?? { miss: 1, labels: {}, spans: [] }
    const label = [...seen.terms]
      .sort(([a], [b]) => a - b)
      .map(([, term]) => term)
      .join(' + ')
    total.miss *= 1 - entry.weight
    total.labels[label] = entry.weight
    total.spans.push(...seen.spans)
    byHarm.set(entry.harm, total)
  }
  return [...byHarm].map(([harm, { miss, labels, spans }]) => ({
    harm,
    score: Math.round((1 - miss) * 1e6) / 1e6,
    labels,
    spans: spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]),
  }))
}

/**
 * The keyword entries of one lexicon entry, one per term: `<id>/<slot>/<n>` (ids are unique). A
 * single-slot entry's terms sit in its harm's bank, so a shorter term inside a longer one is not
 * counted twice; the phrases of an all-of entry sit in a bank of their own, so other terms
 * cannot hide them.
 */
function listEntries(entry: LexiconEntry): ListEntry[] {
  const bankId = entry.slots.length === 1 ? entry.harm : entry.id
  return entry.slots.flatMap((alternatives, slot) =>
    alternatives.flatMap(apostropheVariants).map((value, n) => ({
      entryId: `${entry.id}/${slot}/${n}`,
      bankId,
      bankName: 'lexicon',
      harm: entry.harm,
      action: 'review' as const,
      value,
      expiresAt: null,
    })),
  )
}

/** The term as written, with a typographic apostrophe, and with none. */
export function apostropheVariants(term: string): string[] {
  if (!/['’]/.test(term)) return [term]
  return [...new Set([term.replace(/’/g, "'"), term.replace(/'/g, '’'), term.replace(/['’]/g, '')])]
}
