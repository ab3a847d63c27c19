import type { Appeal } from '../../../core/appeal.js'
import type { Decision } from '../../../core/decision.js'
import type { AppealView } from '../../../services/appeal-view.js'
import { presentDecision } from '../cases/presenter.js'

export function presentAppeal(appeal: Appeal) {
  return appeal
}

export function presentAppealView(view: AppealView) {
  return {
    ...presentAppeal(view.appeal),
    decision: view.decision && presentDecision(view.decision),
    case: view.case,
    notifications: view.notifications.map(
      ({ id, kind, recipientRole, status, subjectLine, createdAt }) => ({
        id,
        kind,
        recipientRole,
        status,
        subjectLine,
        createdAt,
      }),
    ),
  }
}

/** A settled appeal, with the reversal it recorded, if any. */
export function presentSettlement(settled: { appeal: Appeal; reversal: Decision | null }) {
  return {
    appeal: presentAppeal(settled.appeal),
    reversal: settled.reversal && presentDecision(settled.reversal),
  }
}
