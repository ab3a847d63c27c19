import { z } from 'zod'
import { type Classifier, type ClassifierResult, harmScores } from './classifier.js'
import {
  endpointUrl,
  type ProviderHttpOptions,
  postJson,
  providerHttpOptions,
} from './provider-http.js'

/** The categories `omni-moderation-latest` scores (older text models lack the illicit ones). */
export const OPENAI_MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const
export type OpenAiModerationCategory = (typeof OPENAI_MODERATION_CATEGORIES)[number]

/**
 * Category → harm. A category's score answers "is this text like X", not "is this the offence",
 * so a category maps onto an illegal-content harm only when its definition matches that harm's
 * judgement; otherwise onto the children's-harm node that describes it. How high a score must be
 * for review, hold or block is a separate policy (ClassifierMatcher's thresholds).
 *
 * - harassment → children_priority.bullying: insults or abuse of a person; one message is not
 *   the course of conduct that illegal harassment needs.
 * - harassment/threatening → illegal.harassment.threat_to_life: harassment that threatens
 *   violence or serious harm to its target.
 * - hate → children_priority.abuse_hatred: hate about a protected trait; not by itself the
 *   stirring up of hatred.
 * - hate/threatening → illegal.hate: threatening hate against a group, the core of the
 *   stirring-up offences.
 * - illicit → other_illegal: advice on committing some crime; which one is for a moderator.
 * - illicit/violent → illegal.weapons: defined as violent wrongdoing or getting hold of a weapon.
 * - self-harm → children_primary.self_injury: promotes or depicts self-harm, which includes
 *   people sharing their own experience.
 * - self-harm/intent → children_primary.self_injury: the writer is at risk and a person should
 *   look; never the encouraging offence, which excludes people speaking of themselves.
 * - self-harm/instructions → illegal.suicide_self_harm: encourages or instructs self-harm, the
 *   encouraging or assisting offence.
 * - sexual → children_primary.pornography: content meant to arouse.
 * - sexual/minors → illegal.csea: sexual content involving a minor; grooming needs contact with
 *   a child and imagery needs an image, which one text label cannot tell.
 * - violence → children_priority.serious_violence: depicts violence (news and fiction too); not
 *   a threat by itself.
 * - violence/graphic → children_priority.graphic_violence: gory depictions.
 */
export const OPENAI_CATEGORY_HARMS: Readonly<Record<OpenAiModerationCategory, string | null>> =
  Object.freeze({
    harassment: 'children_priority.bullying',
    'harassment/threatening': 'illegal.harassment.threat_to_life',
    hate: 'children_priority.abuse_hatred',
    'hate/threatening': 'illegal.hate',
    illicit: 'other_illegal',
    'illicit/violent': 'illegal.weapons',
    'self-harm': 'children_primary.self_injury',
    'self-harm/intent': 'children_primary.self_injury',
    'self-harm/instructions': 'illegal.suicide_self_harm',
    sexual: 'children_primary.pornography',
    'sexual/minors': 'illegal.csea',
    violence: 'children_priority.serious_violence',
    'violence/graphic': 'children_priority.graphic_violence',
  })

export const DEFAULT_OPENAI_MODERATION_MODEL = 'omni-moderation-latest'

export interface OpenAiModerationOptions extends ProviderHttpOptions {
  /** e.g. `https://api.openai.com`; requests go to `{baseUrl}/v1/moderations`. */
  baseUrl: string
  apiKey: string
  /** Default `omni-moderation-latest`. */
  model?: string
  /** Default `openai_moderation`. */
  name?: string
  /** Overrides of the table above by category; null ignores a category. */
  categoryHarms?: Readonly<Record<string, string | null>>
}

const responseSchema = z.object({
  model: z.string().optional(),
  results: z
    .array(z.object({ category_scores: z.record(z.string(), z.number().min(0).max(1)) }))
    .min(1),
})

/** OpenAI's moderation endpoint (or a compatible one) as a Classifier. */
export class OpenAiModerationClassifier implements Classifier {
  readonly name: string
  readonly model: string
  readonly url: string
  readonly #apiKey: string
  readonly #mapping: Readonly<Record<string, string | null>>
  readonly #http: ProviderHttpOptions

  constructor(options: OpenAiModerationOptions) {
    this.name = options.name ?? 'openai_moderation'
    this.model = options.model ?? DEFAULT_OPENAI_MODERATION_MODEL
    this.url = endpointUrl(options.baseUrl, '/v1/moderations')
    this.#apiKey = options.apiKey
    this.#mapping = { ...OPENAI_CATEGORY_HARMS, ...options.categoryHarms }
    this.#http = providerHttpOptions(options)
  }

  async classify(text: string, signal: AbortSignal): Promise<ClassifierResult> {
    const answer = await postJson(
      {
        classifier: this.name,
        api: 'the moderation API',
        answer: responseSchema,
        url: this.url,
        body: { model: this.model, input: text },
        headers: { authorization: `Bearer ${this.#apiKey}` },
        signal,
      },
      this.#http,
    )
    const raw = answer.results[0]?.category_scores ?? {}
    return { model: answer.model ?? this.model, scores: harmScores(raw, this.#mapping), raw }
  }
}
