import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.js'
import { preferencesPatchSchema, signInInputSchema } from '../../../core/console-user.js'
import { ForbiddenError, UnauthenticatedError } from '../../../core/errors.js'
import {
  csrfMatches,
  findLiveSession,
  type LiveSession,
  signIn,
  signOut,
} from '../../../services/console-sessions.js'
import { updateConsolePreferences } from '../../../services/console-users.js'
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../plugins/session-cookie.js'

/** The console's sign-in, current session and sign-out; outside /v1 and the OpenAPI document. */
export function consoleSessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const sessions = { db: ctx.db, clock: ctx.clock, sessions: ctx.config.sessions }
  const current = async (request: FastifyRequest, reply: FastifyReply): Promise<LiveSession> => {
    const token = sessionToken(request)
    const live = token ? await findLiveSession(sessions, token) : undefined
    if (live) return live
    if (token) clearSessionCookie(request, reply)
    throw new UnauthenticatedError('you are not signed in to the console (or your session ended)')
  }
  return async (app) => {
    app.post(
      '/console/api/session',
      { schema: { hide: true, body: signInInputSchema } },
      async (request, reply) => {
        const live = await signIn(sessions, request.body, request.ip)
        setSessionCookie(request, reply, live.token)
        return presentSession(live)
      },
    )
    app.get('/console/api/session', { schema: { hide: true } }, async (request, reply) =>
      presentSession(await current(request, reply)),
    )
    app.patch(
      '/console/api/session/preferences',
      { schema: { hide: true, body: preferencesPatchSchema } },
      async (request, reply) => {
        const live = await current(request, reply)
        assertCsrf(live, request, 'changing your preferences')
        const user = await updateConsolePreferences(ctx, live.actor, live.user, request.body)
        return presentSession({ ...live, user })
      },
    )
    app.delete('/console/api/session', { schema: { hide: true } }, async (request, reply) => {
      const live = await current(request, reply)
      assertCsrf(live, request, 'signing out')
      await signOut(sessions, live)
      clearSessionCookie(request, reply)
      return reply.status(204).send()
    })
  }
}

/** The body of every session answer: who is signed in and the token for x-csrf-token. */
function presentSession(live: LiveSession) {
  const { id, email, name, role, preferences } = live.user
  return { user: { id, email, name, role, preferences }, csrfToken: live.session.csrfToken }
}

function assertCsrf(live: LiveSession, request: FastifyRequest, doing: string): void {
  if (csrfMatches(live, headerValue(request.headers['x-csrf-token']))) return
  throw new ForbiddenError(`${doing} needs the header x-csrf-token set to your csrfToken`, {
    reason: 'csrf',
  })
}

function headerValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header
}
