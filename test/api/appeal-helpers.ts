import { expect } from 'vitest'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { createApiKey } from '../../src/services/api-keys.js'
import { decisionInput, reportInput } from '../factories.js'
import type { TestHarness } from '../harness.js'

/** A second key of a role, so two different people can act. */
export async function extraKey(h: TestHarness, role: 'moderator' | 'admin', name: string) {
  const { key } = await createApiKey(h.ctx.db, h.clock, SYSTEM_ACTOR, { name, role })
  return (method: string, url: string, payload?: unknown) =>
    h.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    })
}

let counter = 0

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
  const filed = await h.call(
    'platform',
    'POST',
    '/v1/reports',
    reportInput({
      subject: {
        id: `post-appeal-${counter}-${crypto.randomUUID().slice(0, 6)}`,
        kind: 'text',
        text: 'something said',
        author: { id: options.authorId },
      },
      harm,
      reporter: { kind: 'user', id: options.reporterId ?? 'user-7', email: 'victim@example.org' },
      ...options.report,
    }),
  )
  expect(filed.statusCode, filed.body).toBe(201)
  const { caseId, reference } = filed.json()
  const decided = await h.call(
    'moderator',
    'POST',
    `/v1/cases/${caseId}/decisions`,
    decisionInput({ harm, ...options.decision }),
  )
  expect(decided.statusCode, decided.body).toBe(201)
  return { decisionId: decided.json().id, caseId, reference }
}

/** Registers a webhook endpoint so deliveries are queued (and can be read back). */
export async function subscribeWebhooks(h: TestHarness): Promise<void> {
  const res = await h.call('platform', 'POST', '/v1/webhooks', {
    url: 'http://127.0.0.1:9/hooks',
    secret: 'a-webhook-secret-of-32-characters',
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
