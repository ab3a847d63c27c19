import { fixedClock } from '../../core/clock.js'
import type { Actor } from '../../core/roles.js'
import type { Verdict } from '../../core/subject.js'
import { sealAuditLog } from '../../services/audit-seal.js'
import { fileReport } from '../../services/file-report.js'
import { ingestContent } from '../../services/ingest-content.js'
import { recordDecision } from '../../services/record-decision.js'
import type { ServiceContext } from '../../services/service-context.js'
import { ensureDemoBanks } from './demo-banks.js'
import { type PlanEvent, planDemo } from './demo-plan.js'

export const DEMO_ADMIN: Actor = { id: 'demo:admin', role: 'admin', name: 'Demo admin' }
export const DEMO_PLATFORM: Actor = {
  id: 'demo:platform',
  role: 'platform',
  name: 'Demo platforms (forum, game, dating app)',
}
const MODERATORS: readonly Actor[] = [
  { id: 'demo:moderator-asha', role: 'moderator', name: 'Asha (demo moderator)' },
  { id: 'demo:moderator-tom', role: 'moderator', name: 'Tom (demo moderator)' },
  { id: 'demo:moderator-ines', role: 'moderator', name: 'Inès (demo moderator)' },
]

export const DEMO_DEFAULT_SUBJECTS = 300
export const DEMO_SEED = 20_261_122
const SPAN_MS = 30 * 24 * 3_600_000

export interface DemoOptions {
  subjects?: number
  seed?: number
  /** Called after each step with how many of how many are done. */
  onProgress?(done: number, total: number): void
}

export interface DemoSummary {
  subjects: number
  content: number
  verdicts: Record<Verdict, number>
  reports: number
  reportsBy: Record<string, number>
  reportedHarms: number
  casesOpened: number
  decisions: number
  noAction: number
  openCases: number
  auditSealed: number
  ms: number
}

interface LoadState {
  summary: DemoSummary
  subjects: Set<string>
  cases: Set<string>
  harms: Set<string>
  /** The open case of each subject, by `kind:externalId`. */
  openCase: Map<string, string>
}

/**
 * Loads the demo through the real services, as a demo admin, platform and moderators would, with
 * a clock that walks from 30 days ago to now so the audit log, cases and SLAs look lived in.
 */
export async function loadDemoData(
  ctx: ServiceContext,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const started = performance.now()
  const end = ctx.clock.now().getTime()
  const clock = fixedClock(new Date(end - SPAN_MS))
  const demo: ServiceContext = { ...ctx, clock }
  await ensureDemoBanks(demo, DEMO_ADMIN)
  const subjects = options.subjects ?? DEMO_DEFAULT_SUBJECTS
  const events = planDemo({ subjects, seed: options.seed ?? DEMO_SEED, spanMs: SPAN_MS })
  const state = emptyState()
  let elapsed = 0
  for (const [index, event] of events.entries()) {
    clock.advance(event.at - elapsed)
    elapsed = event.at
    await runEvent(demo, event, state, index)
    options.onProgress?.(index + 1, events.length)
  }
  const summary = state.summary
  summary.auditSealed = await sealAuditLog(ctx)
  summary.subjects = state.subjects.size
  summary.casesOpened = state.cases.size
  summary.openCases = state.cases.size - summary.decisions
  summary.reportedHarms = state.harms.size
  summary.ms = Math.round(performance.now() - started)
  return summary
}

async function runEvent(
  ctx: ServiceContext,
  event: PlanEvent,
  state: LoadState,
  index: number,
): Promise<void> {
  const { summary } = state
  if (event.type === 'content') {
    const { body } = await ingestContent(ctx, DEMO_PLATFORM, event.input)
    state.subjects.add(event.key)
    summary.content += 1
    summary.verdicts[body.verdict] += 1
    if (body.caseId) opened(state, event.key, body.caseId)
  } else if (event.type === 'report') {
    const { body } = await fileReport(ctx, DEMO_PLATFORM, event.input)
    state.subjects.add(event.key)
    state.harms.add(event.input.harm)
    summary.reports += 1
    const kind = event.input.reporter.kind
    summary.reportsBy[kind] = (summary.reportsBy[kind] ?? 0) + 1
    opened(state, event.key, body.caseId)
  } else {
    const caseId = state.openCase.get(event.key)
    if (!caseId) return
    const moderator = MODERATORS[index % MODERATORS.length] as Actor
    await recordDecision(ctx, moderator, caseId, event.input)
    state.openCase.delete(event.key)
    summary.decisions += 1
    if (event.input.actions.every((a) => a.type === 'no_action')) summary.noAction += 1
  }
}

function opened(state: LoadState, key: string, caseId: string): void {
  state.cases.add(caseId)
  state.openCase.set(key, caseId)
}

function emptyState(): LoadState {
  return {
    summary: {
      subjects: 0,
      content: 0,
      verdicts: { allow: 0, review: 0, hold: 0, block: 0 },
      reports: 0,
      reportsBy: {},
      reportedHarms: 0,
      casesOpened: 0,
      decisions: 0,
      noAction: 0,
      openCases: 0,
      auditSealed: 0,
      ms: 0,
    },
    subjects: new Set(),
    cases: new Set(),
    harms: new Set(),
    openCase: new Map(),
  }
}
