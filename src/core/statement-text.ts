import type { ActionType, DecisionSource } from './decision.js'
import type { Restriction, StatementOfReasons } from './statement-fields.js'
import type { SubjectKind } from './subject.js'

// @NOTE The plain-words rendering of a statement of reasons, for the author: short sentences,
// second person, no legal terms without an explanation. Browser-safe (Intl only).

const NOUN: Record<SubjectKind, string> = {
  text: 'post',
  message: 'message',
  image: 'picture',
  video: 'video',
  url: 'link',
  profile: 'profile',
  account: 'account',
}

/** What the author's content is called in messages: "post", "picture", "account". */
export function contentNoun(kind: SubjectKind): string {
  return NOUN[kind]
}

const ACTION_SENTENCES: Record<ActionType, (noun: string, r: Restriction) => string> = {
  no_action: () => 'We did not restrict anything.',
  remove: (noun) => `We removed your ${noun}.`,
  disable: (noun) => `We made your ${noun} unavailable. Nobody can see it for now.`,
  geo_restrict: (noun, r) =>
    `People in ${places(r.territories ?? [])} can no longer see your ${noun}.`,
  demote: (noun) => `We now show your ${noun} to fewer people.`,
  age_restrict: (noun) => `Only adults can see your ${noun} now.`,
  restrict_interaction: (noun) => `People can no longer reply to or share your ${noun}.`,
  label: (noun, r) =>
    r.label
      ? `We added a warning to your ${noun}. It says: "${r.label}".`
      : `We added a warning to your ${noun}.`,
  demonetise: (noun) => `You can no longer earn money from your ${noun}.`,
  suspend_account: () => 'We suspended your account. You cannot use it for now.',
  terminate_account: () => 'We closed your account.',
  restore: (noun) => `We put your ${noun} back.`,
}

const SOURCE_SENTENCES: Record<DecisionSource, (noun: string) => string> = {
  notice: (noun) => `Someone reported your ${noun} to us.`,
  trusted_flagger: (noun) =>
    `A trusted flagger reported your ${noun} to us. Trusted flaggers are groups that the authorities have approved to report illegal content.`,
  authority: (noun) => `A public authority told us about your ${noun}.`,
  own_initiative: (noun) => `We found your ${noun} ourselves. Nobody reported it.`,
}

const DECISION_SENTENCES: Record<StatementOfReasons['automatedDecision'], string> = {
  AUTOMATED_DECISION_FULLY: 'A computer system made this decision. No person checked it first.',
  AUTOMATED_DECISION_PARTIALLY: 'A computer system helped us make this decision.',
  AUTOMATED_DECISION_NOT_AUTOMATED: 'A person made this decision.',
}

type StatementBody = Omit<StatementOfReasons, 'plainText'>

/** The statement in plain words, as the author reads it. */
export function renderStatementText(statement: StatementBody): string {
  const noun = contentNoun(statement.content.kind)
  return [
    `Reference: ${statement.decisionId}`,
    section(
      'What we did',
      statement.restrictions.map((r) => restrictionText(noun, r)),
    ),
    section('Why', whyText(statement, noun)),
    section('How we found it', [
      SOURCE_SENTENCES[statement.source](noun),
      statement.automatedDetection
        ? `We used automated tools to find your ${noun}.`
        : `We did not use automated tools to find your ${noun}.`,
      DECISION_SENTENCES[statement.automatedDecision],
    ]),
    section('What you can do', redressText(statement)),
  ].join('\n\n')
}

/** A short subject line for the message that carries the statement. */
export function statementSubjectLine(statement: StatementBody): string {
  const noun = contentNoun(statement.content.kind)
  const first = statement.restrictions[0]?.action
  if (first === 'suspend_account') return 'We suspended your account'
  if (first === 'terminate_account') return 'We closed your account'
  if (first === 'remove') return `We removed your ${noun}`
  return `We restricted your ${noun}`
}

function section(title: string, lines: readonly string[]): string {
  return [title, ...lines].join('\n')
}

function restrictionText(noun: string, r: Restriction): string {
  const what = ACTION_SENTENCES[r.action](noun, r)
  const where =
    r.action === 'geo_restrict'
      ? ''
      : r.territories
        ? ` This applies only in ${places(r.territories)}.`
        : ' This applies everywhere.'
  const until = r.endsAt ? ` It ends on ${dateTime(r.endsAt)}.` : ' It has no end date.'
  return `${what}${where}${until}`
}

function whyText(s: StatementBody, noun: string): string[] {
  const lines =
    s.decisionGround === 'DECISION_GROUND_ILLEGAL_CONTENT'
      ? [`We believe your ${noun} is against the law. The law is: ${s.illegalContentLegalGround}.`]
      : [
          `Your ${noun} breaks our rules. The rule is: ${s.incompatibleContentGround}, in version ${s.incompatibleContentVersion} of our terms.`,
          ...(s.decisionGroundReferenceUrl
            ? [`You can read the rule here: ${s.decisionGroundReferenceUrl}`]
            : []),
        ]
  const explanation = s.illegalContentExplanation ?? s.incompatibleContentExplanation
  if (explanation && explanation !== s.decisionFacts) lines.push(explanation)
  lines.push(`What we found: ${s.decisionFacts}`)
  return lines
}

function redressText(s: StatementBody): string[] {
  return [
    `You can ask us to look at this again. It is free. You can ask until ${date(s.redress.internalComplaint.deadline)}. Give us the reference above.`,
    'If you live in the EU, you can also ask an independent dispute body to look at it. The body must be approved under EU law (Digital Services Act, Article 21).',
    'You can also go to court.',
  ]
}

function places(codes: readonly string[]): string {
  const names = new Intl.DisplayNames(['en'], { type: 'region' })
  const list = codes.map((code) => names.of(code) ?? code)
  return new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(list)
}

function date(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  )
}

function dateTime(iso: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  )
  return `${date(iso)} at ${time} UTC`
}

const RESTORE_SENTENCES: Partial<Record<ActionType, (noun: string) => string>> = {
  remove: (noun) => `We put your ${noun} back.`,
  disable: (noun) => `We put your ${noun} back.`,
  geo_restrict: (noun) => `People everywhere can see your ${noun} again.`,
  demote: (noun) => `We show your ${noun} to people as before.`,
  age_restrict: (noun) => `Everyone can see your ${noun} again, not only adults.`,
  restrict_interaction: (noun) => `People can reply to and share your ${noun} again.`,
  label: (noun) => `We took the warning off your ${noun}.`,
  demonetise: (noun) => `You can earn money from your ${noun} again.`,
  suspend_account: () => 'We lifted the suspension of your account.',
  terminate_account: () => 'We opened your account again.',
}

export interface ReversalNotice {
  decisionId: string
  reversesDecisionId: string
  kind: SubjectKind
  /** The actions of the reversed decision that are undone. */
  restores: readonly ActionType[]
  reasons: string
}

/** The message telling the author a decision was reversed, in plain words. */
export function renderReversalText(notice: ReversalNotice): { subjectLine: string; body: string } {
  const noun = contentNoun(notice.kind)
  const undone = [...new Set(notice.restores.map((type) => RESTORE_SENTENCES[type]?.(noun) ?? ''))]
  return {
    subjectLine: `We changed our decision about your ${noun}`,
    body: [
      `Reference: ${notice.decisionId}`,
      section('What we changed', [
        'We looked at our decision again and changed it.',
        ...undone.filter(Boolean),
      ]),
      section('Why', [notice.reasons]),
      `This replaces our decision ${notice.reversesDecisionId}.`,
    ].join('\n\n'),
  }
}
