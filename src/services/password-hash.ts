import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt's cost parameters; they are stored with each hash so they can be raised later. */
export interface ScryptParams {
  /** CPU and memory cost, a power of two. */
  n: number
  /** Block size. */
  r: number
  /** Parallelism. */
  p: number
  /** Length of the derived key in bytes. */
  keyLength: number
}

/** 2^15 with r = 8 uses 32 MiB and about 50-100 ms per hash (OWASP's scrypt minimum is 2^17 r=8
 * p=1 at 128 MiB; this is the same work factor spread over less memory). */
export const DEFAULT_SCRYPT: ScryptParams = { n: 2 ** 15, r: 8, p: 1, keyLength: 64 }

const SALT_BYTES = 16
const FORMAT = /^\$scrypt\$n=(\d+),r=(\d+),p=(\d+),l=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/

/** `$scrypt$n=32768,r=8,p=1,l=64$<salt>$<hash>` with base64url salt and hash. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const hash = await derive(password, salt, params)
  const { n, r, p, keyLength } = params
  return `$scrypt$n=${n},r=${r},p=${p},l=${keyLength}$${salt.toString('base64url')}$${hash.toString('base64url')}`
}

/** Whether the password matches the stored hash, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const actual = await derive(password, parsed.salt, parsed.params)
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash)
}

/** Whether a stored hash was made with weaker parameters than `params` (rehash on sign-in). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parseHash(stored)
  if (!parsed) return true
  const old = parsed.params
  return (
    old.n < params.n || old.r < params.r || old.p < params.p || old.keyLength < params.keyLength
  )
}

/** The parameters a stored hash was made with, or undefined when it is not one of ours. */
export function hashParams(stored: string): ScryptParams | undefined {
  return parseHash(stored)?.params
}

function parseHash(
  stored: string,
): { params: ScryptParams; salt: Buffer; hash: Buffer } | undefined {
  const match = FORMAT.exec(stored)
  if (!match) return undefined
  const [, n, r, p, l, salt, hash] = match
  return {
    params: { n: Number(n), r: Number(r), p: Number(p), keyLength: Number(l) },
    salt: Buffer.from(salt ?? '', 'base64url'),
    hash: Buffer.from(hash ?? '', 'base64url'),
  }
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.n,
    r: params.r,
    p: params.p,
    // @NOTE scrypt needs 128 * N * r bytes; Node refuses anything over maxmem (32 MiB by default).
    maxmem: 256 * params.n * params.r,
  }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}
