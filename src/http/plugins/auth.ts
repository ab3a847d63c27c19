import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ForbiddenError, UnauthenticatedError } from '../../core/errors.js'
import type { Actor, ApiRole } from '../../core/roles.js'

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

const ANONYMOUS: Actor = { id: 'anonymous', role: 'system', name: 'anonymous' }

/**
 * Bearer API keys on every /v1 route, and the route's roles checked before its body is read.
 * A /v1 route that does not declare its roles fails at start-up rather than running open.
 */
export function installAuth(app: FastifyInstance, authenticator: Authenticator): void {
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
    const actor = await authenticate(request, authenticator)
    if (!roles.includes(actor.role as ApiRole)) {
      throw new ForbiddenError(
        `this needs one of the roles ${roles.join(', ')}; your key has the role ${actor.role}`,
        { required: roles, role: actor.role },
      )
    }
    request.actor = actor
  })
}

async function authenticate(request: FastifyRequest, authenticator: Authenticator): Promise<Actor> {
  const header = request.headers.authorization
  if (!header) {
    throw new UnauthenticatedError(
      'send an API key as "Authorization: Bearer <key>" (create one with `vigil keys create`)',
    )
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match?.[1]) throw new UnauthenticatedError('the Authorization header must be "Bearer <key>"')
  const actor = await authenticator.authenticate(match[1])
  if (!actor) throw new UnauthenticatedError('this API key is not known or has been revoked')
  return actor
}
