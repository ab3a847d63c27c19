import type { ApiClient } from './client'
import type { ConsoleSession } from './views'

const SESSION_PATH = '/console/api/session'

/** Signs in; the server sets the session cookie and the client keeps the CSRF token. */
export async function signIn(
  api: ApiClient,
  email: string,
  password: string,
): Promise<ConsoleSession> {
  const session = await api.send<ConsoleSession>('POST', SESSION_PATH, { email, password })
  api.setCsrfToken(session.csrfToken)
  return session
}

/** The live session, or undefined when there is none (the server answers 401). */
export async function currentSession(api: ApiClient): Promise<ConsoleSession | undefined> {
  try {
    const session = await api.send<ConsoleSession>('GET', SESSION_PATH)
    api.setCsrfToken(session.csrfToken)
    return session
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 401) return undefined
    throw error
  }
}

export async function signOut(api: ApiClient): Promise<void> {
  await api.send<void>('DELETE', SESSION_PATH)
  api.setCsrfToken(undefined)
}
