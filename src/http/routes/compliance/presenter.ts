import type { MeasureMatrix } from '../../../compliance/measure-matrix.js'
import type { AssessmentExport } from '../../../compliance/render-assessment.js'
import type { AlternativeMeasure, RiskAssessment } from '../../../core/risk-record.js'

const iso = (date: Date | null) => date?.toISOString() ?? null

export function presentAssessment(a: RiskAssessment) {
  return {
    ...a,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    approvedAt: iso(a.approvedAt),
    supersededAt: iso(a.supersededAt),
  }
}

export function presentSummary(a: RiskAssessment) {
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    serviceName: a.profile.serviceName,
    completedOn: a.completedOn,
    responsiblePerson: a.responsiblePerson,
    approvedBy: a.approvedBy,
    approvedAt: iso(a.approvedAt),
    supersededAt: iso(a.supersededAt),
    createdAt: a.createdAt.toISOString(),
    levels: Object.fromEntries(a.harms.map((h) => [h.kind, h.level])),
  }
}

export function presentExport(e: AssessmentExport) {
  return {
    assessment: presentAssessment(e.assessment),
    liveEvidence: e.liveEvidence,
    liveEvidenceAsOf: e.liveEvidenceAsOf,
    history: e.history.map(presentSummary),
  }
}

export function presentAlternative(a: AlternativeMeasure) {
  return { ...a, recordedAt: a.recordedAt.toISOString() }
}

export function presentMatrix(m: MeasureMatrix) {
  return {
    ...m,
    assessment: { ...m.assessment, approvedAt: iso(m.assessment.approvedAt) },
    measures: m.measures.map((r) => ({
      ...r,
      alternatives: r.alternatives.map(presentAlternative),
    })),
  }
}
