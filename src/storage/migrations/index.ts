import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './20261122T080000-initial.js'
import * as bankEntries from './20261129T010000-bank-entries.js'
import * as rules from './20261129T020000-rules.js'
import * as reportsAppeals from './20261130T010000-reports-appeals.js'
import * as casePriority from './20261130T020000-case-priority.js'
import * as mediaCopies from './20261130T030000-media-copies.js'
import * as appealTokens from './20261130T040000-appeal-tokens.js'
import * as consoleUsers from './20261130T050000-console-users.js'
import * as decisionJudgement from './20261130T060000-decision-judgement.js'
import * as bankImports from './20261201T010000-bank-imports.js'
import * as evidence from './20261201T020000-evidence.js'
import * as childAbuseReports from './20261201T030000-child-abuse-reports.js'
import * as euSorSubmissions from './20261201T040000-eu-sor-submissions.js'
import * as riskAssessments from './20261201T060000-risk-assessments.js'
import * as reportFacets from './20261201T070000-report-facets.js'

/** Migrations in order; a static list so the built binary needs no file-system scan. */
const MIGRATIONS: Record<string, Migration> = {
  '20261122T080000-initial': initial,
  '20261129T010000-bank-entries': bankEntries,
  '20261129T020000-rules': rules,
  '20261130T010000-reports-appeals': reportsAppeals,
  '20261130T020000-case-priority': casePriority,
  '20261130T030000-media-copies': mediaCopies,
  '20261130T040000-appeal-tokens': appealTokens,
  '20261130T050000-console-users': consoleUsers,
  '20261130T060000-decision-judgement': decisionJudgement,
  '20261201T010000-bank-imports': bankImports,
  '20261201T020000-evidence': evidence,
  '20261201T030000-child-abuse-reports': childAbuseReports,
  '20261201T040000-eu-sor-submissions': euSorSubmissions,
  '20261201T060000-risk-assessments': riskAssessments,
  '20261201T070000-report-facets': reportFacets,
}

export function migrationProvider(): MigrationProvider {
  return { getMigrations: async () => MIGRATIONS }
}
