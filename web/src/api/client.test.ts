import { describe, expect, it } from 'vitest'
import { ApiError, buildUrl, createApiClient } from './client'

interface Sent {
  url: string
  init: RequestInit
}

function fakeFetch(answer: Response, sent: Sent[]): typeof fetch {
  return async (url, init) => {
    sent.push({ url: String(url), init: init ?? {} })
    return answer.clone()
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

describe('the console API client', () => {
  it('fills path parameters and the query string', () => {
    expect(buildUrl('/v1/cases/{id}/claim', { id: 'a b' })).toBe('/v1/cases/a%20b/claim')
    expect(buildUrl('/v1/cases', undefined, { queue: 'fraud', limit: 5, kind: undefined })).toBe(
      '/v1/cases?queue=fraud&limit=5',
    )
  })

  it('sends the cookie on the same origin, and the CSRF token on changes only', async () => {
    const sent: Sent[] = []
    const api = createApiClient({ fetch: fakeFetch(json({ cases: [], total: 0 }), sent) })
    api.setCsrfToken('token-1')
    await api.get('/v1/cases', { query: { queue: 'fraud' } })
    await api.post('/v1/cases/{id}/claim', { params: { id: 'c1' }, body: {} })
    expect(sent.map((s) => s.init.credentials)).toEqual(['same-origin', 'same-origin'])
    const [get, post] = sent.map((s) => s.init.headers as Record<string, string>)
    expect(get?.['x-csrf-token']).toBeUndefined()
    expect(post).toMatchObject({ 'x-csrf-token': 'token-1', 'content-type': 'application/json' })
    expect(sent[1]?.url).toBe('/v1/cases/c1/claim')
  })

  it('throws the API error message, and reports a 401', async () => {
    let expired = 0
    const body = { error: { code: 'conflict', message: 'Ada holds this case until 10:30' } }
    const api = createApiClient({
      fetch: fakeFetch(json(body, 409), []),
      onUnauthenticated: () => {
        expired += 1
      },
    })
    const error = await api.post('/v1/cases/{id}/claim', { params: { id: 'c1' } }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ message: body.error.message, code: 'conflict', status: 409 })
    const gone = createApiClient({
      fetch: fakeFetch(new Response('<html>', { status: 401 }), []),
      onUnauthenticated: () => {
        expired += 1
      },
    })
    await expect(gone.get('/v1/queues')).rejects.toThrow('The server answered 401')
    expect(expired).toBe(1)
  })

  it('fetches a file with its bytes and type, and turns a refusal into the API error', async () => {
    const sent: Sent[] = []
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47])
    const file = new Response(png, { headers: { 'content-type': 'image/png' } })
    const api = createApiClient({ fetch: fakeFetch(file, sent) })
    const answer = await api.getFile('/v1/evidence/{id}/content', {
      params: { id: 'e1' },
      query: { purpose: 'NCA report NCA-1' },
    })
    expect(answer.contentType).toBe('image/png')
    expect(new Uint8Array(await answer.blob.arrayBuffer())).toEqual(png)
    expect(sent[0]?.url).toBe('/v1/evidence/e1/content?purpose=NCA+report+NCA-1')
    expect(sent[0]?.init.credentials).toBe('same-origin')
    const refusal = { error: { code: 'purpose_required', message: 'say why you open this' } }
    const refused = createApiClient({ fetch: fakeFetch(json(refusal, 400), []) })
    await expect(
      refused.getFile('/v1/evidence/{id}/content', { params: { id: 'e1' } }),
    ).rejects.toMatchObject({
      code: 'purpose_required',
      status: 400,
      message: 'say why you open this',
    })
  })
})
