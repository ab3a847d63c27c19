import type { DecisionInput } from '../../core/decision.js'
import type { ReporterKind, ReportInput } from '../../core/report.js'
import type { ContentInput, SubjectRef } from '../../core/subject.js'
import { KNOWN_MEDIA } from './demo-banks.js'
import { type DecisionTemplate, HIT_DECISIONS, noAction, toDecisionInput } from './demo-decisions.js'
import { REPORT_SCENARIOS, type ReportScenario } from './demo-reports.js'
import { MORE_SCENARIOS, SPURIOUS_REPORTS } from './demo-reports-more.js'
import { contentItem, type PlannedContent } from './demo-content.js'
import { mulberry32, type Random } from './prng.js'
import { reporterFor } from './demo-reporters.js'

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

const HIT_REPORTS = {
  threat: { harm: 'illegal.harassment.threat_to_life', explanation: 'This message threatens me.' },
  banter: { harm: 'illegal.harassment.threat_to_life', explanation: 'He said he will kill me.' },
  scam: { harm: 'illegal.fraud', explanation: 'This link is a scam, it asked for my bank log-in.' },
  terror_media: { harm: 'illegal.terrorism', explanation: 'This image is terrorist propaganda.' },
} as const

interface PlannedReport {
  at: number
  key: string
  scenario: ReportScenario
  subject: SubjectRef
  url: string
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
  for (let n = 1; n <= options.subjects - fresh; n += 1) planner.content(n)
  for (let n = 1; n <= fresh; n += 1) planner.freshReport(n, n <= SCENARIOS.length)
  for (let n = 1; n <= onContent; n += 1) planner.reportOnContent(n)
  for (let n = 1; n <= reports - fresh - onContent; n += 1) planner.duplicateReport(n)
  return planner.events()
}

class DemoPlanner {
  readonly #events: PlanEvent[] = []
  readonly #contents: PlannedContent[] = []
  readonly #reports: PlannedReport[] = []
  readonly #decided = new Set<string>()
  readonly #totalWeight = SCENARIOS.reduce((sum, s) => sum + s.weight, 0)

  constructor(
    private readonly random: Random,
    private readonly span: number,
  ) {}

  content(n: number): void {
    const at = Math.floor(((n - 1 + this.random.next()) / 400) * 0 + this.random.next() * this.span)
    const item = contentItem(this.random, n, at)
    this.#contents.push(item)
    this.#events.push({ at, key: item.key, type: 'content', input: item.input })
    if (item.hit) this.#maybeDecide(item.key, at, HIT_DECISIONS[item.hit], true)
  }

  freshReport(n: number, cover: boolean): void {
    const scenario = cover ? (SCENARIOS[n - 1] as ReportScenario) : this.#weightedScenario()
    const at = Math.floor(this.random.next() * (this.span - HOUR))
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
    const planned = { at, key: `${scenario.kind}:${id}`, scenario, subject, url }
    this.#reports.push(planned)
    this.#report(planned, this.#reporterKind(scenario, cover), this.random.pick(scenario.explanations))
    this.#maybeDecide(planned.key, at, this.random.pick(scenario.decisions), false)
  }

  reportOnContent(n: number): void {
    const hits = this.#contents.filter((c) => c.hit && c.at < this.span - HOUR)
    const pool = hits.length > 0 && this.random.chance(0.5) ? hits : this.#contents
    const target = this.random.pick(pool)
    const at = Math.min(target.at + this.random.int(5 * MINUTE, 2 * DAY), this.span - MINUTE)
    const url = target.input.url ?? `https://forum.example/p/${n}`
    const spurious = this.random.pick(SPURIOUS_REPORTS)
    const claim = target.hit ? HIT_REPORTS[target.hit] : spurious
    const scenario = { ...(SCENARIOS[0] as ReportScenario), harm: claim.harm, platform: 'forum' as const }
    const planned = { at, key: target.key, scenario, subject: subjectOf(target.input), url }
    this.#report(planned, 'user', claim.explanation)
    if (!target.hit) this.#maybeDecide(target.key, at, noAction(claim.harm, SPURIOUS_WHY), false)
  }

  duplicateReport(n: number): void {
    const original = this.#reports[n % Math.max(1, this.#reports.length)]
    if (!original) return
    const at = Math.min(original.at + this.random.int(10 * MINUTE, 12 * HOUR), this.span - MINUTE)
    const kind = original.scenario.reporters.includes('trusted_flagger') && this.random.chance(0.3)
    const explanation = this.random.pick(original.scenario.explanations)
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
      harm: planned.scenario.harm,
      explanation,
      contentUrls: [planned.url],
      reporter: reporterFor(this.random, kind, planned.scenario),
      goodFaith: true,
    }
    this.#events.push({ at: planned.at, key: planned.key, type: 'report', input })
  }

  /** Older cases are more likely to have been decided; the newest mostly wait in the queues. */
  #maybeDecide(key: string, openedAt: number, template: DecisionTemplate, automated: boolean) {
    if (this.#decided.has(key)) return
    const age = this.span - openedAt
    const at = openedAt + this.random.int(20 * MINUTE, 30 * HOUR)
    if (!this.random.chance(age > 3 * DAY ? 0.62 : 0.2) || at > this.span - 10 * MINUTE) return
    this.#decided.add(key)
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

export { KNOWN_MEDIA }
