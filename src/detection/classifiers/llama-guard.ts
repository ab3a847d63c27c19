import { z } from 'zod'
import { type Classifier, type ClassifierResult, harmScores } from './classifier.js'
import { ClassifierError } from './classifier-error.js'
import {
  endpointUrl,
  type ProviderHttpOptions,
  postJson,
  providerHttpOptions,
} from './provider-http.js'

/** Llama Guard 3's hazard categories (MLCommons taxonomy), by code. */
export const LLAMA_GUARD_CATEGORIES = {
  S1: 'Violent Crimes',
  S2: 'Non-Violent Crimes',
  S3: 'Sex-Related Crimes',
  S4: 'Child Sexual Exploitation',
  S5: 'Defamation',
  S6: 'Specialized Advice',
  S7: 'Privacy',
  S8: 'Intellectual Property',
  S9: 'Indiscriminate Weapons',
  S10: 'Hate',
  S11: 'Suicide & Self-Harm',
  S12: 'Sexual Content',
  S13: 'Elections',
  S14: 'Code Interpreter Abuse',
} as const
export type LlamaGuardCategory = keyof typeof LLAMA_GUARD_CATEGORIES

/**
 * Category → harm. Llama Guard answers only yes or no per category (score 1 when listed), so a
 * category maps onto an illegal-content harm only when every text it covers would be a candidate
 * for it; otherwise onto the children's-harm node that describes it. Null: nothing in the
 * taxonomy fits, and the category is ignored.
 *
 * - S1 Violent Crimes → children_priority.serious_violence: enabling or endorsing violence; a
 *   threat to a person is one case of many.
 * - S2 Non-Violent Crimes → other_illegal: fraud, drugs, cyber crime…; which one is for a
 *   moderator.
 * - S3 Sex-Related Crimes → illegal.sexual_exploitation: sex trafficking, prostitution, sexual
 *   assault.
 * - S4 Child Sexual Exploitation → illegal.csea: grooming or imagery is for a moderator.
 * - S5 Defamation → none: a civil wrong in the UK, not in the taxonomy.
 * - S6 Specialized Advice → none: financial, medical or legal advice is not a harm here.
 * - S7 Privacy → none: personal data; doxxing is judged as harassment by a person.
 * - S8 Intellectual Property → none: outside the Online Safety Act's illegal content.
 * - S9 Indiscriminate Weapons → illegal.weapons: chemical, biological and nuclear weapons and
 *   explosives.
 * - S10 Hate → children_priority.abuse_hatred: demeaning a protected trait; not by itself the
 *   stirring up of hatred.
 * - S11 Suicide & Self-Harm → children_primary.suicide: it flags people at risk too, whom the
 *   encouraging offence excludes.
 * - S12 Sexual Content → children_primary.pornography.
 * - S13 Elections → none: false election information; foreign interference needs a foreign
 *   state.
 * - S14 Code Interpreter Abuse → none: about AI tools, not user content.
 */
export const LLAMA_GUARD_CATEGORY_HARMS: Readonly<Record<LlamaGuardCategory, string | null>> =
  Object.freeze({
    S1: 'children_priority.serious_violence',
    S2: 'other_illegal',
    S3: 'illegal.sexual_exploitation',
    S4: 'illegal.csea',
    S5: null,
    S6: null,
    S7: null,
    S8: null,
    S9: 'illegal.weapons',
    S10: 'children_priority.abuse_hatred',
    S11: 'children_primary.suicide',
    S12: 'children_primary.pornography',
    S13: null,
    S14: null,
  })

export const DEFAULT_LLAMA_GUARD_MODEL = 'meta-llama/Llama-Guard-3-8B'

export type LlamaGuardAnswer = { safe: true } | { safe: false; categories: LlamaGuardCategory[] }

/**
 * Reads Llama Guard's answer: `safe`, or `unsafe` then category codes (`unsafe\nS1,S10`), with
 * any case and whitespace, commas or newlines between codes. Anything else throws.
 */
export function parseLlamaGuardAnswer(
  content: string,
  classifier = 'llama_guard',
): LlamaGuardAnswer {
  const unreadable = (why: string) => unreadableAnswer(classifier, content, why)
  const words = content
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
  const verdict = words[0]?.toLowerCase()
  if (verdict === 'safe') {
    if (words.length === 1) return { safe: true }
    throw unreadable('it says "safe" and then more')
  }
  if (verdict !== 'unsafe') throw unreadable('it does not start with "safe" or "unsafe"')
  const categories = new Set<LlamaGuardCategory>()
  for (const word of words.slice(1)) {
    const code = word.toUpperCase()
    if (!Object.hasOwn(LLAMA_GUARD_CATEGORIES, code)) {
      throw unreadable(`"${word.slice(0, 8)}" is not a category S1–S14`)
    }
    categories.add(code as LlamaGuardCategory)
  }
  if (categories.size === 0) throw unreadable('it says "unsafe" but names no category')
  return { safe: false, categories: [...categories] }
}

function unreadableAnswer(classifier: string, content: string, why: string): ClassifierError {
  const start = JSON.stringify(content.slice(0, 24))
  return new ClassifierError(
    'bad_response',
    `${classifier} gave an unreadable Llama Guard answer (${content.length} characters, ` +
      `starting ${start}): ${why}; ` +
      'expected "safe" or "unsafe" and category codes; is the model a Llama Guard model?',
  )
}

export interface LlamaGuardOptions extends ProviderHttpOptions {
  /** An OpenAI-compatible server; requests go to `{baseUrl}/v1/chat/completions`. */
  baseUrl: string
  /** Sent as a bearer token when given. */
  apiKey?: string
  /** Default `meta-llama/Llama-Guard-3-8B`; hosts name it their own way. */
  model?: string
  /** Default `llama_guard`. */
  name?: string
  /** Overrides of the table above by code; null ignores a category. */
  categoryHarms?: Readonly<Record<string, string | null>>
}

const responseSchema = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
})

/** Llama Guard 3 behind any OpenAI-compatible chat endpoint (vLLM, Ollama, hosted APIs). */
export class LlamaGuardClassifier implements Classifier {
  readonly name: string
  readonly model: string
  readonly url: string
  readonly #apiKey: string | undefined
  readonly #mapping: Readonly<Record<string, string | null>>
  readonly #http: ProviderHttpOptions

  constructor(options: LlamaGuardOptions) {
    this.name = options.name ?? 'llama_guard'
    this.model = options.model ?? DEFAULT_LLAMA_GUARD_MODEL
    this.url = endpointUrl(options.baseUrl, '/v1/chat/completions')
    this.#apiKey = options.apiKey
    this.#mapping = { ...LLAMA_GUARD_CATEGORY_HARMS, ...options.categoryHarms }
    this.#http = providerHttpOptions(options)
  }

  async classify(text: string, signal: AbortSignal): Promise<ClassifierResult> {
    const answer = await postJson(
      {
        classifier: this.name,
        api: 'the chat completions API',
        answer: responseSchema,
        url: this.url,
        body: { model: this.model, messages: [{ role: 'user', content: text }], temperature: 0 },
        headers: this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {},
        signal,
      },
      this.#http,
    )
    const content = answer.choices[0]?.message.content ?? ''
    const verdict = parseLlamaGuardAnswer(content, this.name)
    const raw: Record<string, number> = {}
    if (!verdict.safe) for (const code of verdict.categories) raw[code] = 1
    return { model: answer.model ?? this.model, scores: harmScores(raw, this.#mapping), raw }
  }
}
