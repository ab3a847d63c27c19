import { expect } from 'vitest'
import type { ApiRole } from '../src/core/roles.js'
import { SYSTEM_ACTOR } from '../src/core/roles.js'
import { createApiKey } from '../src/services/api-keys.js'
import { callWithKey, decisionInput, freshReportFields, reportInput } from './factories.js'
import type { TestHarness } from './harness.js'

// @NOTE Steps API tests take again and again, each through the API as a client would, failing
// the test at once when the step itself is refused.

let counter = 0

/** Files a report (as the platform unless `role` says); its receipt. */
export async function postReport(
  h: TestHarness,
  overrides: Record<string, unknown> = {},
  role: ApiRole = 'platform',
) {
  const res = await h.call(role, 'POST', '/v1/reports', reportInput(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** Opens a case: a report with a subject and a reporter of its own (see freshReportFields). */
export function openCase(h: TestHarness, overrides: Record<string, unknown> = {}) {
  return postReport(h, freshReportFields(overrides))
}

/** Records a decision on a case as the moderator; the decision. */
export async function postDecision(
  h: TestHarness,
  caseId: string,
  overrides: Record<string, unknown> = {},
) {
  const url = `/v1/cases/${caseId}/decisions`
  const res = await h.call('moderator', 'POST', url, decisionInput(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** Files a report about a post by `authorId` and records a decision on its case. */
export async function decideOnPost(
  h: TestHarness,
  options: {
    authorId: string
    reporterId?: string
    harm?: string
    decision?: Record<string, unknown>
    report?: Record<string, unknown>
  },
): Promise<{ decisionId: string; caseId: string; reference: string }> {
  counter += 1
  const harm = options.harm ?? 'illegal.harassment.threat_to_life'
  const { caseId, reference } = await postReport(h, {
    subject: {
      id: `post-appeal-${counter}-${crypto.randomUUID().slice(0, 6)}`,
      kind: 'text',
      text: 'something said',
      author: { id: options.authorId },
    },
    harm,
    reporter: { kind: 'user', id: options.reporterId ?? 'user-7', email: 'victim@example.org' },
    ...options.report,
  })
  const decided = await postDecision(h, caseId, { harm, ...options.decision })
  return { decisionId: decided.id, caseId, reference }
}

/** A case as a moderator sees it. */
export async function getCase(h: TestHarness, caseId: string) {
  const res = await h.call('moderator', 'GET', `/v1/cases/${caseId}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

/** The ids of the open cases a moderator's list shows for `query` (e.g. `assignee=me`), in order. */
export async function openCaseIds(h: TestHarness, query = ''): Promise<string[]> {
  const res = await h.call('moderator', 'GET', `/v1/cases?status=open&limit=200&${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().cases.map((c: { id: string }) => c.id)
}

/** A second key of a role, so two different people can act. */
export async function extraKey(h: TestHarness, role: 'moderator' | 'admin', name: string) {
  const { key } = await createApiKey(h.ctx.db, h.clock, SYSTEM_ACTOR, { name, role })
  return callWithKey(h, key)
}

/** Posts a public page's form as a browser would. */
export function postForm(h: TestHarness, path: string, answers: Record<string, string>) {
  return h.app.inject({
    method: 'POST',
    url: path,
    payload: new URLSearchParams(answers).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
}

/** Creates a bank holding `values`; its id. */
export async function addBank(
  h: TestHarness,
  bank: { name: string; kind: string; harm: string; action: string },
  values: string[],
): Promise<string> {
  const created = await h.call('admin', 'POST', '/v1/banks', bank)
  expect(created.statusCode, created.body).toBe(201)
  const entries = values.map((value) => ({ value }))
  const added = await h.call('admin', 'POST', `/v1/banks/${created.json().id}/entries`, { entries })
  expect(added.json()).toEqual({ added: values.length, skipped: 0 })
  return created.json().id as string
}

/** Registers a webhook endpoint that never answers, so deliveries stay queued to be read. */
export async function subscribeWebhooks(h: TestHarness, events?: string[]): Promise<void> {
  const res = await h.call('platform', 'POST', '/v1/webhooks', {
    url: 'http://127.0.0.1:9/hooks',
    secret: 'a-webhook-secret-of-32-characters',
    ...(events ? { events } : {}),
  })
  expect(res.statusCode, res.body).toBe(201)
}

/** The payloads of queued webhook deliveries of a type, oldest first. */
export async function deliveries(h: TestHarness, type: string) {
  const rows = await h.ctx.db
    .selectFrom('webhook_delivery')
    .select(['payload', 'created_at'])
    .where('event_type', '=', type)
    .orderBy('created_at')
    .execute()
  return rows.map((row) => row.payload as { data: Record<string, unknown> })
}

/** The notifications of a kind, oldest first. */
export async function notifications(h: TestHarness, kind: string) {
  return h.ctx.db
    .selectFrom('notification')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** The audit actions recorded about one entity, in order. */
export async function auditActions(h: TestHarness, entityId: string): Promise<string[]> {
  const rows = await h.ctx.db
    .selectFrom('audit_entry')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((row) => row.action)
}
