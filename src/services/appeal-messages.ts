import type { Appeal, AppealOutcome } from '../core/appeal.js'
import type { NotificationKind } from '../core/notification.js'

// @NOTE Messages to appellants, in plain words a child can read (OSA s.21: easy to use, including
// by children). The platform delivers them; the public status page shows the same words.

export interface Message {
  kind: NotificationKind
  subjectLine: string
  body: string
}

function what(appeal: Pick<Appeal, 'decisionId'>): string {
  return appeal.decisionId ? 'appeal' : 'complaint'
}

export function longDate(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(at)
}

/** Sent when an appeal or complaint arrives (Ofcom ICU D4: with an indicative time). */
export function acknowledgementMessage(appeal: Appeal, due: Date): Message {
  const noun = what(appeal)
  const lines = [
    `Thank you. We got your ${noun}. Your reference is ${appeal.reference}.`,
    appeal.decisionId
      ? 'A different person from the one who made the decision will look at it again. A computer will not decide it.'
      : 'A person will look at it.',
    `We aim to answer by ${longDate(due)}.`,
    ...(appeal.expedited
      ? ['Because it is about intimate images, we deal with it faster than other complaints.']
      : []),
    'We will tell you what we decided and why.',
  ]
  return {
    kind: 'appeal_acknowledged',
    subjectLine: `We got your ${noun} ${appeal.reference}`,
    body: lines.join('\n\n'),
  }
}

const OUTCOME_SENTENCES: Record<AppealOutcome, (appeal: Appeal) => string> = {
  upheld: () => 'We looked at the decision again. We think it was right, so it stays.',
  reversed: (appeal) =>
    appeal.appellantRole === 'reporter'
      ? 'We looked at the decision again. We think it was wrong, so we changed it.'
      : 'We looked at the decision again. We think it was wrong, so we undid it. If we took anything down, we have asked for it to be put back, and any strike it gave your account is gone.',
  resolved: () => 'We looked at your complaint.',
}

/** Sent when an appeal is decided: the outcome, the reasons and the other ways to redress. */
export function outcomeMessage(appeal: Appeal, outcome: AppealOutcome, reasons: string): Message {
  const lines = [
    `Reference: ${appeal.reference}`,
    OUTCOME_SENTENCES[outcome](appeal),
    `Why: ${reasons}`,
    ...(appeal.decisionId
      ? [
          'If you still disagree and live in the EU, you can ask an independent dispute body to look at it. The body must be approved under EU law (Digital Services Act, Article 21). It is free or cheap for you, and we will take part in good faith.',
        ]
      : []),
    'You can also go to court.',
  ]
  return {
    kind: 'appeal_outcome',
    subjectLine: `We decided your ${what(appeal)} ${appeal.reference}`,
    body: lines.join('\n\n'),
  }
}
