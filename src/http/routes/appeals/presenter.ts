import type { Appeal } from '../../../core/appeal.js'
import type { AppealView } from '../../../services/appeal-view.js'

export function presentAppeal(appeal: Appeal) {
  return appeal
}

export function presentAppealView(view: AppealView) {
  return {
    ...presentAppeal(view.appeal),
    decision: view.decision,
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
