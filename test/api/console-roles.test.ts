import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCase } from '../api-steps.js'
import { asSession, signedIn, type TestSession } from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, decisionInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const SOME_ID = '00000000-0000-4000-8000-000000000001'

describe.each(dialects())('console roles on /v1 on %s', (dialect) => {
  let h: TestHarness
  let moderator: TestSession
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    moderator = await signedIn(h, 'moderator')
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const caseId = async () => (await openCase(h)).caseId as string

  it('authenticates /v1 with the cookie and names the person as user:<id>', async () => {
    const list = await asSession(h, moderator, false)('GET', '/v1/cases')
    expect(list.statusCode, list.body).toBe(200)
    const claimed = await asSession(h, moderator)('POST', `/v1/cases/${await caseId()}/claim`)
    expect(claimed.statusCode, claimed.body).toBe(200)
    expect(claimed.json().assignee).toBe(`user:${moderator.userId}`)
  })

  it('refuses a change without the CSRF header or with a wrong one', async () => {
    const id = await caseId()
    const as = asSession(h, moderator, false)
    const variants: Record<string, string>[] = [{}, { 'x-csrf-token': 'not-the-token' }]
    for (const headers of variants) {
      const res = await as('POST', `/v1/cases/${id}/claim`, undefined, headers)
      expect(res.statusCode).toBe(403)
      expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'csrf' } })
    }
    const right = await as('POST', `/v1/cases/${id}/claim`, undefined, {
      'x-csrf-token': moderator.csrfToken,
    })
    expect(right.statusCode, right.body).toBe(200)
  })

  it('takes a bearer key over a cookie sent with it, with no CSRF header', async () => {
    const auditor = await signedIn(h, 'auditor')
    const res = await asSession(h, auditor, false)(
      'POST',
      `/v1/cases/${await caseId()}/claim`,
      undefined,
      {
        authorization: `Bearer ${h.keys.moderator}`,
      },
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().assignee).toMatch(/^key:/)
  })

  it('answers 401 for a cookie whose session is unknown', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/v1/cases',
      headers: { cookie: 'vigil_session=nope' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toContain('sign in again')
  })

  it('lets the auditor and the liaison read but not change anything', async () => {
    for (const role of ['auditor', 'law_enforcement_liaison'] as const) {
      const session = await signedIn(h, role)
      const as = asSession(h, session)
      expect((await as('GET', '/v1/cases')).statusCode).toBe(200)
      expect((await as('GET', '/v1/appeals')).statusCode).toBe(200)
      const id = await caseId()
      for (const url of [`/v1/cases/${id}/claim`, `/v1/cases/${id}/decisions`]) {
        const res = await as('POST', url, url.endsWith('decisions') ? decisionInput() : undefined)
        expect(res.statusCode).toBe(403)
        expect(res.json().error.details).toMatchObject({ reason: 'read_only', consoleRole: role })
        expect(res.json().error.message).toContain('read-only')
      }
    }
  })

  it('lets only appeals reviewers, moderators and admins decide an appeal', async () => {
    const url = `/v1/appeals/${SOME_ID}/decision`
    const body = { outcome: 'upheld', reasons: 'the decision stands' }
    for (const role of ['triage', 'child_safety'] as const) {
      const res = await asSession(h, await signedIn(h, role))('POST', url, body)
      expect(res.statusCode).toBe(403)
      expect(res.json().error.details).toMatchObject({ reason: 'console_role', consoleRole: role })
      expect(res.json().error.message).toContain('deciding an appeal')
    }
    for (const role of ['appeals_reviewer', 'moderator', 'admin'] as const) {
      const res = await asSession(h, await signedIn(h, role))('POST', url, body)
      expect(res.statusCode, `${role}: ${res.body}`).toBe(404)
    }
  })

  it('lets triage decide a case, and keeps admin routes for console admins', async () => {
    const triage = await signedIn(h, 'triage')
    const decided = await asSession(h, triage)(
      'POST',
      `/v1/cases/${await caseId()}/decisions`,
      decisionInput(),
    )
    expect(decided.statusCode, decided.body).toBe(201)
    expect(decided.json()).toMatchObject({
      decidedBy: `user:${triage.userId}`,
      decidedByName: expect.stringContaining('triage'),
    })
    const keys = await asSession(h, moderator)('GET', '/v1/keys')
    expect(keys.statusCode).toBe(403)
    expect(keys.json().error.details).toMatchObject({ reason: 'role', consoleRole: 'moderator' })
    const admin = await signedIn(h, 'admin')
    expect((await asSession(h, admin)('GET', '/v1/keys')).statusCode).toBe(200)
  })
})
