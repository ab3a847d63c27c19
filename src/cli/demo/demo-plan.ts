import type { DecisionInput } from '../../core/decision.js'
import { mulberry32, type Random } from '../../core/random.js'
import { isIntimateImageHarm, type ReporterKind, type ReportInput } from '../../core/report.js'
import type { ContentInput, SubjectRef } from '../../core/subject.js'
import {
  type ContentCategory,
  contentDeck,
  contentItem,
  type PlannedContent,
} from './demo-content.js'
import {
  type DecisionTemplate,
  HIT_DECISIONS,
  noAction,
  toDecisionInput,
} from './demo-decisions.js'
import { ALL_DECLARED, REPORT_SCENARIOS, type ReportScenario, reporterFor } from './demo-reports.js'
import { MORE_SCENARIOS, SPURIOUS_REPORTS } from './demo-reports-more.js'
import type { Platform } from './demo-text.js'

export type PlanEvent = { at: number; key: string } & (
  | { type: 'content'; input: ContentInput }
  | { type: 'report'; input: ReportInput }
  | { type: 'decision'; input: DecisionInput }
)

export interface PlanOptions {
  subjects: number
  seed: number
  /** How far back the first item lies, in milliseconds. */
  spanMs: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SCENARIOS = [...REPORT_SCENARIOS, ...MORE_SCENARIOS]
const URGENT = [
  'children_primary.suicide',
  'illegal.csea',
  'illegal.terrorism',
  'illegal.suicide_self_harm',
  'illegal.harassment.threat_to_life',
  'illegal.intimate_image_abuse',
]

const HIT_REPORTS = {
  threat: { harm: 'illegal.harassment.threat_to_life', explanation: 'This message threatens me.' },
  banter: { harm: 'illegal.harassment.threat_to_life', explanation: 'He said he will kill me.' },
  scam: { harm: 'illegal.fraud', explanation: 'This link is a scam, it asked for my bank log-in.' },
  terror_media: { harm: 'illegal.terrorism', explanation: 'This image is terrorist propaganda.' },
} as const

interface PlannedReport {
  at: number
  key: string
  harm: string
  platform: Platform
  subject: SubjectRef
  url: string
  explanations: readonly string[]
  reporters: readonly ReporterKind[]
}

/**
 * The demo as a time-ordered list of things that happen: content arriving, people reporting it
 * and moderators deciding. Pure and seeded: the same options give the same plan.
 */
export function planDemo(options: PlanOptions): PlanEvent[] {
  const planner = new DemoPlanner(mulberry32(options.seed), options.spanMs)
  const reports = Math.max(4, Math.round((options.subjects * 80) / 300))
  const fresh = Math.round(reports * 0.6)
  const onContent = Math.round(reports * 0.25)
  const deck = contentDeck(mulberry32(options.seed + 1), Math.max(1, options.subjects - fresh))
  for (const [i, category] of deck.entries()) planner.content(i + 1, deck.length, category)
  for (let n = 1; n <= fresh; n += 1) planner.freshReport(n, n <= SCENARIOS.length)
  for (let n = 1; n <= onContent; n += 1) planner.reportOnContent(n)
  for (let n = 1; n <= reports - fresh - onContent; n += 1) planner.duplicateReport(n)
  return planner.events()
}

class DemoPlanner {
  readonly #events: PlanEvent[] = []
  readonly #contents: PlannedContent[] = []
  readonly #reports: PlannedReport[] = []
  /** When each subject's case is decided: later reports would open a new case. */
  readonly #decided = new Map<string, number>()
  readonly #totalWeight = SCENARIOS.reduce((sum, s) => sum + s.weight, 0)

  constructor(
    private readonly random: Random,
    private readonly span: number,
  ) {}

  /** The n-th of `count` pieces of content; the platforms are growing, so more of it is recent. */
  content(n: number, count: number, category: ContentCategory): void {
    const at = this.#growing((n - 1 + this.random.next()) / count, MINUTE)
    const item = contentItem(this.random, n, at, category)
    this.#contents.push(item)
    this.#events.push({ at, key: item.key, type: 'content', input: item.input })
    if (item.hit) this.#maybeDecide(item.key, at, HIT_DECISIONS[item.hit], true)
  }

  freshReport(n: number, cover: boolean): void {
    const scenario = cover ? (SCENARIOS[n - 1] as ReportScenario) : this.#weightedScenario()
    const at = this.#growing(this.random.next(), HOUR)
    const id = `${scenario.platform}-reported-${scenario.kind}-${n}`
    const url = subjectUrl(scenario, id)
    const subject: SubjectRef = {
      id,
      kind: scenario.kind,
      surface: scenario.surface,
      author: { id: `${scenario.platform}-user-${this.random.int(161, 199)}` },
      text: this.random.pick(scenario.texts),
      url,
    }
    const key = `${scenario.kind}:${id}`
    const planned: PlannedReport = { ...scenario, at, key, subject, url }
    this.#reports.push(planned)
    this.#report(
      planned,
      this.#reporterKind(scenario, cover),
      this.random.pick(scenario.explanations),
    )
    this.#maybeDecide(planned.key, at, this.random.pick(scenario.decisions), false)
  }

  reportOnContent(n: number): void {
    const hits = this.#contents.filter((c) => c.hit && c.at < this.span - HOUR)
    const pool = hits.length > 0 && this.random.chance(0.5) ? hits : this.#contents
    const target = this.random.pick(pool)
    const at = this.#later(target.key, target.at, this.random.int(5 * MINUTE, 2 * DAY))
    const url = target.input.url ?? `https://forum.example/p/${n}`
    const spurious = this.random.pick(SPURIOUS_REPORTS)
    const claim = target.hit ? HIT_REPORTS[target.hit] : spurious
    const planned: PlannedReport = {
      at,
      key: target.key,
      harm: claim.harm,
      platform: target.platform,
      subject: subjectOf(target.input),
      url,
      explanations: [claim.explanation],
      reporters: ['user'],
    }
    this.#report(planned, 'user', claim.explanation)
    if (!target.hit) this.#maybeDecide(target.key, at, noAction(claim.harm, SPURIOUS_WHY), false)
  }

  duplicateReport(n: number): void {
    const original = this.#reports[n % Math.max(1, this.#reports.length)]
    if (!original) return
    const at = this.#later(original.key, original.at, this.random.int(10 * MINUTE, 12 * HOUR))
    const kind = original.reporters.includes('trusted_flagger') && this.random.chance(0.3)
    const explanation = this.random.pick(original.explanations)
    this.#report({ ...original, at }, kind ? 'trusted_flagger' : 'user', explanation)
  }

  events(): PlanEvent[] {
    return this.#events
      .map((event, seq) => ({ event, seq }))
      .sort((a, b) => a.event.at - b.event.at || a.seq - b.seq)
      .map(({ event }) => event)
  }

  #report(planned: PlannedReport, kind: ReporterKind, explanation: string): void {
    const input: ReportInput = {
      subject: planned.subject,
      harm: planned.harm,
      explanation,
      contentUrls: [planned.url],
      reporter: reporterFor(this.random, kind, planned.platform),
      goodFaith: true,
      // @NOTE The law's declarations (OSA s.20): the API refuses an intimate-image notice without them.
      ...(isIntimateImageHarm(planned.harm) ? { declarations: ALL_DECLARED } : {}),
    }
    this.#events.push({ at: planned.at, key: planned.key, type: 'report', input })
  }

  /** `delay` after `from`, but before now and before the subject's case is decided. */
  #later(key: string, from: number, delay: number): number {
    const decidedAt = this.#decided.get(key)
    if (decidedAt === undefined || from + delay < decidedAt) {
      return Math.min(from + delay, this.span - MINUTE)
    }
    return from + Math.floor((decidedAt - from) * this.random.next())
  }

  /** A point in the span for a fraction in [0, 1): activity grows linearly towards now. */
  #growing(fraction: number, margin: number): number {
    return Math.floor(Math.sqrt(fraction) * (this.span - margin))
  }

  /**
   * Urgent harms are decided within hours (all but the last day's); other cases wait longer, so
   * the open queues hold mostly recent cases, with a backlog of a few past their SLA.
   */
  #maybeDecide(key: string, openedAt: number, template: DecisionTemplate, automated: boolean) {
    if (this.#decided.has(key)) return
    const age = this.span - openedAt
    const urgent = URGENT.some((harm) => template.harm.startsWith(harm))
    const delay = urgent ? this.random.int(15 * MINUTE, 6 * HOUR) : this.random.int(HOUR, 3 * DAY)
    const likely = age > 10 * DAY ? 0.9 : age > 3 * DAY ? 0.7 : age > DAY ? 0.25 : 0.05
    const at = openedAt + delay
    if (!(urgent && age > DAY) && !this.random.chance(likely)) return
    if (at > this.span - 10 * MINUTE) return
    this.#decided.set(key, at)
    this.#events.push({ at, key, type: 'decision', input: toDecisionInput(template, automated) })
  }

  #weightedScenario(): ReportScenario {
    let roll = this.random.next() * this.#totalWeight
    for (const scenario of SCENARIOS) {
      roll -= scenario.weight
      if (roll < 0) return scenario
    }
    return SCENARIOS[SCENARIOS.length - 1] as ReportScenario
  }

  /** The first notice of each kind comes from the most official reporter the kind allows. */
  #reporterKind(scenario: ReportScenario, cover: boolean): ReporterKind {
    if (!cover) return this.random.pick(scenario.reporters)
    const ranked: ReporterKind[] = ['authority', 'trusted_flagger', 'user']
    return ranked.find((k) => scenario.reporters.includes(k)) ?? 'user'
  }
}

const SPURIOUS_WHY = 'the post is an ordinary message; being disliked does not make it harmful.'

function subjectOf(input: ContentInput): SubjectRef {
  return {
    id: input.id,
    kind: input.kind,
    surface: input.surface,
    ...(input.author ? { author: input.author } : {}),
    ...(input.text ? { text: input.text } : {}),
    ...(input.url ? { url: input.url } : {}),
  }
}

function subjectUrl(scenario: ReportScenario, id: string): string {
  if (scenario.kind === 'image') return `https://${scenario.platform}.example/media/${id}.jpg`
  return `https://${scenario.platform}.example/m/${id}`
}
