import { z } from 'zod'
import { InvalidInputError } from '../../core/errors.js'
import type { SignalInput } from '../../core/signal.js'
import type { Verdict } from '../../core/subject.js'
import type { Matcher, MatchInput } from '../matcher.js'

/** How strongly a text shows one harm, with the provider's labels behind it. */
export interface HarmScore {
  /** A taxonomy harm id. */
  harm: string
  /** 0..1: the highest score among `labels` (or the lexicon's combined weight). */
  score: number
  /** The provider's raw labels that map onto this harm, each with its score or weight. */
  labels: Record<string, number>
  /** Where in the text, when the classifier knows: UTF-16 offsets into the text as sent. */
  spans?: [number, number][]
}

export interface ClassifierResult {
  /** The model (or lexicon) that answered, as the provider names it. */
  model: string
  /** One per harm that a returned label maps onto. */
  scores: HarmScore[]
  /** Every label the provider returned with its score, mapped or not. */
  raw: Record<string, number>
}

/** One text classifier: a hosted model, a local one, or the built-in lexicon. */
export interface Classifier {
  readonly name: string
  /** Rejects (preferably with a `ClassifierError`) on failure; honours `signal`. */
  classify(text: string, signal: AbortSignal): Promise<ClassifierResult>
}

/** The lowest score that asks for each action; an absent action is never asked for. */
export interface ActionThresholds {
  review?: number
  hold?: number
  block?: number
}

export interface ThresholdOptions {
  /** For harms without their own; default review ≥ 0.5, hold ≥ 0.8, never block. */
  default?: ActionThresholds
  /** By harm id; an entry for a parent (`illegal.csea`) applies to the harms below it. */
  harms?: Record<string, ActionThresholds>
}

export const DEFAULT_THRESHOLDS: Readonly<ActionThresholds> = Object.freeze({
  review: 0.5,
  hold: 0.8,
})

const threshold = z.number().gt(0).lte(1)

export const actionThresholdsSchema = z
  .strictObject({
    review: threshold.optional(),
    hold: threshold.optional(),
    block: threshold.optional(),
  })
  .refine(
    ({ review = 0, hold = review, block = hold }) => review <= hold && hold <= block,
    'thresholds must not decrease from review to hold to block',
  )

export const thresholdOptionsSchema = z.strictObject({
  default: actionThresholdsSchema.optional(),
  harms: z.record(z.string().min(1), actionThresholdsSchema).optional(),
})

const STRICTEST_FIRST = ['block', 'hold', 'review'] as const

/** The strictest action whose threshold `score` reaches, or undefined for none. */
export function actionFor(score: number, thresholds: ActionThresholds): Verdict | undefined {
  return STRICTEST_FIRST.find((action) => {
    const at = thresholds[action]
    return at !== undefined && score >= at
  })
}

/**
 * Groups provider labels by the harm `mapping` gives them (null or absent: ignored); a harm's
 * score is the highest of its labels'.
 */
export function harmScores(
  raw: Readonly<Record<string, number>>,
  mapping: Readonly<Record<string, string | null | undefined>>,
): HarmScore[] {
  const byHarm = new Map<string, HarmScore>()
  for (const [label, score] of Object.entries(raw)) {
    const harm = Object.hasOwn(mapping, label) ? mapping[label] : undefined
    if (harm === null || harm === undefined) continue
    const entry = byHarm.get(harm) ?? { harm, score: 0, labels: {} }
    entry.labels[label] = score
    entry.score = Math.max(entry.score, score)
    byHarm.set(harm, entry)
  }
  return [...byHarm.values()]
}

export interface ClassifierMatcherOptions {
  thresholds?: ThresholdOptions
}

/**
 * Runs a classifier on the text of what is scanned (empty text is skipped) and turns each harm
 * score that reaches a threshold into a signal whose action is the strictest threshold reached.
 * Failures reject, so the pipeline records them; a classifier never blocks content on its own.
 */
export class ClassifierMatcher implements Matcher {
  readonly name: string
  readonly #default: ActionThresholds
  readonly #byHarm: ReadonlyMap<string, ActionThresholds>

  constructor(
    readonly classifier: Classifier,
    options: ClassifierMatcherOptions = {},
  ) {
    this.name = classifier.name
    const parsed = thresholdOptionsSchema.safeParse(options.thresholds ?? {})
    if (!parsed.success) {
      const problems = z.prettifyError(parsed.error)
      throw new InvalidInputError(
        `invalid thresholds for classifier ${classifier.name}: ${problems}`,
      )
    }
    this.#default = parsed.data.default ?? DEFAULT_THRESHOLDS
    this.#byHarm = new Map(Object.entries(parsed.data.harms ?? {}))
  }

  /** The thresholds that apply to `harm`: its own, its nearest ancestor's, or the default. */
  thresholdsFor(harm: string): ActionThresholds {
    for (let id = harm; id !== ''; id = id.slice(0, Math.max(0, id.lastIndexOf('.')))) {
      const own = this.#byHarm.get(id)
      if (own) return own
    }
    return this.#default
  }

  async match(input: MatchInput, signal: AbortSignal): Promise<SignalInput[]> {
    if (input.text.trim() === '') return []
    const result = await this.classifier.classify(input.text, signal)
    const signals: SignalInput[] = []
    for (const score of result.scores) {
      const action = actionFor(score.score, this.thresholdsFor(score.harm))
      if (action !== undefined) signals.push(this.#signal(score, action, result.model))
    }
    return signals
  }

  #signal(score: HarmScore, action: Verdict, model: string): SignalInput {
    return {
      source: 'classifier',
      harm: score.harm,
      score: score.score,
      action,
      matcher: this.name,
      evidence: {
        classifier: this.classifier.name,
        model,
        score: score.score,
        labels: score.labels,
        ...(score.spans ? { spans: score.spans } : {}),
      },
    }
  }
}
