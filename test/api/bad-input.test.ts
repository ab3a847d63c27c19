import type { Response } from 'light-my-request'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, countRows, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

function expectError(res: Response, status: number, code: string): { message: string } {
  expect(res.statusCode).toBe(status)
  const body = res.json()
  expect(body.error).toMatchObject({ code, message: expect.any(String) })
  expect(body.error.requestId).toMatch(/^\S+$/)
  return body.error
}

describe.each(dialects())('bad input on %s', (dialect) => {
  let h: TestHarness
  let before: Record<string, number>
  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_BODY_LIMIT_BYTES: '2048' })
    before = await countRows(h.ctx.db)
  })
  afterAll(async () => {
    // Nothing any test below sent may have written a row.
    expect(await countRows(h.ctx.db)).toEqual(before)
    await closeHarness(h)
  })

  async function expectNothingWritten(send: () => Promise<Response>): Promise<Response> {
    const counts = await countRows(h.ctx.db)
    const res = await send()
    expect(await countRows(h.ctx.db)).toEqual(counts)
    return res
  }

  function raw(url: string, payload: string, contentType = 'application/json') {
    return h.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': contentType },
    })
  }

  it('refuses malformed JSON as invalid_input', async () => {
    for (const url of ['/v1/content', '/v1/reports']) {
      const res = await expectNothingWritten(() => raw(url, '{"id": "p1", "kind": '))
      expect(expectError(res, 400, 'invalid_input').message).toMatch(/not valid JSON/)
    }
  })

  it('refuses a body that is not JSON as unsupported_media_type', async () => {
    for (const type of ['application/xml', 'text/plain']) {
      const res = await expectNothingWritten(() => raw('/v1/content', '<content id="p1"/>', type))
      expect(expectError(res, 415, 'unsupported_media_type').message).toMatch(/application\/json/)
    }
  })

  it('refuses wrong types and names the field', async () => {
    const res = await expectNothingWritten(() =>
      h.call('platform', 'POST', '/v1/content', contentInput({ text: 42 as unknown as string })),
    )
    const error = expectError(res, 400, 'invalid_input') as { details?: { field: string }[] }
    expect(error.details).toEqual([expect.objectContaining({ field: 'body.text' })])
  })

  it('reports every invalid field, not only the first', async () => {
    const res = await expectNothingWritten(() =>
      h.call('platform', 'POST', '/v1/content', { id: 7, kind: 'text', surface: 'moon' }),
    )
    const error = expectError(res, 400, 'invalid_input') as { details?: { field: string }[] }
    expect(error.details?.map((d) => d.field).sort()).toEqual(['body.id', 'body.surface'])
  })

  it('refuses an unknown enum value', async () => {
    const res = await expectNothingWritten(() =>
      h.call('platform', 'POST', '/v1/content', contentInput({ kind: 'hologram' as 'text' })),
    )
    expect(expectError(res, 400, 'invalid_input').message).toMatch(/^body\.kind: /)
  })

  it('refuses unknown properties', async () => {
    const res = await expectNothingWritten(() =>
      h.call('platform', 'POST', '/v1/content', { ...contentInput(), colour: 'red' }),
    )
    expectError(res, 400, 'invalid_input')
  })

  it('refuses an unknown harm and points at the taxonomy', async () => {
    const res = await expectNothingWritten(() =>
      h.call('platform', 'POST', '/v1/reports', reportInput({ harm: 'x' })),
    )
    const error = expectError(res, 400, 'invalid_input')
    expect(error.message).toBe('unknown harm "x"; see GET /v1/taxonomy for the list')
  })

  it('refuses a report without the good-faith statement, or with it false', async () => {
    const { goodFaith: _omitted, ...withoutGoodFaith } = reportInput()
    for (const body of [withoutGoodFaith, reportInput({ goodFaith: false })]) {
      const res = await expectNothingWritten(() => h.call('platform', 'POST', '/v1/reports', body))
      expect(expectError(res, 400, 'invalid_input').message).toMatch(/goodFaith/)
    }
  })

  it('refuses a body over the limit as payload_too_large', async () => {
    const big = contentInput({ text: 'x'.repeat(3 * 1024) })
    const res = await expectNothingWritten(() => h.call('platform', 'POST', '/v1/content', big))
    expect(expectError(res, 413, 'payload_too_large').message).toMatch(/VIGIL_BODY_LIMIT_BYTES/)
  })

  it('refuses a decision with an unknown harm or a geo_restrict without territories', async () => {
    const filed = await h.call('platform', 'POST', '/v1/reports', reportInput())
    expect(filed.statusCode).toBe(201)
    before = await countRows(h.ctx.db)
    const url = `/v1/cases/${filed.json().caseId}/decisions`
    const unknownHarm = await expectNothingWritten(() =>
      h.call('moderator', 'POST', url, decisionInput({ harm: 'nope' })),
    )
    expect(expectError(unknownHarm, 400, 'invalid_input').message).toMatch(/unknown harm "nope"/)
    const geo = await expectNothingWritten(() =>
      h.call('moderator', 'POST', url, decisionInput({ actions: [{ type: 'geo_restrict' }] })),
    )
    expect(expectError(geo, 400, 'invalid_input').message).toMatch(/territories/)
    const view = await h.call('moderator', 'GET', `/v1/cases/${filed.json().caseId}`)
    expect(view.json()).toMatchObject({ status: 'open', decisions: [] })
  })

  it('refuses an id that is not a UUID in the path', async () => {
    const res = await h.call('moderator', 'GET', '/v1/cases/not-a-uuid')
    expect(expectError(res, 400, 'invalid_input').message).toMatch(/UUID/)
  })

  it('echoes the caller’s x-request-id in the error', async () => {
    const res = await h.call('platform', 'POST', '/v1/reports', reportInput({ harm: 'x' }), {
      'x-request-id': 'trace-1234',
    })
    expect(expectError(res, 400, 'invalid_input')).toMatchObject({ requestId: 'trace-1234' })
  })

  it('answers an unknown route with not_found and a request id', async () => {
    const res = await h.call('admin', 'GET', '/v1/nothing-here')
    expect(expectError(res, 404, 'not_found').message).toMatch(
      /no route for GET \/v1\/nothing-here/,
    )
  })
})
