/** Messages Vigil owes people; the platform delivers them (in-app or by email). */
export const NOTIFICATION_KINDS = [
  'report_acknowledged',
  'report_outcome',
  'statement_of_reasons',
  'appeal_acknowledged',
  'appeal_outcome',
  'account_warning',
  'account_suspension',
  'account_termination',
  'reporter_warning',
  'reporter_restriction',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const RECIPIENT_ROLES = ['reporter', 'author', 'appellant', 'flagger'] as const
export type RecipientRole = (typeof RECIPIENT_ROLES)[number]

/** `queued`: handed to the platform; `suppressed`: the recipient opted out (Ofcom D6). */
export type NotificationStatus = 'queued' | 'suppressed'

export interface NotificationInput {
  kind: NotificationKind
  recipientRole: RecipientRole
  /** The recipient's account id on the platform, when known. */
  recipientId: string | null
  recipientEmail: string | null
  reportId?: string
  decisionId?: string
  appealId?: string
  subjectLine: string
  /** Plain text, in plain words. */
  body: string
  /** False when the recipient opted out of follow-up messages. */
  followUp: boolean
}

export interface Notification extends Omit<NotificationInput, 'followUp'> {
  id: string
  status: NotificationStatus
  createdAt: Date
}
