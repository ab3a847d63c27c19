import type { ApiKeyTable } from './api-key.js'
import type { AppealTokenTable, NoticeAssessmentTable } from './appeal-token.js'
import type { AuditEntryTable } from './audit-entry.js'
import type { BankEntryTable, BankRevisionTable, BankTable } from './bank.js'
import type { BankImportTable } from './bank-import.js'
import type { ChildAbuseReportTable } from './child-abuse-report.js'
import type { ConsoleSessionTable, ConsoleUserTable } from './console.js'
import type { DecisionTable } from './decision.js'
import type { EuSorSubmissionTable } from './eu-sor-submission.js'
import type {
  EvidenceItemTable,
  EvidenceKeyTable,
  LegalHoldTable,
  PreservationRequestTable,
} from './evidence.js'
import type { IdempotencyRecordTable } from './idempotency-record.js'
import type { ModerationCaseTable } from './moderation-case.js'
import type { ReportTable } from './report.js'
import type {
  AccountRestrictionTable,
  AppealTable,
  InstanceSecretTable,
  NotificationTable,
  RateLimitHitTable,
  ReporterStandingTable,
  StrikeTable,
  TrustedFlaggerTable,
} from './report-appeal.js'
import type { AlternativeMeasureTable, RiskAssessmentTable } from './risk-assessment.js'
import type { RuleOutcomeTable, RuleRevisionTable, RuleTable, RuleVersionTable } from './rule.js'
import type { SignalTable } from './signal.js'
import type { SubjectTable } from './subject.js'
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookEndpointTable } from './webhook.js'

export interface DatabaseSchema {
  account_restriction: AccountRestrictionTable
  appeal: AppealTable
  appeal_token: AppealTokenTable
  notice_assessment: NoticeAssessmentTable
  instance_secret: InstanceSecretTable
  notification: NotificationTable
  rate_limit_hit: RateLimitHitTable
  reporter_standing: ReporterStandingTable
  strike: StrikeTable
  trusted_flagger: TrustedFlaggerTable
  api_key: ApiKeyTable
  audit_entry: AuditEntryTable
  bank: BankTable
  bank_entry: BankEntryTable
  bank_import: BankImportTable
  bank_revision: BankRevisionTable
  child_abuse_report: ChildAbuseReportTable
  console_session: ConsoleSessionTable
  console_user: ConsoleUserTable
  decision: DecisionTable
  eu_sor_submission: EuSorSubmissionTable
  evidence_item: EvidenceItemTable
  evidence_key: EvidenceKeyTable
  legal_hold: LegalHoldTable
  preservation_request: PreservationRequestTable
  idempotency_record: IdempotencyRecordTable
  moderation_case: ModerationCaseTable
  report: ReportTable
  risk_assessment: RiskAssessmentTable
  alternative_measure: AlternativeMeasureTable
  rule: RuleTable
  rule_outcome: RuleOutcomeTable
  rule_revision: RuleRevisionTable
  rule_version: RuleVersionTable
  signal: SignalTable
  subject: SubjectTable
  webhook_attempt: WebhookAttemptTable
  webhook_delivery: WebhookDeliveryTable
  webhook_endpoint: WebhookEndpointTable
}
