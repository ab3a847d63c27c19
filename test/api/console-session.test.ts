import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { SIGN_IN_LIMIT } from '../../src/services/console-sign-in-limit.js'
import { createConsoleUser, disableConsoleUser } from '../../src/services/console-users.js'
import { pseudonymFor } from '../../src/services/pseudonym.js'
import {
  asSession,
  createUser,
  sessionCookieOf,
  signedIn,
  signIn,
  TEST_PASSWORD,
} from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, countRows } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const HOUR = 3_600_000

describe.each(dialects())('console sessions on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    // @NOTE Behind a trusted proxy, so tests can say the request came over https or from an address.
    h = await createTestHarness(dialect, { VIGIL_TRUST_PROXY: 'true' })
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const getSession = (cookie?: string) =>
    h.app.inject({
      method: 'GET',
      url: '/console/api/session',
      headers: cookie ? { cookie } : {},
    })

  it('signs in with a cookie of the contract, whatever the case of the email', async () => {
    const user = await createUser(h, 'moderator', 'Ana.Moderator@Example.org')
    expect(user.email).toBe('ana.moderator@example.org')
    const res = await signIn(h, 'ANA.moderator@example.org ')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toEqual({
      user: {
        id: user.id,
        email: 'ana.moderator@example.org',
        name: user.name,
        role: 'moderator',
        preferences: { revealMedia: false },
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    })
    const setCookie = String(res.headers['set-cookie'])
    expect(setCookie).toMatch(
      /^vigil_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/,
    )
    const token = sessionCookieOf(res) as string
    const stored = await h.ctx.db.selectFrom('console_session').selectAll().execute()
    expect(stored.map((s) => s.id)).not.toContain(token)
    const again = await getSession(`other=1; vigil_session=${token}`)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(body)
  })

  const signInFrom = (headers: Record<string, string>, email: string, password = TEST_PASSWORD) =>
    h.app.inject({
      method: 'POST',
      url: '/console/api/session',
      payload: { email, password },
      headers,
    })

  it('refuses a second account with the same email in another case, and a short password', async () => {
    await createUser(h, 'moderator', 'sam@example.org')
    await expect(createUser(h, 'auditor', 'SAM@example.org ')).rejects.toThrow('exists already')
    await expect(
      createConsoleUser(
        h.ctx,
        SYSTEM_ACTOR,
        { email: 'jo@example.org', name: 'Jo', role: 'triage' },
        'too short',
      ),
    ).rejects.toThrow('at least 12 characters')
    const rows = await h.ctx.db.selectFrom('console_user').select('email').execute()
    expect(
      rows.map((r) => r.email).filter((e) => e.startsWith('sam') || e.startsWith('jo')),
    ).toEqual(['sam@example.org'])
  })

  it('marks the cookie Secure when the request came over https', async () => {
    const user = await createUser(h, 'triage')
    const res = await signInFrom({ 'x-forwarded-proto': 'https' }, user.email)
    expect(res.statusCode).toBe(200)
    expect(String(res.headers['set-cookie'])).toMatch(/; Path=\/; Secure$/)
  })

  it('refuses a wrong password and an unknown email alike, and audits no failure', async () => {
    const user = await createUser(h, 'moderator')
    const wrong = await signIn(h, user.email, 'not the password at all')
    const unknown = await signIn(h, 'nobody@example.org', 'not the password at all')
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('unauthenticated')
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    expect(wrong.json().error.message).toBe(unknown.json().error.message)
    expect((await getSession()).statusCode).toBe(401)
  })

  it('rate limits failures for one email, then lets it in again in the next window', async () => {
    const user = await createUser(h, 'moderator')
    for (let i = 0; i < 10; i += 1) {
      expect((await signIn(h, user.email, 'wrong password, again')).statusCode).toBe(401)
    }
    const limited = await signIn(h, user.email)
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('rate_limited')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    const other = await createUser(h, 'moderator')
    expect((await signIn(h, other.email)).statusCode).toBe(200)
    h.clock.advance(15 * 60_000)
    expect((await signIn(h, user.email)).statusCode).toBe(200)
    const buckets = await h.ctx.db.selectFrom('rate_limit_hit').select('bucket').execute()
    expect(buckets.map((b) => b.bucket).join(' ')).not.toContain(user.email)
  })

  it('rate limits failures from one address, whichever email they try', async () => {
    const user = await createUser(h, 'moderator')
    const windowMs = SIGN_IN_LIMIT.windowMinutes * 60_000
    const windowStart = new Date(Math.floor(h.clock.now().getTime() / windowMs) * windowMs)
    const bucket = `console-sign-in:address:${await pseudonymFor(h.ctx.db, h.clock, '10.9.8.7')}`
    await h.ctx.db
      .insertInto('rate_limit_hit')
      .values({ bucket, window_start: windowStart, hits: SIGN_IN_LIMIT.perAddress })
      .execute()
    const limited = await signInFrom({ 'x-forwarded-for': '10.9.8.7' }, user.email)
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.message).toContain('this address')
    expect((await signInFrom({ 'x-forwarded-for': '10.9.8.6' }, user.email)).statusCode).toBe(200)
  })

  it('signs out with the CSRF header only, clears the cookie and audits both', async () => {
    const session = await signedIn(h, 'auditor')
    const as = asSession(h, session, false)
    const refused = await as('DELETE', '/console/api/session')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.details).toEqual({ reason: 'csrf' })
    const out = await asSession(h, session)('DELETE', '/console/api/session')
    expect(out.statusCode).toBe(204)
    expect(String(out.headers['set-cookie'])).toMatch(/^vigil_session=; .*Max-Age=0/)
    const after = await getSession(session.cookie)
    expect(after.statusCode).toBe(401)
    expect(String(after.headers['set-cookie'])).toContain('Max-Age=0')
    const audit = await h.ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'actor', 'data'])
      .where('entity_id', '=', session.userId)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'console_user.created',
      'console_session.signed_in',
      'console_session.signed_out',
    ])
    expect(audit[2]?.actor).toBe(`user:${session.userId}`)
    expect(JSON.stringify(audit)).not.toContain('correct horse')
  })

  it('ends a session after 12 hours unused, and keeps a used one alive', async () => {
    const session = await signedIn(h, 'moderator')
    h.clock.advance(11 * HOUR)
    expect((await getSession(session.cookie)).statusCode).toBe(200)
    h.clock.advance(11 * HOUR)
    expect((await getSession(session.cookie)).statusCode).toBe(200)
    h.clock.advance(12 * HOUR)
    expect((await getSession(session.cookie)).statusCode).toBe(401)
  })

  it("lets the worker's sweep delete dead sessions and keep live ones", async () => {
    const live = await signedIn(h, 'moderator')
    const idle = await signedIn(h, 'moderator')
    h.clock.advance(11 * HOUR)
    expect((await getSession(live.cookie)).statusCode).toBe(200)
    h.clock.advance(2 * HOUR)
    const before = await countRows(h.ctx.db, ['console_session'])
    await h.worker.runOnce({ sweep: true })
    const after = await countRows(h.ctx.db, ['console_session'])
    expect(after.console_session).toBeLessThan(before.console_session)
    expect((await getSession(live.cookie)).statusCode).toBe(200)
    expect((await getSession(idle.cookie)).statusCode).toBe(401)
  })

  it('ends a session 7 days after sign-in however busy it is', async () => {
    const session = await signedIn(h, 'moderator')
    for (let use = 0; use < 15; use += 1) {
      h.clock.advance(11 * HOUR)
      expect((await getSession(session.cookie)).statusCode).toBe(200)
    }
    h.clock.advance(2 * HOUR)
    expect((await getSession(session.cookie)).statusCode).toBe(200)
    // @NOTE 169 hours after sign-in and 2 hours after its last use: only the 7 days have passed.
    h.clock.advance(2 * HOUR)
    const res = await getSession(session.cookie)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('unauthenticated')
  })

  it('refuses a session after its user is disabled, and the disabled user signing in', async () => {
    const session = await signedIn(h, 'moderator')
    expect((await asSession(h, session)('GET', '/v1/cases')).statusCode).toBe(200)
    await h.ctx.db
      .updateTable('console_user')
      .set({ disabled_at: h.clock.now() })
      .where('id', '=', session.userId)
      .execute()
    const refused = await asSession(h, session)('GET', '/v1/cases')
    expect(refused.statusCode).toBe(401)
    await h.ctx.db
      .updateTable('console_user')
      .set({ disabled_at: null })
      .where('id', '=', session.userId)
      .execute()
    const { sessionsEnded } = await disableConsoleUser(h.ctx, SYSTEM_ACTOR, session.email)
    expect(sessionsEnded).toBe(1)
    const again = await signIn(h, session.email)
    expect(again.statusCode).toBe(403)
    expect(again.json().error.message).toContain('disabled')
    expect(JSON.stringify(again.json())).not.toContain('wrong')
  })

  it('keeps the session routes out of the OpenAPI document', async () => {
    const doc = await h.app.inject({ method: 'GET', url: '/openapi.json' })
    expect(doc.statusCode).toBe(200)
    expect(doc.body).not.toContain('/console/api/session')
  })

  it('refuses a malformed sign-in without echoing the password', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/console/api/session',
      payload: { email: 'a@example.org', password: 'x'.repeat(2000) },
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).not.toContain('xxxx')
  })
})
