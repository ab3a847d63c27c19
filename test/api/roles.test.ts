import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_ROLES, type ApiRole } from '../../src/core/roles.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const ALL = API_ROLES
const MODERATORS: ApiRole[] = ['moderator', 'admin']
const PLATFORM: ApiRole[] = ['platform', 'admin']
const ADMIN: ApiRole[] = ['admin']

/** Who may call each /v1 route; the test below checks it covers every registered route. */
const ROUTES: { method: string; path: string; roles: readonly ApiRole[] }[] = [
  { method: 'GET', path: '/v1/taxonomy', roles: ALL },
  { method: 'POST', path: '/v1/content', roles: PLATFORM },
  { method: 'POST', path: '/v1/reports', roles: ['platform', 'trusted_flagger', 'admin'] },
  { method: 'GET', path: '/v1/cases', roles: MODERATORS },
  { method: 'GET', path: '/v1/cases/{id}', roles: MODERATORS },
  { method: 'POST', path: '/v1/cases/{id}/decisions', roles: MODERATORS },
  { method: 'POST', path: '/v1/cases/{id}/claim', roles: MODERATORS },
  { method: 'POST', path: '/v1/cases/{id}/release', roles: MODERATORS },
  { method: 'POST', path: '/v1/cases/{id}/assign', roles: MODERATORS },
  { method: 'GET', path: '/v1/queues', roles: MODERATORS },
  { method: 'GET', path: '/v1/cases/{id}/media/{index}', roles: MODERATORS },
  { method: 'GET', path: '/v1/harms/{id}/judgement', roles: MODERATORS },
  { method: 'POST', path: '/v1/cases/{id}/statement-preview', roles: MODERATORS },
  { method: 'GET', path: '/v1/decisions/{id}', roles: MODERATORS },
  {
    method: 'GET',
    path: '/v1/decisions/{id}/statement',
    roles: ['platform', 'moderator', 'admin'],
  },
  { method: 'POST', path: '/v1/decisions/{id}/reverse', roles: MODERATORS },
  { method: 'GET', path: '/v1/reports', roles: ALL },
  { method: 'GET', path: '/v1/reports/{reference}', roles: ALL },
  { method: 'POST', path: '/v1/flaggers', roles: ADMIN },
  { method: 'GET', path: '/v1/flaggers', roles: ADMIN },
  { method: 'GET', path: '/v1/flaggers/{id}', roles: ['trusted_flagger', 'admin'] },
  { method: 'PATCH', path: '/v1/flaggers/{id}', roles: ADMIN },
  { method: 'GET', path: '/v1/flaggers/{id}/figures', roles: ['trusted_flagger', 'admin'] },
  { method: 'POST', path: '/v1/appeals', roles: PLATFORM },
  { method: 'GET', path: '/v1/appeals', roles: MODERATORS },
  { method: 'GET', path: '/v1/appeals/{id}', roles: MODERATORS },
  { method: 'POST', path: '/v1/appeals/{id}/decision', roles: MODERATORS },
  {
    method: 'GET',
    path: '/v1/accounts/{accountId}/standing',
    roles: ['platform', 'moderator', 'admin'],
  },
  { method: 'POST', path: '/v1/webhooks', roles: PLATFORM },
  { method: 'GET', path: '/v1/webhooks', roles: PLATFORM },
  { method: 'DELETE', path: '/v1/webhooks/{id}', roles: PLATFORM },
  { method: 'GET', path: '/v1/webhooks/{id}/deliveries', roles: PLATFORM },
  { method: 'GET', path: '/v1/webhook-deliveries/{id}', roles: PLATFORM },
  { method: 'POST', path: '/v1/banks', roles: ADMIN },
  { method: 'GET', path: '/v1/banks', roles: MODERATORS },
  { method: 'POST', path: '/v1/banks/{id}/entries', roles: ADMIN },
  { method: 'PATCH', path: '/v1/banks/{id}', roles: ADMIN },
  { method: 'GET', path: '/v1/banks/{id}/entries', roles: MODERATORS },
  { method: 'POST', path: '/v1/banks/{id}/entries/{entryId}/disable', roles: ADMIN },
  { method: 'POST', path: '/v1/banks/{id}/entries/{entryId}/enable', roles: ADMIN },
  { method: 'POST', path: '/v1/banks/{id}/entries/{entryId}/retract', roles: ADMIN },
  { method: 'GET', path: '/v1/banks/{id}/export', roles: MODERATORS },
  { method: 'POST', path: '/v1/banks/{id}/imports', roles: ADMIN },
  { method: 'GET', path: '/v1/banks/{id}/imports', roles: ADMIN },
  { method: 'GET', path: '/v1/banks/{id}/imports/{importId}', roles: ADMIN },
  { method: 'POST', path: '/v1/rules', roles: ADMIN },
  { method: 'GET', path: '/v1/rules', roles: MODERATORS },
  { method: 'GET', path: '/v1/rules/{id}', roles: MODERATORS },
  { method: 'POST', path: '/v1/rules/{id}/versions', roles: ADMIN },
  { method: 'POST', path: '/v1/rules/{id}/state', roles: ADMIN },
  { method: 'POST', path: '/v1/rules/{id}/backtest', roles: MODERATORS },
  { method: 'GET', path: '/v1/audit/verify', roles: ADMIN },
  { method: 'GET', path: '/v1/audit/entries', roles: ADMIN },
  { method: 'GET', path: '/v1/stats/dashboard', roles: MODERATORS },
  { method: 'GET', path: '/v1/console/people', roles: MODERATORS },
  { method: 'GET', path: '/v1/csea-reports', roles: ADMIN },
  { method: 'POST', path: '/v1/csea-reports', roles: ADMIN },
  { method: 'GET', path: '/v1/csea-reports/{id}', roles: ADMIN },
  { method: 'POST', path: '/v1/csea-reports/{id}/approve', roles: ADMIN },
  { method: 'POST', path: '/v1/csea-reports/{id}/send', roles: ADMIN },
  { method: 'POST', path: '/v1/cases/{id}/csea-account-details', roles: PLATFORM },
  { method: 'POST', path: '/v1/keys', roles: ADMIN },
  { method: 'GET', path: '/v1/keys', roles: ADMIN },
  { method: 'DELETE', path: '/v1/keys/{id}', roles: ADMIN },
  { method: 'GET', path: '/v1/cases/{id}/evidence', roles: ADMIN },
  { method: 'POST', path: '/v1/cases/{id}/evidence', roles: ADMIN },
  { method: 'GET', path: '/v1/evidence/{id}/content', roles: ADMIN },
  { method: 'GET', path: '/v1/cases/{id}/evidence/package', roles: ADMIN },
  { method: 'POST', path: '/v1/legal-holds', roles: ADMIN },
  { method: 'GET', path: '/v1/legal-holds', roles: ADMIN },
  { method: 'POST', path: '/v1/legal-holds/{id}/release', roles: ADMIN },
  { method: 'POST', path: '/v1/preservation-requests', roles: ADMIN },
  { method: 'GET', path: '/v1/preservation-requests', roles: ADMIN },
  { method: 'GET', path: '/v1/transparency/report', roles: ADMIN },
  { method: 'POST', path: '/v1/risk-assessments', roles: ADMIN },
  { method: 'GET', path: '/v1/risk-assessments', roles: ADMIN },
  { method: 'PUT', path: '/v1/risk-assessments/{id}', roles: ADMIN },
  { method: 'GET', path: '/v1/risk-assessments/{id}', roles: ADMIN },
  { method: 'POST', path: '/v1/risk-assessments/{id}/approve', roles: ADMIN },
  { method: 'GET', path: '/v1/compliance/measures', roles: ADMIN },
  { method: 'POST', path: '/v1/compliance/alternative-measures', roles: ADMIN },
]

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`

/** `METHOD /path/{param}` for every route in Fastify's route tree (HEAD left out). */
function routesFromTree(tree: string): string[] {
  const prefixes: string[] = []
  const routes: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+) \(([^)]+)\)\s*$/u.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    const path = (prefixes[depth - 1] ?? '') + (match[2] ?? '')
    prefixes.length = depth
    prefixes[depth] = path
    for (const method of (match[3] ?? '').split(', ')) {
      if (method !== 'HEAD') routes.push(key(method, path.replace(/:(\w+)/g, '{$1}')))
    }
  }
  return routes
}

describe.each(dialects())('roles on %s', (dialect) => {
  let h: TestHarness
  let revokedKey: string
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    const created = await h.call('admin', 'POST', '/v1/keys', { name: 'leaver', role: 'admin' })
    expect(created.statusCode).toBe(201)
    revokedKey = created.json().key
    // Used once so the authenticator has it cached before the revocation.
    const used = await h.app.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { authorization: `Bearer ${revokedKey}` },
    })
    expect(used.statusCode).toBe(200)
    const revoked = await h.call('admin', 'DELETE', `/v1/keys/${created.json().id}`)
    expect(revoked.statusCode).toBe(204)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const url = (path: string) => path.replace(/\{\w+\}/g, () => crypto.randomUUID())
  const send = (method: string, path: string, headers: Record<string, string>) =>
    h.app.inject({ method: method as 'GET', url: url(path), headers })

  it('has a row in the table for every /v1 route, in the route tree and in OpenAPI', async () => {
    const fromTree = routesFromTree(h.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.split(' ')[1]?.startsWith('/v1/'))
      .sort()
    const doc = (await h.call('none', 'GET', '/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const fromOpenApi = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => key(m, path)))
      .sort()
    const fromTable = ROUTES.map((r) => key(r.method, r.path)).sort()
    expect(fromTree).toEqual(fromTable)
    expect(fromOpenApi).toEqual(fromTable)
  })

  it('leaves the health check and the OpenAPI document public', async () => {
    expect((await h.call('none', 'GET', '/healthz')).statusCode).toBe(200)
    expect((await h.call('none', 'GET', '/openapi.json')).statusCode).toBe(200)
  })

  describe.each(ROUTES)('$method $path', ({ method, path, roles }) => {
    it('needs a key: 401 unauthenticated without one or with a malformed header', async () => {
      const malformed: Record<string, string>[] = [
        {},
        { authorization: 'Basic dXNlcjpwYXNz' },
        { authorization: 'Bearer' },
        { authorization: 'Bearer vgl_not_a_real_key_at_all_0000000000' },
      ]
      for (const headers of malformed) {
        const res = await send(method, path, headers)
        expect(res.statusCode).toBe(401)
        expect(res.json().error).toMatchObject({ code: 'unauthenticated' })
      }
    })

    it('refuses a revoked key with 401', async () => {
      const res = await send(method, path, { authorization: `Bearer ${revokedKey}` })
      expect(res.statusCode).toBe(401)
      expect(res.json().error).toMatchObject({ code: 'unauthenticated' })
      expect(res.json().error.message).toMatch(/revoked/)
    })

    it('refuses every other role with 403 forbidden', async () => {
      for (const role of API_ROLES.filter((r) => !roles.includes(r))) {
        const res = await send(method, path, { authorization: `Bearer ${h.keys[role]}` })
        expect(res.statusCode, role).toBe(403)
        expect(res.json().error).toMatchObject({ code: 'forbidden', details: { role } })
      }
    })

    it('lets each allowed role past authorisation', async () => {
      for (const role of roles) {
        const res = await send(method, path, { authorization: `Bearer ${h.keys[role]}` })
        expect([401, 403], `${role}: ${res.body}`).not.toContain(res.statusCode)
        expect(res.statusCode, `${role}: ${res.body}`).toBeLessThan(500)
      }
    })
  })
})
