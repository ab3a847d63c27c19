import {
  applicableMeasures,
  type MeasureApplicability,
  type MeasureApplication,
  measureKey,
} from '../core/code-measures.js'
import { AppError } from '../core/errors.js'
import { levelsOf } from '../core/risk-assessment.js'
import type { AlternativeMeasure, RiskAssessment } from '../core/risk-record.js'
import { findApprovedAssessment, listAlternatives } from '../storage/repos/risk-assessment-repo.js'
import type { MeasureStatus, VigilSetup } from './measure-setup.js'
import { type MeasureContext, measureStatus, readSetup } from './measure-status.js'
import { getAssessmentOrThrow } from './risk-assessments.js'

export interface MatrixRow extends MeasureApplication {
  key: string
  /** Null when the measure does not apply or is not in force. */
  status: MeasureStatus | null
  /** Alternatives recorded for it (s.23(4)), newest first. */
  alternatives: AlternativeMeasure[]
}

export interface MeasureMatrix {
  generatedAt: string
  assessment: Pick<RiskAssessment, 'id' | 'version' | 'status' | 'approvedAt'> & {
    serviceName: string
  }
  applicability: Omit<MeasureApplicability, 'measures'>
  measures: MatrixRow[]
  /** What owed measures lack in Vigil's configuration, with what to configure. */
  gaps: {
    /** The owed measures this gap holds back (a PCU row often repeats an ICU one). */
    measures: string[]
    status: 'not_met' | 'partly'
    gap: string
    /** Every measure it holds back has an alternative recorded (s.23(4)). */
    alternativeRecorded: boolean
  }[]
  notes: string[]
}

/** Each gap once, with every owed measure it holds back (a PCU row often repeats an ICU one). */
function gapsOf(rows: MatrixRow[]): MeasureMatrix['gaps'] {
  const gaps = new Map<string, MeasureMatrix['gaps'][number]>()
  for (const row of rows) {
    const s = row.status
    if (!row.owed || !s || (s.status !== 'not_met' && s.status !== 'partly')) continue
    for (const gap of s.gaps) {
      const seen = gaps.get(gap)
      if (seen) {
        seen.measures.push(row.key)
        seen.alternativeRecorded &&= row.alternatives.length > 0
        continue
      }
      const alternativeRecorded = row.alternatives.length > 0
      gaps.set(gap, { measures: [row.key], status: s.status, gap, alternativeRecorded })
    }
  }
  return [...gaps.values()]
}

function notesOf(assessment: RiskAssessment, setup: VigilSetup): string[] {
  const notes = [
    'Status says whether Vigil’s configuration carries a measure out; "outside_vigil" names what only the service can do; governance measures are recorded, not checked.',
    'Rows marked ⚠ were not checked against the primary text (research/regulation.md); confirm them against the Codes.',
  ]
  const active = setup.banks.filter((b) => b.enabled && b.activeEntries > 0).length
  if (!assessment.profile.proactiveTechnology && (active > 0 || setup.classifiers.length > 0)) {
    notes.push(
      `The profile says no proactive technology takes down or restricts content, but Vigil runs ${active} banks and ${setup.classifiers.join(', ') || 'no classifiers'}: check profile.proactiveTechnology (D11).`,
    )
  }
  return notes
}

function row(
  m: MeasureApplication,
  setup: VigilSetup,
  alternatives: AlternativeMeasure[],
): MatrixRow {
  const key = measureKey(m)
  const checked = m.applies !== 'no' && m.stage !== 'not_in_force'
  return {
    ...m,
    key,
    status: checked ? measureStatus(m, setup) : null,
    alternatives: alternatives.filter((a) => a.measure === key),
  }
}

/**
 * The code-measure matrix for an assessment (by default the approved one): which measures
 * apply and why, whether Vigil's configuration carries each out, the gaps and the alternatives.
 */
export async function measureMatrix(
  ctx: MeasureContext,
  assessmentId?: string,
): Promise<MeasureMatrix> {
  const assessment = assessmentId
    ? await getAssessmentOrThrow(ctx, assessmentId)
    : await findApprovedAssessment(ctx.db)
  if (!assessment) {
    throw new AppError(
      'not_found',
      'there is no approved risk assessment yet: create one (POST /v1/risk-assessments) and approve it, or name a draft with assessmentId',
    )
  }
  const now = ctx.clock.now()
  const { measures, ...applicability } = applicableMeasures(
    assessment.profile,
    levelsOf(assessment.harms),
    now.toISOString().slice(0, 10),
  )
  const setup = await readSetup(ctx, assessment.responsiblePerson)
  const alternatives = await listAlternatives(ctx.db)
  const rows = measures.map((m) => row(m, setup, alternatives))
  return {
    generatedAt: now.toISOString(),
    assessment: {
      id: assessment.id,
      version: assessment.version,
      status: assessment.status,
      approvedAt: assessment.approvedAt,
      serviceName: assessment.profile.serviceName,
    },
    applicability,
    measures: rows,
    gaps: gapsOf(rows),
    notes: notesOf(assessment, setup),
  }
}
