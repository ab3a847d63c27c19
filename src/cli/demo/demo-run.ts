import { type AppealDecisionInput, appealDecisionInputSchema } from '../../core/appeal.js'
import {
  type Decision,
  type DecisionInput,
  decisionInputSchema,
  isRestrictive,
} from '../../core/decision.js'
import { ConflictError } from '../../core/errors.js'
import { preservesHarm } from '../../core/policy/evidence.js'
import { type ReporterKind, type ReportInput, reportInputSchema } from '../../core/report.js'
import type { Actor } from '../../core/roles.js'
import { type ContentInput, contentInputSchema } from '../../core/subject.js'
import { claimCase } from '../../services/claim-case.js'
import { decideAppeal } from '../../services/decide-appeal.js'
import { escalateDueCases } from '../../services/escalate-cases.js'
import type { PreservationJob } from '../../services/evidence-preserve.js'
import { runPreservation } from '../../services/evidence-preserve-job.js'
import { type AppealFiling, type AppealReceipt, fileAppeal } from '../../services/file-appeal.js'
import {
  type FileReportOptions,
  fileReport,
  type ReportReceipt,
} from '../../services/file-report.js'
import { type IngestResult, ingestContent } from '../../services/ingest-content.js'
import { recordDecision } from '../../services/record-decision.js'
import { JOB, type ServiceContext } from '../../services/service-context.js'
import { DEMO_PLATFORM, type DemoCast } from './demo-actors.js'
import { type DemoSummary, emptySummary } from './demo-summary.js'

const SWEEP_BATCH = 100
const PRESERVE_BATCH = 10

/**
 * One load of the demo: every step goes through the real services (as the platform, a flagger,
 * the public page or a moderator would call them, inputs checked by the API's own schemas) and
 * is counted in the summary.
 */
export class DemoRun {
  readonly summary: DemoSummary = emptySummary()
  /** What the story needs again later (case, decision and appeal ids), by a name it chose. */
  readonly named = new Map<string, string>()
  readonly #subjects = new Set<string>()
  readonly #cases = new Set<string>()
  readonly #decidedCases = new Set<string>()
  readonly #harms = new Set<string>()
  /** The open case of each subject, by `kind:externalId`. */
  readonly #openCase = new Map<string, string>()

  constructor(
    readonly ctx: ServiceContext,
    readonly cast: DemoCast,
  ) {}

  async ingest(input: ContentInput): Promise<IngestResult> {
    const { body } = await ingestContent(this.ctx, DEMO_PLATFORM, contentInputSchema.parse(input))
    const key = `${input.kind}:${input.id}`
    this.#subjects.add(key)
    this.summary.content += 1
    this.summary.verdicts[body.verdict] += 1
    if (body.caseId) this.#opened(key, body.caseId)
    return body
  }

  /** Files a notice through the API: a flagger's with its own key, anyone else's via the platform. */
  async report(input: ReportInput, actor = this.#reporterActor(input.reporter.kind)) {
    return this.#file(actor, reportInputSchema.parse(input), {})
  }

  /** Files what the public report page parsed from its form, as the page does. */
  async reportOnPage(input: ReportInput, actor: Actor, address: string): Promise<ReportReceipt> {
    return this.#file(actor, input, { channel: 'public_page', address })
  }

  /** The subject's open case, by `kind:externalId`. */
  openCaseOf(key: string): string | undefined {
    return this.#openCase.get(key)
  }

  async decide(actor: Actor, caseId: string, input: DecisionInput): Promise<Decision> {
    const decision = await recordDecision(this.ctx, actor, caseId, decisionInputSchema.parse(input))
    this.#closed(caseId)
    this.summary.decisions += 1
    if (input.actions.every((a) => a.type === 'no_action')) this.summary.noAction += 1
    const { evidence } = this.ctx.policy
    if (isRestrictive(input.actions) && preservesHarm(evidence, input.harm)) await this.preserve()
    return decision
  }

  /**
   * Runs the queued preservations as the worker's `evidence.preserve` job would a moment after
   * their cause (a restricting decision in a preserving harm, an authority's request), on the
   * demo's clock. Returns how many ran.
   */
  async preserve(): Promise<number> {
    let ran = 0
    for (;;) {
      const jobs = await this.ctx.jobs.fetch<PreservationJob>(JOB.evidencePreserve, PRESERVE_BATCH)
      for (const job of jobs) {
        await runPreservation(this.ctx, job.data, { lastAttempt: false })
        await this.ctx.jobs.complete(JOB.evidencePreserve, job.id)
      }
      ran += jobs.length
      this.summary.evidence.preservations += jobs.length
      if (jobs.length < PRESERVE_BATCH) return ran
    }
  }

  /** Claims the case unless someone holds it (a demo loaded again finds its earlier claims). */
  async claim(actor: Actor, caseId: string, minutes: number): Promise<boolean> {
    try {
      await claimCase(this.ctx, actor, caseId, minutes)
    } catch (error) {
      if (error instanceof ConflictError) return false
      throw error
    }
    this.summary.claimed += 1
    return true
  }

  async appeal(filing: Omit<AppealFiling, 'channel' | 'followUp'>): Promise<AppealReceipt> {
    const full: AppealFiling = { ...filing, followUp: true, channel: 'api' }
    const { body } = await fileAppeal(this.ctx, DEMO_PLATFORM, full)
    this.#cases.add(body.caseId)
    this.summary.appeals.filed += 1
    this.summary.appeals.open += 1
    if (filing.kind === 'proactive_technology') this.summary.appeals.proactiveTechnology += 1
    return body
  }

  async decideAppeal(actor: Actor, appealId: string, input: AppealDecisionInput): Promise<void> {
    const settled = await decideAppeal(
      this.ctx,
      actor,
      appealId,
      appealDecisionInputSchema.parse(input),
    )
    if (settled.appeal.caseId) this.#closed(settled.appeal.caseId)
    this.summary.appeals.open -= 1
    if (settled.appeal.status === 'reversed') this.summary.appeals.reversed += 1
  }

  /** The worker's escalation sweep, run until no case is left to mark. */
  async sweep(): Promise<void> {
    for (;;) {
      const moved = await escalateDueCases(this.ctx, SWEEP_BATCH)
      this.summary.escalated += moved
      if (moved < SWEEP_BATCH) return
    }
  }

  /** The summary with its totals filled in. */
  totals(): DemoSummary {
    const summary = this.summary
    summary.subjects = this.#subjects.size
    summary.casesOpened = this.#cases.size
    summary.casesDecided = this.#decidedCases.size
    summary.openCases = this.#cases.size - this.#decidedCases.size
    summary.reportedHarms = this.#harms.size
    return summary
  }

  async #file(actor: Actor, input: ReportInput, options: FileReportOptions) {
    const { body } = await fileReport(this.ctx, actor, input, options)
    const key = `${input.subject.kind}:${input.subject.id}`
    this.#subjects.add(key)
    this.#harms.add(input.harm)
    this.#opened(key, body.caseId)
    const kind = actor.flaggerKind ?? input.reporter.kind
    this.summary.reports += 1
    this.summary.reportsBy[kind] = (this.summary.reportsBy[kind] ?? 0) + 1
    const flagger = actor.flaggerId && this.cast.flaggerNames.get(actor.flaggerId)
    if (flagger) {
      const count = this.summary.flaggerNotices
      count[flagger] = (count[flagger] ?? 0) + 1
    }
    return body
  }

  #reporterActor(kind: ReporterKind): Actor {
    if (kind === 'authority') return this.cast.flaggers.police
    if (kind === 'trusted_flagger') return this.cast.flaggers.ngo
    return DEMO_PLATFORM
  }

  #opened(key: string, caseId: string): void {
    this.#cases.add(caseId)
    this.#openCase.set(key, caseId)
  }

  #closed(caseId: string): void {
    this.#decidedCases.add(caseId)
    for (const [key, id] of this.#openCase) if (id === caseId) this.#openCase.delete(key)
  }
}
