import type { FastifyRequest } from 'fastify'
import { describe, expect, it } from 'vitest'
import { readCookie, sessionToken } from './session-cookie.js'

const request = (cookie?: string) => ({ headers: cookie ? { cookie } : {} }) as FastifyRequest

describe('the session cookie', () => {
  it('reads vigil_session among other cookies', () => {
    expect(sessionToken(request('a=1; vigil_session=abc_-9; b=2'))).toBe('abc_-9')
    expect(sessionToken(request('vigil_session="quoted"'))).toBe('quoted')
    expect(sessionToken(request('vigil_session=first; vigil_session=second'))).toBe('first')
  })

  it('finds nothing when it is absent, empty or only a prefix of another name', () => {
    expect(sessionToken(request())).toBeUndefined()
    expect(sessionToken(request('vigil_session='))).toBeUndefined()
    expect(sessionToken(request('my_vigil_session=x; novalue'))).toBeUndefined()
    expect(readCookie(request('x=1'), 'x')).toBe('1')
  })
})
