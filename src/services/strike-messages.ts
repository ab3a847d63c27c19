import type { StrikeStep } from '../core/policy/strikes.js'
import type { AccountRestriction, Sanction } from '../core/strike.js'
import type { Message } from './appeal-messages.js'
import { longDate } from './appeal-messages.js'

// @NOTE What an author is told when the repeat-offender policy acts on their account (DSA Art.
// 23(1)): plain words, the points, what comes next and how to appeal.

export interface StrikeFacts {
  points: number
  expiryDays: number
  /** The next step of the ladder above the points, if any. */
  next: StrikeStep | undefined
}

const APPEAL_LINE =
  'If you think a decision behind this is wrong, you can appeal it. Use the link in the message we sent about that decision.'

function nextLine(next: StrikeStep | undefined): string[] {
  if (!next) return []
  const what =
    next.action === 'termination'
      ? 'we will close your account'
      : next.action === 'suspension'
        ? `we will suspend your account for ${hoursText(next.hours ?? 0)}`
        : 'we will warn you again'
  return [`If your account gets to ${next.atPoints} points, ${what}.`]
}

function hoursText(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`
  return hours === 1 ? '1 hour' : `${hours} hours`
}

/** The message for a warning, suspension or termination the ladder gave. */
export function sanctionMessage(
  sanction: Sanction,
  restriction: AccountRestriction,
  facts: StrikeFacts,
): Message {
  const points = `Your account has ${facts.points} strike points. A strike lasts ${facts.expiryDays} days.`
  if (sanction.kind === 'warning') {
    return {
      kind: 'account_warning',
      subjectLine: 'A warning about your account',
      body: [
        'We took action on something you posted because it broke the law or our rules. This is a warning.',
        points,
        ...nextLine(facts.next),
        APPEAL_LINE,
      ].join('\n\n'),
    }
  }
  if (sanction.kind === 'suspension') {
    const until = restriction.endsAt ? longDate(restriction.endsAt) : 'further notice'
    return {
      kind: 'account_suspension',
      subjectLine: `We suspended your account until ${until}`,
      body: [
        `You broke the law or our rules again after a warning. We suspended your account until ${until} (UTC). You cannot use it until then.`,
        points,
        ...nextLine(facts.next),
        APPEAL_LINE,
      ].join('\n\n'),
    }
  }
  return terminationMessage(points)
}

function terminationMessage(points: string): Message {
  return {
    kind: 'account_termination',
    subjectLine: 'We closed your account',
    body: [
      'You broke the law or our rules many times, after a warning. We closed your account.',
      points,
      APPEAL_LINE,
    ].join('\n\n'),
  }
}

/** The message when a suspension or termination is lifted because its strikes were removed. */
export function liftedMessage(restriction: AccountRestriction): Message {
  const what = restriction.kind === 'termination' ? 'closing' : 'suspension'
  return {
    kind: restriction.kind === 'termination' ? 'account_termination' : 'account_suspension',
    subjectLine: `We lifted the ${what} of your account`,
    body: [
      `A decision behind the ${what} of your account was changed, so we lifted it. You can use your account again.`,
    ].join('\n\n'),
  }
}
