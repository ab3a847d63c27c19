import type { Selectable } from 'kysely'
import type { Signal, SignalSource } from '../../core/signal.js'
import type { Verdict } from '../../core/subject.js'
import type { Executor } from '../database.js'
import type { SignalTable } from '../schema/signal.js'

type SignalRow = Selectable<SignalTable>

export function rowToSignal(row: SignalRow): Signal {
  return {
    id: row.id,
    subjectId: row.subject_id,
    source: row.source as SignalSource,
    harm: row.harm,
    score: row.score,
    action: row.action as Verdict,
    matcher: row.matcher,
    evidence: row.evidence,
    createdAt: row.created_at,
  }
}

export async function insertSignals(db: Executor, signals: readonly Signal[]): Promise<void> {
  if (signals.length === 0) return
  await db
    .insertInto('signal')
    .values(
      signals.map((s) => ({
        id: s.id,
        subject_id: s.subjectId,
        source: s.source,
        harm: s.harm,
        score: s.score,
        action: s.action,
        matcher: s.matcher,
        evidence: JSON.stringify(s.evidence),
        created_at: s.createdAt,
      })),
    )
    .execute()
}

export async function listSignalsForSubject(db: Executor, subjectId: string): Promise<Signal[]> {
  const rows = await db
    .selectFrom('signal')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .execute()
  return rows.map(rowToSignal)
}
