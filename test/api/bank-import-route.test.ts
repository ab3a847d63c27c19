import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const hash = (n: number) => n.toString(16).padStart(2, '0').repeat(32)

describe.each(dialects())('POST /v1/banks/{id}/import on %s', (dialect) => {
  let h: TestHarness
  let bankId: string
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    const created = await h.call('admin', 'POST', '/v1/banks', {
      name: 'imported-hashes',
      kind: 'sha256',
      harm: 'illegal.terrorism',
      action: 'block',
    })
    bankId = created.json().id
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('imports JSON lines and answers with the counts', async () => {
    const content = [hash(1), hash(2), hash(1)].map((value) => JSON.stringify({ value })).join('\n')
    const res = await h.call('admin', 'POST', `/v1/banks/${bankId}/import`, {
      format: 'jsonl',
      content,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ rows: 3, added: 2, duplicates: 1, otherSignalType: 0 })
    const page = await h.call('moderator', 'GET', `/v1/banks/${bankId}/entries`)
    expect(page.json().entries).toHaveLength(2)
  })

  it('refuses a file with a bad row and writes nothing', async () => {
    const content = [hash(3), 'not a hash'].map((value) => JSON.stringify({ value })).join('\n')
    const res = await h.call('admin', 'POST', `/v1/banks/${bankId}/import`, {
      format: 'jsonl',
      content,
    })
    expect(res.statusCode).toBe(400)
    expect(JSON.stringify(res.json().error)).toContain('line 2')
    const page = await h.call('moderator', 'GET', `/v1/banks/${bankId}/entries`)
    expect(page.json().entries).toHaveLength(2)
  })

  it('is for admins only', async () => {
    const res = await h.call('moderator', 'POST', `/v1/banks/${bankId}/import`, {
      format: 'jsonl',
      content: JSON.stringify({ value: hash(4) }),
    })
    expect(res.statusCode).toBe(403)
  })
})
