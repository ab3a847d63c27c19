import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_QUEUE_DEFINITIONS } from '../../src/core/policy/queues.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const POLICY = JSON.stringify({
  queues: {
    definitions: [...DEFAULT_QUEUE_DEFINITIONS, { id: 'scams', label: 'Scams', slaHours: 12 }],
  },
})

describe.each(dialects())("rules name the policy's queues on %s", (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_POLICY: POLICY })
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const rule = (name: string, queue: string) =>
    h.call('admin', 'POST', '/v1/rules', {
      format: 'json',
      source: JSON.stringify({ name, when: { kind: 'text' }, do: { queue } }),
    })

  it("accepts a queue only the service's policy defines", async () => {
    const created = await rule('to-scams', 'scams')
    expect(created.statusCode, created.body).toBe(201)
  })

  it('refuses a queue the policy lacks, naming the path, and stores nothing', async () => {
    const refused = await rule('to-nowhere', 'nowhere')
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details.problems).toEqual([
      { path: 'do.queue', message: 'unknown queue "nowhere"; see GET /v1/queues for the list' },
    ])
    const listed = (await h.call('moderator', 'GET', '/v1/rules')).json()
    expect(JSON.stringify(listed)).not.toContain('to-nowhere')
  })
})
