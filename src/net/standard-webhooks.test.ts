import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../core/errors.js'
import { signWebhook, verifyWebhook } from './standard-webhooks.js'

// @NOTE The vector published with the Standard Webhooks reference libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  seconds: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
}
const SENT_AT = new Date(VECTOR.seconds * 1000)
const PLAIN_SECRET = 'a-plain-shared-secret-of-some-length'

function independentSignature(key: Buffer, id: string, seconds: number, body: string): string {
  const mac = createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64')
  return `v1,${mac}`
}

function signed(secret = PLAIN_SECRET, body = '{"type":"decision.recorded"}') {
  return { headers: signWebhook({ id: 'msg_1', timestamp: SENT_AT, body, secret }), body }
}

describe('signWebhook', () => {
  it('matches the published Standard Webhooks vector', () => {
    const headers = signWebhook({
      id: VECTOR.id,
      timestamp: SENT_AT,
      body: VECTOR.body,
      secret: VECTOR.secret,
    })
    expect(headers).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    })
  })

  it('uses the base64-decoded bytes after whsec_ as the key', () => {
    const key = Buffer.from(VECTOR.secret.slice('whsec_'.length), 'base64')
    const expected = independentSignature(key, VECTOR.id, VECTOR.seconds, VECTOR.body)
    expect(expected).toBe(VECTOR.signature)
    const headers = signWebhook({ ...VECTOR, timestamp: SENT_AT })
    expect(headers['webhook-signature']).toBe(expected)
  })

  it('uses the UTF-8 bytes of any other secret as the key', () => {
    const body = '{"note":"naïve café ✓"}'
    const headers = signWebhook({ id: 'msg_2', timestamp: SENT_AT, body, secret: 'clé-secrète' })
    expect(headers['webhook-signature']).toBe(
      independentSignature(Buffer.from('clé-secrète', 'utf8'), 'msg_2', VECTOR.seconds, body),
    )
  })

  it('sends integer seconds, dropping milliseconds', () => {
    const headers = signWebhook({
      id: 'msg_3',
      timestamp: new Date(VECTOR.seconds * 1000 + 999),
      body: '',
      secret: PLAIN_SECRET,
    })
    expect(headers['webhook-timestamp']).toBe(String(VECTOR.seconds))
  })

  it.each(['', 'whsec_', 'whsec_not base64!', 'whsec_A'])(
    'refuses the unusable secret %j without echoing it',
    (secret) => {
      const sign = () => signWebhook({ id: 'm', timestamp: SENT_AT, body: '', secret })
      expect(sign).toThrow(InvalidInputError)
      expect(sign).not.toThrow(/not base64!/)
    },
  )

  it('refuses an invalid date', () => {
    const sign = () =>
      signWebhook({ id: 'm', timestamp: new Date(Number.NaN), body: '', secret: PLAIN_SECRET })
    expect(sign).toThrow(InvalidInputError)
  })
})

describe('verifyWebhook', () => {
  it('accepts the published vector', () => {
    const headers = {
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.seconds),
      'webhook-signature': VECTOR.signature,
    }
    expect(verifyWebhook({ headers, body: VECTOR.body, secret: VECTOR.secret, now: SENT_AT })).toBe(
      true,
    )
  })

  it('round-trips a whsec_ secret and a plain one', () => {
    const whsec = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`
    for (const secret of [whsec, PLAIN_SECRET]) {
      const { headers, body } = signed(secret)
      expect(verifyWebhook({ headers, body, secret, now: SENT_AT })).toBe(true)
    }
  })

  it('refuses a tampered body', () => {
    const { headers, body } = signed()
    const tampered = body.replace('decision', 'Decision')
    expect(verifyWebhook({ headers, body: tampered, secret: PLAIN_SECRET, now: SENT_AT })).toBe(
      false,
    )
  })

  it('refuses a tampered id or timestamp', () => {
    const { headers, body } = signed()
    const input = { body, secret: PLAIN_SECRET, now: SENT_AT }
    expect(verifyWebhook({ ...input, headers: { ...headers, 'webhook-id': 'msg_X' } })).toBe(false)
    const shifted = { ...headers, 'webhook-timestamp': String(VECTOR.seconds + 1) }
    expect(verifyWebhook({ ...input, headers: shifted })).toBe(false)
  })

  it('refuses a wrong secret', () => {
    const { headers, body } = signed()
    const secret = `${PLAIN_SECRET}x`
    expect(verifyWebhook({ headers, body, secret, now: SENT_AT })).toBe(false)
  })

  it('allows clock skew up to the tolerance in both directions, and no further', () => {
    const { headers, body } = signed()
    const at = (offsetSeconds: number, toleranceSeconds?: number) =>
      verifyWebhook({
        headers,
        body,
        secret: PLAIN_SECRET,
        now: new Date((VECTOR.seconds + offsetSeconds) * 1000),
        toleranceSeconds,
      })
    expect(at(300)).toBe(true)
    expect(at(-300)).toBe(true)
    expect(at(301)).toBe(false)
    expect(at(-301)).toBe(false)
    expect(at(3600)).toBe(false)
    expect(at(60, 30)).toBe(false)
    expect(at(-30, 30)).toBe(true)
  })

  it('accepts any matching v1 signature in the list', () => {
    const { headers, body } = signed()
    const good = headers['webhook-signature'] ?? ''
    const other = signed('another-secret-entirely').headers['webhook-signature'] ?? ''
    const lists = [`${other} ${good}`, `v1a,abc ${good}`, `v2,${good.slice(3)} ${good}`]
    for (const list of lists) {
      const withList = { ...headers, 'webhook-signature': list }
      expect(verifyWebhook({ headers: withList, body, secret: PLAIN_SECRET, now: SENT_AT })).toBe(
        true,
      )
    }
    const onlyOther = { ...headers, 'webhook-signature': other }
    expect(verifyWebhook({ headers: onlyOther, body, secret: PLAIN_SECRET, now: SENT_AT })).toBe(
      false,
    )
  })

  it('ignores signatures under other versions and malformed entries', () => {
    const { headers, body } = signed()
    const good = headers['webhook-signature'] ?? ''
    for (const list of [`v2,${good.slice(3)}`, 'v1,', 'v1,not-base64', good.slice(3), '']) {
      const withList = { ...headers, 'webhook-signature': list }
      expect(verifyWebhook({ headers: withList, body, secret: PLAIN_SECRET, now: SENT_AT })).toBe(
        false,
      )
    }
  })

  it('reads header names case-insensitively and refuses missing ones', () => {
    const { headers, body } = signed()
    const upper = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]),
    )
    expect(verifyWebhook({ headers: upper, body, secret: PLAIN_SECRET, now: SENT_AT })).toBe(true)
    for (const name of Object.keys(headers)) {
      const missing = { ...headers, [name]: undefined }
      expect(verifyWebhook({ headers: missing, body, secret: PLAIN_SECRET, now: SENT_AT })).toBe(
        false,
      )
    }
  })

  it('refuses a timestamp that is not integer seconds', () => {
    const { headers, body } = signed()
    for (const timestamp of ['1614265330.0', '1614265330000', '-1', '', ' 1614265330']) {
      const odd = { ...headers, 'webhook-timestamp': timestamp }
      expect(verifyWebhook({ headers: odd, body, secret: PLAIN_SECRET, now: SENT_AT })).toBe(false)
    }
  })
})
