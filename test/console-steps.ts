import type { Response } from 'light-my-request'
import { expect } from 'vitest'
import type { ConsoleRole } from '../src/core/roles.js'
import { SYSTEM_ACTOR } from '../src/core/roles.js'
import { createConsoleUser } from '../src/services/console-users.js'
import type { TestHarness } from './harness.js'

// @NOTE Console accounts and sessions for API tests: a user made through the service, signed in
// through POST /console/api/session as the browser does.

export const TEST_PASSWORD = 'correct horse battery staple'

let counter = 0

export interface TestSession {
  userId: string
  email: string
  /** `vigil_session=<token>`, for the Cookie header. */
  cookie: string
  csrfToken: string
}

export async function createUser(h: TestHarness, role: ConsoleRole, email?: string) {
  counter += 1
  return createConsoleUser(
    h.ctx,
    SYSTEM_ACTOR,
    { email: email ?? `${role}-${counter}@example.org`, name: `Test ${role} ${counter}`, role },
    TEST_PASSWORD,
  )
}

export function signIn(h: TestHarness, email: string, password = TEST_PASSWORD) {
  return h.app.inject({
    method: 'POST',
    url: '/console/api/session',
    payload: { email, password },
  })
}

/** The `vigil_session` value a response set, if any. */
export function sessionCookieOf(res: Response): string | undefined {
  const header = res.headers['set-cookie']
  const text = Array.isArray(header) ? header.join('\n') : (header ?? '')
  return /vigil_session=([^;]*)/.exec(text)?.[1]
}

/** A new user of the role, signed in. */
export async function signedIn(h: TestHarness, role: ConsoleRole): Promise<TestSession> {
  const user = await createUser(h, role)
  const res = await signIn(h, user.email)
  expect(res.statusCode, res.body).toBe(200)
  return {
    userId: user.id,
    email: user.email,
    cookie: `vigil_session=${sessionCookieOf(res)}`,
    csrfToken: res.json().csrfToken,
  }
}

/** `inject` with the session's cookie and, unless `csrf` is false, its CSRF header. */
export function asSession(h: TestHarness, session: TestSession, csrf = true) {
  return (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: method as 'GET',
      url,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
      headers: {
        cookie: session.cookie,
        ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}),
        ...headers,
      },
    })
}
