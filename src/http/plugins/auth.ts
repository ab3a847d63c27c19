import type { FastifyInstance, FastifyRequest } from 'fastify'
import { consoleRefusal, openApiPath } from '../../core/console-roles.js'
import { ForbiddenError, UnauthenticatedError } from '../../core/errors.js'
import type { Actor, ApiRole } from '../../core/roles.js'
import { csrfMatches, type LiveSession } from '../../services/console-sessions.js'
import { sessionToken } from './session-cookie.js'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
  interface FastifyContextConfig {
    /** Who may call the route; every /v1 route must say. */
    roles?: readonly ApiRole[] | 'public'
  }
}

export interface Authenticator {
  authenticate(key: string): Promise<Actor | undefined>
}

/** Finds the live console session of a cookie's token. */
export type SessionLookup = (token: string) => Promise<LiveSession | undefined>

const ANONYMOUS: Actor = { id: 'anonymous', role: 'system', name: 'anonymous' }
const READ_METHODS = new Set(['GET', 'HEAD'])

/**
 * Bearer API keys or the console's session cookie on every /v1 route, and the route's roles
 * checked before its body is read. A /v1 route that does not declare its roles fails at
 * start-up rather than running open. A bearer key wins over a cookie sent with it.
 */
export function installAuth(
  app: FastifyInstance,
  authenticator: Authenticator,
  sessions: SessionLookup,
): void {
  app.decorateRequest('actor', null as unknown as Actor)
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1') && !route.config?.roles) {
      throw new Error(`route ${route.method} ${route.url} does not declare its roles`)
    }
  })
  app.addHook('onRequest', async (request) => {
    const roles = request.routeOptions.config?.roles
    if (!roles || roles === 'public') {
      request.actor = ANONYMOUS
      return
    }
    const token = request.headers.authorization ? undefined : sessionToken(request)
    request.actor =
      token === undefined
        ? await keyActor(request, authenticator, roles)
        : await sessionActor(request, await sessions(token), roles)
  })
}

async function keyActor(
  request: FastifyRequest,
  authenticator: Authenticator,
  roles: readonly ApiRole[],
): Promise<Actor> {
  const actor = await authenticate(request, authenticator)
  if (!roles.includes(actor.role as ApiRole)) {
    throw new ForbiddenError(
      `this needs one of the roles ${roles.join(', ')}; your key has the role ${actor.role}`,
      { required: roles, role: actor.role },
    )
  }
  return actor
}

/** A console session: the CSRF header on every change, then the console role's rules. */
function sessionActor(
  request: FastifyRequest,
  live: LiveSession | undefined,
  roles: readonly ApiRole[],
): Actor {
  if (!live) {
    throw new UnauthenticatedError(
      'your console session has ended (signed out, unused for too long, or too old); sign in again',
    )
  }
  const header = request.headers['x-csrf-token']
  if (!READ_METHODS.has(request.method) && !csrfMatches(live, firstValue(header))) {
    throw new ForbiddenError(
      'a change made with the session cookie needs the header x-csrf-token set to the csrfToken of GET /console/api/session',
      { reason: 'csrf' },
    )
  }
  const role = live.user.role
  const path = openApiPath(request.routeOptions.url ?? '')
  const refusal = consoleRefusal(role, request.method, path, roles)
  if (refusal) {
    throw new ForbiddenError(refusal.message, {
      reason: refusal.reason,
      consoleRole: role,
      required: roles,
    })
  }
  return live.actor
}

function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header
}

async function authenticate(request: FastifyRequest, authenticator: Authenticator): Promise<Actor> {
  const header = request.headers.authorization
  if (!header) {
    throw new UnauthenticatedError(
      'send an API key as "Authorization: Bearer <key>" (create one with `vigil keys create`), or sign in to the console',
    )
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match?.[1]) throw new UnauthenticatedError('the Authorization header must be "Bearer <key>"')
  const actor = await authenticator.authenticate(match[1])
  if (!actor) throw new UnauthenticatedError('this API key is not known or has been revoked')
  return actor
}
