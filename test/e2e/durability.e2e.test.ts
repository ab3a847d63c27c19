import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import {
  api,
  createKey,
  type E2eDatabase,
  type E2eDialect,
  e2eDatabase,
  errorLogs,
  eventually,
  SERVER_URL,
  type ServeProcess,
  startServe,
} from './serve.js'

const TOTAL = 2_000
const CONCURRENCY = 16
const KILL_AFTER_ACKS = 500

interface Planned {
  subjectId: string
  idempotencyKey: string
  body: Record<string, unknown>
}

interface Ack {
  reference: string
  reportId: string
  caseId: string
}

function plannedReports(run: string): Planned[] {
  return Array.from({ length: TOTAL }, (_, i) => {
    const subjectId = `durable-${run}-${i}`
    return {
      subjectId,
      idempotencyKey: `idem-${run}-${i}`,
      body: {
        subject: { id: subjectId, kind: 'text', text: `I will find you, post ${i}` },
        harm: 'illegal.harassment.threat_to_life',
        explanation: 'This message threatens me.',
        reporter: { kind: 'user', id: `user-${i % 97}` },
        goodFaith: true,
      },
    }
  })
}

async function post(url: string, key: string, report: Planned) {
  const response = await fetch(`${url}/v1/reports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      'idempotency-key': report.idempotencyKey,
    },
    body: JSON.stringify(report.body),
  })
  const json = (await response.json()) as Ack
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), json }
}

/**
 * Streams every planned report with CONCURRENCY requests in flight and calls `onAck` after each
 * 2xx. A connection error (the server died) leaves the report unacknowledged; it is not retried.
 */
async function stream(
  url: string,
  key: string,
  reports: readonly Planned[],
  onAck: (acked: number) => void,
): Promise<{ acked: Map<string, Ack>; unacked: Planned[]; other: string[] }> {
  const acked = new Map<string, Ack>()
  const unacked: Planned[] = []
  const other: string[] = []
  let next = 0
  const lane = async () => {
    for (let i = next++; i < reports.length; i = next++) {
      const report = reports[i] as Planned
      try {
        const res = await post(url, key, report)
        if (res.status >= 200 && res.status < 300) {
          acked.set(report.subjectId, res.json)
          onAck(acked.size)
        } else {
          other.push(`${res.status} ${JSON.stringify(res.json)}`)
          unacked.push(report)
        }
      } catch {
        unacked.push(report)
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane))
  return { acked, unacked, other }
}

/** Milestones of one test, printed once at the end so the test log shows where time went. */
function stopwatch(label: string) {
  const t0 = Date.now()
  const laps: string[] = []
  return {
    lap: (what: string) => laps.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`),
    print: () => console.log(`[${label}] ${laps.join('; ')}`),
  }
}

/** Streams the reports at a fresh server and SIGKILLs it once KILL_AFTER_ACKS were answered. */
async function crashMidStream(
  db: E2eDatabase,
  reports: readonly Planned[],
  track: (s: ServeProcess) => void,
) {
  const first = await startServe(db)
  track(first)
  const key = await createKey(first, db, 'platform')
  let killed: Promise<void> | undefined
  const run = await stream(first.url, key, reports, (n) => {
    if (n >= KILL_AFTER_ACKS && !killed) killed = first.kill()
  })
  await killed
  expect(first.child.signalCode).toBe('SIGKILL')
  expect(run.other).toEqual([])
  expect(run.acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)
  expect(run.acked.size + run.unacked.length).toBe(TOTAL)
  return { key, ...run }
}

for (const dialect of ['pglite', 'postgres'] as const satisfies E2eDialect[]) {
  describe.skipIf(dialect === 'postgres' && !SERVER_URL)(`nothing lost on ${dialect}`, () => {
    let db: E2eDatabase | undefined
    let server: ServeProcess | undefined

    afterAll(async () => {
      await server?.stop().catch(() => server?.kill())
      await db?.drop()
    })

    it('keeps every acknowledged report through a SIGKILL, and a resend duplicates none', {
      timeout: 90_000,
    }, async () => {
      const clock = stopwatch(`durability on ${dialect}`)
      db = await e2eDatabase(dialect, { migrated: true })
      const reports = plannedReports(randomUUID().slice(0, 8))
      const run = await crashMidStream(db, reports, (s) => {
        server = s
      })
      clock.lap(`killed after ${run.acked.size} acks (${run.unacked.length} not acked)`)

      const second = await startServe(db)
      server = second
      clock.lap('restarted')
      const resent = await resend(second, run.key, run.unacked)
      clock.lap(`resent (${resent.replayed.length} replayed)`)
      // Only requests in flight at the kill can have committed without an answer.
      expect(resent.replayed.length).toBeLessThanOrEqual(CONCURRENCY)
      const adminKey = db.bootstrapKey
      await eventually(
        'an intact, fully sealed audit chain after the crash',
        async () => {
          const res = await api(second, adminKey, 'GET', '/v1/audit/verify')
          return res.json.ok === true && res.json.unsealed === 0 ? true : undefined
        },
        30_000,
      )
      expect(await second.stop()).toBe(0)
      expect(errorLogs(second.output().stdout)).toEqual([])
      server = undefined
      await expectAllStored(db, new Map([...run.acked, ...resent.acked]))
      clock.lap('checked')
      clock.print()
    })
  })
}

/** Resends the unacknowledged reports with their own Idempotency-Key; each must succeed now. */
async function resend(server: ServeProcess, key: string, unacked: readonly Planned[]) {
  const acked = new Map<string, Ack>()
  const replayed: string[] = []
  for (let i = 0; i < unacked.length; i += CONCURRENCY) {
    const batch = unacked.slice(i, i + CONCURRENCY)
    const answers = await Promise.all(batch.map((report) => post(server.url, key, report)))
    answers.forEach((res, j) => {
      const report = batch[j] as Planned
      expect(res.status, JSON.stringify(res.json)).toBe(201)
      acked.set(report.subjectId, res.json)
      if (res.replayed === 'true') replayed.push(report.subjectId)
    })
  }
  return { acked, replayed }
}

/**
 * Straight from the database, after a clean stop: one report per subject, each the one its 2xx
 * named, and each complete (its case, signal and audit entry were written with it).
 */
async function expectAllStored(db: E2eDatabase, acked: Map<string, Ack>): Promise<void> {
  expect(acked.size).toBe(TOTAL)
  const rows = await db.query<{
    external_id: string
    reference: string
    report_id: string
    case_id: string
    has_case: boolean
    signals: number
    audits: number
  }>(
    `with sig as (select evidence->>'reportId' as id, count(*)::int as n from signal group by 1),
       aud as (select entity_id as id, count(*)::int as n from audit_entry
                where entity_type = 'report' group by 1)
     select s.external_id, r.reference, r.id as report_id, r.case_id,
       c.id is not null as has_case, coalesce(sig.n, 0) as signals, coalesce(aud.n, 0) as audits
     from report r join subject s on s.id = r.subject_id
       left join moderation_case c on c.id = r.case_id
       left join sig on sig.id = r.id::text
       left join aud on aud.id = r.id::text
     where s.external_id like 'durable-%'`,
  )
  expect(rows).toHaveLength(TOTAL)
  expect(new Set(rows.map((r) => r.external_id)).size).toBe(TOTAL)
  const incomplete = rows.filter((r) => !r.has_case || r.signals !== 1 || r.audits !== 1)
  expect(incomplete).toEqual([])
  const mismatched = rows.filter((r) => {
    const ack = acked.get(r.external_id)
    return (
      ack?.reference !== r.reference || ack.reportId !== r.report_id || ack.caseId !== r.case_id
    )
  })
  expect(mismatched).toEqual([])
}
