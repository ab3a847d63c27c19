import type { FastifyReply, FastifyRequest } from 'fastify'

/** The console's session cookie; its value is the token whose SHA-256 names the session. */
export const SESSION_COOKIE = 'vigil_session'

/** The value of a cookie in the request's Cookie header (the first, if sent twice). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const at = part.indexOf('=')
    if (at < 0 || part.slice(0, at).trim() !== name) continue
    const value = part.slice(at + 1).trim()
    return value.length > 0 ? value.replace(/^"(.*)"$/, '$1') : undefined
  }
  return undefined
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return readCookie(request, SESSION_COOKIE)
}

/** Sets the session cookie: script cannot read it, and other sites never send it. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.header('set-cookie', cookieText(request, token))
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.header('set-cookie', `${cookieText(request, '')}; Max-Age=0`)
}

function cookieText(request: FastifyRequest, value: string): string {
  const secure = request.protocol === 'https' ? '; Secure' : ''
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/${secure}`
}
