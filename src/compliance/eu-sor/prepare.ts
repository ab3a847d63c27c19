import { type EuStatement, validateEuStatement } from '../../core/eu-sor.js'
import { asStatementOfReasons } from '../../core/statement-of-reasons.js'
import type { Executor } from '../../storage/database.js'
import { listPersonalIdentifiers, type StatementRow } from '../../storage/repos/eu-sor-repo.js'
import type { ReportedProblem } from './eu-client.js'
import type { Redaction } from './personal-data.js'
import { puidOf, toEuStatement } from './to-eu-statement.js'

/** A decision's statement, ready to send, or why it is not sent. */
export type Prepared =
  | {
      kind: 'ready'
      decisionId: string
      createdAt: Date
      statement: EuStatement
      redactions: Redaction[]
    }
  | { kind: 'invalid'; decisionId: string; puid: string; problems: ReportedProblem[] }
  | { kind: 'not_applicable'; decisionId: string; puid: string; reason: string }

/**
 * Maps each decision's stored statement to the EU shape, without personal data, and checks it
 * against every rule of the API. Nothing that breaks a rule is ever sent.
 */
export async function prepareStatements(
  db: Executor,
  rows: readonly StatementRow[],
): Promise<Prepared[]> {
  const known = await listPersonalIdentifiers(
    db,
    rows.map((row) => row.decisionId),
  )
  return rows.map((row) => prepareOne(row, known.get(row.decisionId) ?? []))
}

function prepareOne(row: StatementRow, known: readonly string[]): Prepared {
  const { decisionId } = row
  const puid = puidOf(decisionId)
  const sor = asStatementOfReasons(row.statementOfReasons)
  if (!sor) {
    const message = 'the stored statement of reasons has a shape Vigil does not know'
    return {
      kind: 'invalid',
      decisionId,
      puid,
      problems: [{ field: 'statement', rule: 'type', message }],
    }
  }
  const mapped = toEuStatement(sor, known)
  if (mapped.kind === 'not_applicable') {
    return { kind: 'not_applicable', decisionId, puid, reason: mapped.reason }
  }
  const problems = validateEuStatement(mapped.statement)
  if (problems.length > 0) return { kind: 'invalid', decisionId, puid, problems }
  return {
    kind: 'ready',
    decisionId,
    createdAt: row.createdAt,
    statement: mapped.statement,
    redactions: mapped.redactions,
  }
}
