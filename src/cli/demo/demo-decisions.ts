import type { Action, DecisionInput, Ground } from '../../core/decision.js'

/** What a moderator decides about one kind of case, minus the automation flags. */
export interface DecisionTemplate {
  harm: string
  ground: Ground
  actions: Action[]
  statement: string
}

export const GUIDELINES: Ground = {
  type: 'terms',
  clause: 'Community Guidelines §3.2',
  version: '2026-01',
}

export function illegal(offence: string): Ground {
  return { type: 'illegal', offence }
}

export function toDecisionInput(
  template: DecisionTemplate,
  automatedDetection: boolean,
): DecisionInput {
  return { ...template, automatedDetection, automatedDecision: 'not' }
}

/** Reviewed and found within the law and the guidelines. */
export function noAction(harm: string, why: string): DecisionTemplate {
  return {
    harm,
    ground: GUIDELINES,
    actions: [{ type: 'no_action' }],
    statement: `We reviewed this against the law and our Community Guidelines and found no breach: ${why}`,
  }
}

export const HIT_DECISIONS = {
  threat: {
    harm: 'illegal.harassment.threat_to_life',
    ground: illegal('Online Safety Act 2023 s.181'),
    actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 168 }],
    statement:
      'The message threatens serious harm to a specific person and was meant to be taken seriously. ' +
      'We removed it and suspended the account for seven days.',
  },
  banter: noAction(
    'illegal.harassment.threat_to_life',
    'the phrase matched our threat list, but in context it is friendly game banter between players.',
  ),
  scam: {
    harm: 'illegal.fraud',
    ground: illegal('Fraud Act 2006 s.2'),
    actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 720 }],
    statement:
      'The post links to a known phishing and gift-card scam domain to take money or log-in details. ' +
      'We removed it and suspended the account for 30 days.',
  },
  terror_media: {
    harm: 'illegal.terrorism',
    ground: illegal('Terrorism Act 2006 s.2'),
    actions: [{ type: 'remove' }, { type: 'terminate_account' }],
    statement:
      'The upload matches known terrorist propaganda in our hash list and was shared to spread it. ' +
      'We removed it and closed the account.',
  },
} satisfies Record<string, DecisionTemplate>
