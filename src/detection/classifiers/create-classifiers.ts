import { z } from 'zod'
import { InvalidInputError } from '../../core/errors.js'
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../core/taxonomy.js'
import type { Matcher } from '../matcher.js'
import { type Classifier, ClassifierMatcher, thresholdOptionsSchema } from './classifier.js'
import { loadLexiconFile } from './lexicon.js'
import { builtInLexicon, LexiconScorer } from './lexicon-scorer.js'
import { LlamaGuardClassifier } from './llama-guard.js'
import { OpenAiModerationClassifier } from './openai-moderation.js'
import { ResilientClassifier } from './resilient-classifier.js'

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
const ms = z.number().int().positive()

/** What a hosted classifier needs; timings default as in ResilienceOptions. */
const providerSettings = z.strictObject({
  /** Without the `/v1/...` path, e.g. `https://api.openai.com`. */
  baseUrl: httpUrl,
  model: z.string().trim().min(1).optional(),
  /** Per attempt; default 5 000 ms. */
  timeoutMs: ms.optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  retryDelayMs: ms.optional(),
  maxRetryDelayMs: ms.optional(),
  failureThreshold: z.number().int().min(1).optional(),
  halfOpenAfterMs: ms.optional(),
  thresholds: thresholdOptionsSchema.optional(),
  /** Category (or Llama Guard code) → harm id, or null to ignore it; overrides built-in ones. */
  categoryHarms: z.record(z.string().min(1), z.string().min(1).nullable()).optional(),
})

export const classifierSettingsSchema = z.strictObject({
  lexicon: z.strictObject({
    enabled: z.boolean(),
    /** A lexicon JSON file to use instead of the built-in one (lexicon/en.json). */
    path: z.string().min(1).optional(),
    thresholds: thresholdOptionsSchema.optional(),
  }),
  openai: providerSettings.extend({ apiKey: z.string().min(1, 'is required') }).optional(),
  llamaGuard: providerSettings.extend({ apiKey: z.string().min(1).optional() }).optional(),
  /** Let classifier endpoints be private or loopback addresses (VIGIL_ALLOW_PRIVATE_NETWORK). */
  allowPrivateNetwork: z.boolean(),
})

export type ClassifierSettings = z.input<typeof classifierSettingsSchema>
type ProviderSettings = z.output<typeof providerSettings>

export interface CreateClassifiersOptions {
  /** Harm ids in lexicons and category mappings are checked against it; default built-in. */
  taxonomy?: Taxonomy
}

/**
 * The classifier matchers the settings ask for: the offline lexicon scorer (no network), OpenAI
 * moderation and Llama Guard, the hosted ones each behind a timeout, retries and a circuit
 * breaker. Throws InvalidInputError naming every problem; never quotes an API key.
 */
export function createClassifierMatchers(
  settings: ClassifierSettings,
  options: CreateClassifiersOptions = {},
): Matcher[] {
  const parsed = classifierSettingsSchema.safeParse(settings)
  if (!parsed.success) {
    throw new InvalidInputError(`invalid classifier settings: ${z.prettifyError(parsed.error)}`)
  }
  const { lexicon, openai, llamaGuard, allowPrivateNetwork } = parsed.data
  const taxonomy = options.taxonomy ?? DEFAULT_TAXONOMY
  const matchers: Matcher[] = []
  checkHarmIds('lexicon.thresholds.harms', Object.keys(lexicon.thresholds?.harms ?? {}), taxonomy)
  if (lexicon.enabled) {
    const loaded = lexicon.path ? loadLexiconFile(lexicon.path, taxonomy) : builtInLexicon()
    matchers.push(
      new ClassifierMatcher(new LexiconScorer(loaded), { thresholds: lexicon.thresholds }),
    )
  }
  if (openai) {
    checkHarms('openai', openai, taxonomy)
    const classifier = new OpenAiModerationClassifier({
      ...adapterOptions(openai, allowPrivateNetwork),
      apiKey: openai.apiKey,
    })
    matchers.push(resilientMatcher(classifier, openai))
  }
  if (llamaGuard) {
    checkHarms('llamaGuard', llamaGuard, taxonomy)
    const classifier = new LlamaGuardClassifier({
      ...adapterOptions(llamaGuard, allowPrivateNetwork),
      apiKey: llamaGuard.apiKey,
    })
    matchers.push(resilientMatcher(classifier, llamaGuard))
  }
  return matchers
}

function adapterOptions(provider: ProviderSettings, allowPrivate: boolean) {
  return {
    baseUrl: provider.baseUrl,
    allowPrivate,
    timeoutMs: provider.timeoutMs,
    model: provider.model,
    ...(provider.categoryHarms ? { categoryHarms: provider.categoryHarms } : {}),
  }
}

function resilientMatcher(classifier: Classifier, provider: ProviderSettings): ClassifierMatcher {
  const {
    timeoutMs,
    maxRetries,
    retryDelayMs,
    maxRetryDelayMs,
    failureThreshold,
    halfOpenAfterMs,
  } = provider
  const resilience = {
    timeoutMs,
    maxRetries,
    retryDelayMs,
    maxRetryDelayMs,
    failureThreshold,
    halfOpenAfterMs,
  }
  const defined = Object.fromEntries(Object.entries(resilience).filter(([, v]) => v !== undefined))
  return new ClassifierMatcher(new ResilientClassifier(classifier, defined), {
    thresholds: provider.thresholds,
  })
}

function checkHarms(key: string, provider: ProviderSettings, taxonomy: Taxonomy): void {
  const mapped = Object.values(provider.categoryHarms ?? {}).filter((harm) => harm !== null)
  checkHarmIds(`${key}.categoryHarms`, mapped, taxonomy)
  checkHarmIds(`${key}.thresholds.harms`, Object.keys(provider.thresholds?.harms ?? {}), taxonomy)
}

function checkHarmIds(where: string, ids: readonly string[], taxonomy: Taxonomy): void {
  const unknown = ids.filter((id) => !taxonomy.has(id))
  if (unknown.length === 0) return
  const list = unknown.map((id) => `"${id}"`).join(', ')
  throw new InvalidInputError(`invalid classifier settings: ${where}: unknown harm ${list}`)
}
