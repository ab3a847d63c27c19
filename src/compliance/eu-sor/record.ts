import type { Actor } from '../../core/roles.js'
import type { Db } from '../../storage/database.js'
import { insertAuditEntries } from '../../storage/repos/audit-repo.js'
import { type SubmissionUpdate, saveSubmissions } from '../../storage/repos/eu-sor-repo.js'
import type { Redaction } from './personal-data.js'

/** An outcome to record, with what the audit entry says about it. */
export interface Outcome extends SubmissionUpdate {
  redactions?: Redaction[]
}

const ACTION: Record<Outcome['state'], string> = {
  pending: 'eu_sor.failed',
  submitted: 'eu_sor.submitted',
  invalid: 'eu_sor.invalid',
  rejected: 'eu_sor.rejected',
  not_applicable: 'eu_sor.not_applicable',
}

/**
 * Records outcomes and their audit entries in one transaction. `sent` says the statements went
 * to the database (an attempt); statements refused by Vigil's own checks were never sent.
 */
export async function recordOutcomes(
  db: Db,
  actor: Actor,
  at: Date,
  outcomes: readonly Outcome[],
  sent: boolean,
): Promise<void> {
  if (outcomes.length === 0) return
  await db.transaction().execute(async (tx) => {
    await saveSubmissions(tx, outcomes, at, sent)
    // @NOTE recordAudit lives in services, which this layer may not import; it is this insert.
    await insertAuditEntries(
      tx,
      outcomes.map((o) => ({
        occurredAt: at,
        actor: actor.id,
        action: ACTION[o.state],
        entityType: 'decision',
        entityId: o.decisionId,
        data: auditData(o),
      })),
    )
  })
}

function auditData(o: Outcome): Record<string, unknown> {
  return {
    puid: o.puid,
    ...(o.euUuid ? { euUuid: o.euUuid } : {}),
    ...(o.alreadyThere ? { alreadyThere: true } : {}),
    ...(o.lastError ? { error: o.lastError } : {}),
    ...(o.problems?.length ? { problems: o.problems.map((p) => `${p.field}: ${p.rule}`) } : {}),
    ...(o.redactions?.length ? { personalDataRemoved: o.redactions } : {}),
  }
}
