import { describe, expect, it } from 'vitest'
import { endpointUrl, parseRetryAfter, providerErrorCode } from './provider-http.js'

describe('provider-http helpers', () => {
  it('joins base URLs with or without a trailing slash or /v1', () => {
    for (const base of ['https://api.example', 'https://api.example/', 'https://api.example/v1/']) {
      expect(endpointUrl(base, '/v1/moderations')).toBe('https://api.example/v1/moderations')
    }
    expect(endpointUrl('https://gw.example/openai', '/v1/moderations')).toBe(
      'https://gw.example/openai/v1/moderations',
    )
  })

  it('reads retry-after as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('2', now)).toBe(2_000)
    expect(parseRetryAfter('0.5', now)).toBe(500)
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })

  it('takes a plain error code from an OpenAI error body, never its message', () => {
    const body = (error: unknown) => Buffer.from(JSON.stringify({ error }))
    expect(providerErrorCode(body({ message: 'key sk-1', code: 'invalid_api_key' }))).toBe(
      'invalid_api_key',
    )
    expect(providerErrorCode(body({ message: 'x', code: null, type: 'server_error' }))).toBe(
      'server_error',
    )
    expect(providerErrorCode(body({ code: 'has spaces sk-123' }))).toBeUndefined()
    expect(providerErrorCode(Buffer.from('<html>'))).toBeUndefined()
  })
})
