import type { Action, Decision } from './decision.js'
import type { ReportOutcome } from './report.js'

// @NOTE The words reporters read: the acknowledgement (Ofcom D4), what happens next and the
// possible outcomes (D5), and the outcome itself (D5, DSA Art. 16(5)). Aim: reading age 9 to 11.

/** A date and time a person can read, always in UTC so every reader sees the same one. */
export function plainDateTime(at: Date): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(at)
  return `${text} (UK time, UTC)`
}

export const WHAT_HAPPENS_NEXT: readonly string[] = [
  'A trained person checks what you sent us against the law and our rules.',
  'If it breaks them, we act on it. If it is very serious, we act faster.',
  'We tell you what we decided and why, unless you asked us not to.',
]

/** Every outcome a report can have (Ofcom D5). */
export const POSSIBLE_OUTCOMES: readonly string[] = [
  'We take it down, or hide it so people cannot see it.',
  'We make it harder to find, or show it only to adults.',
  'We add a warning to it.',
  'We warn, pause or close the account that posted it.',
  'We leave it up, if it does not break the law or our rules. We will tell you why.',
]

export interface AcknowledgementFacts {
  reference: string
  expectedDecisionBy: Date
  legalDeadline: Date | null
}

export function acknowledgementMessage(facts: AcknowledgementFacts): {
  subjectLine: string
  body: string
} {
  const legal = facts.legalDeadline
    ? [`The law says we must act by ${plainDateTime(facts.legalDeadline)}.`]
    : []
  return {
    subjectLine: `We got your report ${facts.reference}`,
    body: [
      `Thank you. We got your report. Its number is ${facts.reference}.`,
      `We aim to decide by ${plainDateTime(facts.expectedDecisionBy)}.`,
      ...legal,
      '',
      'What happens next:',
      ...WHAT_HAPPENS_NEXT.map((line) => `- ${line}`),
      '',
      'What could happen:',
      ...POSSIBLE_OUTCOMES.map((line) => `- ${line}`),
    ].join('\n'),
  }
}

const ACTION_WORDS: Record<Action['type'], string> = {
  no_action: 'left it up',
  remove: 'took it down',
  disable: 'hid it so people cannot see it',
  demote: 'made it harder to find',
  age_restrict: 'made it so only adults can see it',
  restrict_interaction: 'stopped people replying to it or sharing it',
  label: 'added a warning to it',
  geo_restrict: 'blocked it in some countries',
  demonetise: 'stopped it earning money',
  suspend_account: 'paused the account that posted it',
  terminate_account: 'closed the account that posted it',
  restore: 'put it back',
}

function actionWords(action: Action): string {
  const words = ACTION_WORDS[action.type]
  if (action.type === 'geo_restrict' && action.territories?.length) {
    return `blocked it in these countries: ${action.territories.join(', ')}`
  }
  if (action.durationHours && action.type === 'suspend_account') {
    const days = Math.max(1, Math.round(action.durationHours / 24))
    return `${words} for ${days} day${days === 1 ? '' : 's'}`
  }
  return words
}

/** Which outcome a decision means for the people who reported the content. */
export function outcomeOf(decision: Pick<Decision, 'actions'>): ReportOutcome {
  if (decision.actions.some((a) => a.type === 'restore')) return 'restored'
  const acted = decision.actions.some((a) => a.type !== 'no_action')
  return acted ? 'action_taken' : 'no_action'
}

export const OUTCOME_HEADLINES: Record<ReportOutcome, string> = {
  action_taken: 'We acted on your report.',
  no_action: 'We checked your report and left the content up.',
  restored: 'We looked again and put the content back.',
}

const AUTOMATION_WORDS: Record<Decision['automatedDecision'], string> = {
  not: 'A person made this decision.',
  partially: 'A computer system helped a person make this decision.',
  fully: 'A computer system made this decision on its own.',
}

export interface OutcomeFacts {
  reference: string
  decision: Pick<Decision, 'actions' | 'ground' | 'automatedDecision'>
  decidedAt: Date
  appealByDate: Date
  /** Where to ask us to look again. */
  appealLink: string
}

function groundWords(ground: Decision['ground'], acted: boolean): string {
  if (!acted) return 'We did not find that it breaks the law or our rules.'
  if (ground.type === 'illegal') return `It breaks the law (${ground.offence}).`
  const version = ground.version ? `, version ${ground.version}` : ''
  return `It breaks our rules (${ground.clause}${version}).`
}

export function outcomeMessage(facts: OutcomeFacts): { subjectLine: string; body: string } {
  const outcome = outcomeOf(facts.decision)
  const acted = outcome === 'action_taken'
  // @NOTE A reversal restores each earlier action; the reporter reads "put it back" once.
  const what = [...new Set(facts.decision.actions.map(actionWords))].join(', and ')
  const who = AUTOMATION_WORDS[facts.decision.automatedDecision]
  return {
    subjectLine: `What we decided about your report ${facts.reference}`,
    body: [
      OUTCOME_HEADLINES[outcome],
      `On ${plainDateTime(facts.decidedAt)} we ${what}.`,
      groundWords(facts.decision.ground, acted),
      who,
      '',
      `If you think we got it wrong, you can ask us to look again until ${plainDateTime(facts.appealByDate)}.`,
      `Go to ${facts.appealLink} and give your report number, ${facts.reference}.`,
      'You can also ask an out-of-court dispute body or a court to look at it.',
    ].join('\n'),
  }
}
