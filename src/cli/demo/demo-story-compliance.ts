import {
  approveAssessment,
  createDraftAssessment,
  recordAlternativeMeasure,
} from '../../compliance/risk-assessments.js'
import { approvalInputSchema, riskAssessmentInputSchema } from '../../core/risk-assessment.js'
import { alternativeMeasureInputSchema } from '../../core/risk-record.js'
import { DEMO_ADMIN } from './demo-actors.js'
import { demoAssessment } from './demo-risk-assessment.js'
import type { DemoRun } from './demo-run.js'
import { ago, DAY, named, type StoryStep } from './demo-story-kit.js'

/** A day `daysBefore` the demo's clock, as YYYY-MM-DD. */
function dayBefore(run: DemoRun, daysBefore: number): string {
  return new Date(run.ctx.clock.now().getTime() - daysBefore * DAY).toISOString().slice(0, 10)
}

/**
 * The risk assessment and code measures (issue 7): the head of trust and safety's team completes
 * the illegal-content risk assessment of the demo service (250,000 monthly UK users, children
 * likely to access it, a few medium risks), the chief executive approves it, and an alternative
 * to one Code measure is recorded, so the matrix shows measures that apply, met ones and gaps.
 */
export function complianceChapter(span: number): StoryStep[] {
  return [
    ago(span, 5 * 24, draftAssessment),
    ago(span, 3 * 24 + 2, approveDraft),
    ago(span, 2 * 24 + 3, recordAlternative),
  ]
}

async function draftAssessment(run: DemoRun): Promise<void> {
  const input = riskAssessmentInputSchema.parse(
    demoAssessment(dayBefore(run, 0), dayBefore(run, 9)),
  )
  const draft = await createDraftAssessment(run.ctx, DEMO_ADMIN, input)
  run.named.set('risk-assessment', draft.id)
}

async function approveDraft(run: DemoRun): Promise<void> {
  const input = approvalInputSchema.parse({
    approvedBy: { name: 'Dana Reid', role: 'Chief Executive, for the board' },
  })
  const approved = await approveAssessment(
    run.ctx,
    DEMO_ADMIN,
    named(run, 'risk-assessment'),
    input,
  )
  run.summary.compliance.assessmentVersion = approved.version
}

async function recordAlternative(run: DemoRun): Promise<void> {
  const input = alternativeMeasureInputSchema.parse({
    measure: 'ICU D2',
    description:
      'Report buttons open our own in-app report form on each post, message and profile; it files the notice through the API (POST /v1/reports). The public report page is not linked from the apps yet.',
    howItComplies:
      'The in-app form is one tap from every item, takes a notice in three steps, explains what happens next, and was tested with a screen reader and keyboard on iOS, Android and the web.',
    freedomOfExpression: 'None: it changes how complaints arrive, not what may be posted.',
    privacy:
      'The form sends only what the person writes and the item reported; signed-in users are not asked for details we already hold.',
    recordedBy: { name: 'Maya Collins', role: 'Head of Trust and Safety' },
  })
  await recordAlternativeMeasure(run.ctx, DEMO_ADMIN, input)
  run.summary.compliance.alternatives += 1
}
