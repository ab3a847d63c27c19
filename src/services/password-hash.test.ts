import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCRYPT,
  hashParams,
  hashPassword,
  needsRehash,
  type ScryptParams,
  verifyPassword,
} from './password-hash.js'

// @NOTE Cheap parameters for most cases; one test runs the real ones.
const CHEAP: ScryptParams = { n: 1024, r: 8, p: 1, keyLength: 32 }

describe('password hashing with scrypt', () => {
  it('verifies the right password and refuses others, with the default parameters', async () => {
    const stored = await hashPassword('correct horse battery staple')
    expect(stored).toMatch(/^\$scrypt\$n=32768,r=8,p=1,l=64\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/)
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('salts each hash with 16 fresh random bytes', async () => {
    const a = await hashPassword('the same password', CHEAP)
    const b = await hashPassword('the same password', CHEAP)
    expect(a).not.toBe(b)
    const salt = a.split('$')[3] as string
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16)
  })

  it('keeps the parameters with the hash, so old hashes verify after they are raised', async () => {
    const stored = await hashPassword('an older password hash', CHEAP)
    expect(hashParams(stored)).toEqual(CHEAP)
    expect(await verifyPassword('an older password hash', stored)).toBe(true)
    expect(needsRehash(stored)).toBe(true)
    expect(needsRehash(stored, CHEAP)).toBe(false)
    expect(needsRehash(await hashPassword('x', DEFAULT_SCRYPT))).toBe(false)
  })

  it('treats a malformed or foreign hash as a mismatch, not an error', async () => {
    for (const stored of ['', 'plain', '$2b$10$abcdefghijklmnopqrstuv', '$scrypt$n=1$a$b']) {
      expect(await verifyPassword('anything at all', stored)).toBe(false)
      expect(needsRehash(stored)).toBe(true)
    }
  })

  it('compares Unicode passwords in one normal form', async () => {
    const stored = await hashPassword('caf\u00e9 au lait, s\u2019il vous pla\u00eet', CHEAP)
    expect(await verifyPassword('cafe\u0301 au lait, s\u2019il vous pla\u00eet', stored)).toBe(true)
  })
})
