import { createHmac, timingSafeEqual } from 'node:crypto'
import { InvalidInputError } from '../core/errors.js'

// @NOTE Standard Webhooks (https://www.standardwebhooks.com): HMAC-SHA256 over
// `${id}.${timestamp}.${body}`, sent as `webhook-signature: v1,<base64>` (space-separated when
// several secrets are live), with `webhook-id` and `webhook-timestamp` (integer Unix seconds).

const SECRET_PREFIX = 'whsec_'
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const SIGNATURE_BYTES = 32

export interface SignWebhookInput {
  id: string
  timestamp: Date
  body: string
  secret: string
}

export interface VerifyWebhookInput {
  headers: Record<string, string | string[] | undefined>
  body: string
  secret: string
  now: Date
  toleranceSeconds?: number
}

/**
 * The HMAC key for a secret: the base64-decoded bytes after `whsec_`, or else the UTF-8 bytes of
 * the secret as given. Throws `InvalidInputError` (without echoing the secret) when it is unusable.
 */
function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) {
    if (secret === '') throw new InvalidInputError('webhook secret is empty')
    return Buffer.from(secret, 'utf8')
  }
  const encoded = secret.slice(SECRET_PREFIX.length)
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0)
  if (key.length === 0) {
    throw new InvalidInputError('webhook secret starting with "whsec_" must continue in base64')
  }
  return key
}

function signature(key: Buffer, id: string, timestamp: string, body: string): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest()
}

function unixSeconds(date: Date): number {
  const millis = date.getTime()
  if (Number.isNaN(millis)) throw new InvalidInputError('webhook timestamp is not a valid date')
  return Math.floor(millis / 1000)
}

/** The `webhook-id`, `webhook-timestamp` and `webhook-signature` headers for one delivery. */
export function signWebhook(input: SignWebhookInput): Record<string, string> {
  const timestamp = String(unixSeconds(input.timestamp))
  const mac = signature(secretKey(input.secret), input.id, timestamp, input.body)
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${mac.toString('base64')}`,
  }
}

function header(headers: VerifyWebhookInput['headers'], name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)
  const value = entry?.[1]
  return Array.isArray(value) ? value.join(' ') : value
}

function matchesAny(signatures: string, expected: Buffer): boolean {
  let matched = false
  for (const candidate of signatures.split(' ')) {
    const comma = candidate.indexOf(',')
    if (comma === -1 || candidate.slice(0, comma) !== 'v1') continue
    const given = Buffer.from(candidate.slice(comma + 1), 'base64')
    if (given.length === SIGNATURE_BYTES && timingSafeEqual(given, expected)) matched = true
  }
  return matched
}

/**
 * True when the headers carry a `v1` signature of `body` made with `secret` and the timestamp is
 * within `toleranceSeconds` of `now` in either direction. Header names are case-insensitive.
 */
export function verifyWebhook(input: VerifyWebhookInput): boolean {
  const { headers, toleranceSeconds = 300 } = input
  const id = header(headers, 'webhook-id')
  const timestamp = header(headers, 'webhook-timestamp')
  const signatures = header(headers, 'webhook-signature')
  if (id === undefined || timestamp === undefined || signatures === undefined) return false
  if (!/^\d{1,15}$/.test(timestamp)) return false
  const age = unixSeconds(input.now) - Number(timestamp)
  if (Math.abs(age) > toleranceSeconds) return false
  const expected = signature(secretKey(input.secret), id, timestamp, input.body)
  return matchesAny(signatures, expected)
}
