import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

describe.each(dialects())('content.blocked on %s', (dialect) => {
  let h: TestHarness
  let receiver: Server
  const received: { type: string; data: Record<string, unknown> }[] = []

  beforeAll(async () => {
    h = await createTestHarness(dialect)
    receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => {
        body += chunk
      })
      req.on('end', () => {
        received.push(JSON.parse(body))
        res.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    const secret = 'a-secret-of-at-least-24-characters'
    await h.call('platform', 'POST', '/v1/webhooks', { url, secret, events: ['content.blocked'] })
    const bank = await h.call('admin', 'POST', '/v1/banks', {
      name: 'scams',
      kind: 'url',
      harm: 'illegal.fraud',
      action: 'block',
    })
    await h.call('admin', 'POST', `/v1/banks/${bank.json().id}/entries`, {
      entries: [{ value: 'scam.example' }],
    })
  })
  afterAll(async () => {
    receiver.close()
    await h.close()
  })

  it('tells subscribers when content is blocked, and not when it is allowed', async () => {
    const blocked = contentInput({ text: 'claim your prize at https://scam.example/win' })
    const res = await h.call('platform', 'POST', '/v1/content', blocked)
    expect(res.json().verdict).toBe('block')
    await h.call('platform', 'POST', '/v1/content', contentInput())
    await h.worker.drain()
    expect(received).toEqual([
      {
        type: 'content.blocked',
        timestamp: expect.any(String),
        data: {
          subject: { id: blocked.id, kind: 'text', authorId: 'user-42' },
          caseId: res.json().caseId,
          harms: ['illegal.fraud'],
        },
      },
    ])
  })
})
