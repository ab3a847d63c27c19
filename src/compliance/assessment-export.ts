import { listAssessments } from '../storage/repos/risk-assessment-repo.js'
import { liveEvidence } from './live-evidence.js'
import type { AssessmentExport } from './render-assessment.js'
import { getAssessmentOrThrow, type RecordsContext } from './risk-assessments.js'

/**
 * A version with its live evidence (the snapshot kept at approval; for a draft, the figures as
 * they stand now) and the history of every version, for the JSON and HTML exports.
 */
export async function assessmentExport(ctx: RecordsContext, id: string): Promise<AssessmentExport> {
  const assessment = await getAssessmentOrThrow(ctx, id)
  const history = await listAssessments(ctx.db)
  if (assessment.liveEvidence) {
    return {
      assessment,
      liveEvidence: assessment.liveEvidence,
      liveEvidenceAsOf: 'approval',
      history,
    }
  }
  const live = await liveEvidence(ctx.db, ctx.clock.now())
  return { assessment, liveEvidence: live, liveEvidenceAsOf: 'now', history }
}
