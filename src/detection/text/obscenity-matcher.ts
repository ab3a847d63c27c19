import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity'
import type { SignalInput } from '../../core/signal.js'
import type { Verdict } from '../../core/subject.js'
import type { Matcher, MatchInput } from '../matcher.js'
import { decodeUnits, TextNormaliser } from './normalise.js'

export interface ObscenityMatcherOptions {
  /** The harm its signals carry; the taxonomy has no profanity harm of its own. */
  harm?: string
  action?: Verdict
}

const DEFAULT_HARM = 'children_priority.abuse_hatred'

/**
 * The obscenity package's English profanity and slur list as an optional built-in list. The text
 * is first folded and spaced-out letters joined (text/normalise.ts, steps 1–2: obscenity misses
 * 'f u c k' and 'f.u.c.k' on its own); obscenity's own transformers then read leetspeak, stretched
 * letters and look-alikes. Offsets point into the text as sent. Not registered by default.
 */
export class ObscenityMatcher implements Matcher {
  readonly name = 'obscenity'
  readonly harm: string
  readonly action: Verdict
  readonly #normaliser = new TextNormaliser()
  readonly #matcher = new RegExpMatcher({
    ...englishDataset.build(),
    ...englishRecommendedTransformers,
  })

  constructor(options: ObscenityMatcherOptions = {}) {
    this.harm = options.harm ?? DEFAULT_HARM
    this.action = options.action ?? 'review'
  }

  match(input: MatchInput): SignalInput[] {
    if (input.text.length === 0) return []
    const folded = this.#normaliser.fold(input.text)
    const text = decodeUnits(folded.codes, folded.length)
    const seen = new Set<string>()
    const signals: SignalInput[] = []
    for (const payload of this.#matcher.getAllMatches(text, true)) {
      const start = folded.starts[payload.startIndex] ?? 0
      const end = folded.ends[payload.endIndex] ?? input.text.length
      const word = englishDataset.getPayloadWithPhraseMetadata(payload).phraseMetadata?.originalWord
      const term = word ?? text.slice(payload.startIndex, payload.endIndex + 1)
      const key = `${term}:${start}:${end}`
      if (seen.has(key)) continue
      seen.add(key)
      signals.push(this.#signal(term, input.text, [start, end]))
    }
    return signals
  }

  #signal(term: string, text: string, offsets: [number, number]): SignalInput {
    return {
      source: 'keyword_list',
      harm: this.harm,
      score: 1,
      action: this.action,
      matcher: this.name,
      evidence: {
        bank: 'obscenity:english',
        term,
        matched: text.slice(offsets[0], offsets[1]),
        offsets,
      },
    }
  }
}

/** The obscenity English list as a Matcher named 'obscenity' (action 'review' by default). */
export function obscenityMatcher(options: ObscenityMatcherOptions = {}): ObscenityMatcher {
  return new ObscenityMatcher(options)
}
