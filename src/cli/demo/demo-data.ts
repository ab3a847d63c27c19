import { fixedClock } from '../../core/clock.js'
import { sealAuditLog } from '../../services/audit-seal.js'
import { summariseQueues } from '../../services/queue-summary.js'
import type { ServiceContext } from '../../services/service-context.js'
import { castDemo, DEMO_ADMIN, type DemoKey } from './demo-actors.js'
import { ensureDemoBanks } from './demo-banks.js'
import { type PlanEvent, planDemo } from './demo-plan.js'
import { DemoRun } from './demo-run.js'
import { planStory, type StoryStep } from './demo-story.js'
import type { DemoSummary } from './demo-summary.js'

export { DEMO_ADMIN, DEMO_PLATFORM } from './demo-actors.js'
export type { DemoSummary } from './demo-summary.js'

export const DEMO_DEFAULT_SUBJECTS = 300
export const DEMO_SEED = 20_261_122
const SPAN_MS = 30 * 24 * 3_600_000

export interface DemoOptions {
  subjects?: number
  seed?: number
  /** Called after each step with how many of how many are done. */
  onProgress?(done: number, total: number): void
  /** Given each demo flagger's new API key, to keep (the CLI writes it to the data folder). */
  onKey?(key: DemoKey): void
}

type Step = { at: number } & ({ event: PlanEvent } | { story: StoryStep })

/**
 * Loads the demo through the real services, as a demo admin, platform, flaggers, the public
 * report page and moderators would, with a clock that walks from 30 days ago to now so the audit
 * log, cases and SLAs look lived in. At the end the escalation sweep marks the cases whose
 * deadline nears or has passed, as the worker would.
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
  const run = new DemoRun(demo, await castDemo(demo, options.onKey))
  const steps = stepsOf(options)
  for (const [index, step] of steps.entries()) {
    clock.set(new Date(end - SPAN_MS + step.at))
    if ('event' in step) await runEvent(run, step.event, index)
    else await step.story.run(run)
    options.onProgress?.(index + 1, steps.length)
  }
  clock.set(new Date(end))
  await run.sweep()
  run.summary.queues = (await summariseQueues(demo)).queues.map(
    ({ id, open, claimed, nearing, overdue }) => ({ id, open, claimed, nearing, overdue }),
  )
  const summary = run.totals()
  summary.auditSealed = await sealAuditLog(ctx)
  summary.ms = Math.round(performance.now() - started)
  return summary
}

/** The seeded plan and the scripted story, in time order (the plan first at the same moment). */
function stepsOf(options: DemoOptions): Step[] {
  const subjects = options.subjects ?? DEMO_DEFAULT_SUBJECTS
  const events = planDemo({ subjects, seed: options.seed ?? DEMO_SEED, spanMs: SPAN_MS })
  const steps: Step[] = [
    ...events.map((event) => ({ at: event.at, event })),
    ...planStory(SPAN_MS).map((story) => ({ at: story.at, story })),
  ]
  return steps
    .map((step, seq) => ({ step, seq }))
    .sort((a, b) => a.step.at - b.step.at || a.seq - b.seq)
    .map(({ step }) => step)
}

async function runEvent(run: DemoRun, event: PlanEvent, index: number): Promise<void> {
  if (event.type === 'content') {
    await run.ingest(event.input)
  } else if (event.type === 'report') {
    await run.report(event.input)
  } else {
    const caseId = run.openCaseOf(event.key)
    if (!caseId) return
    const moderator = run.cast.moderators[index % run.cast.moderators.length]
    if (moderator) await run.decide(moderator, caseId, event.input)
  }
}
