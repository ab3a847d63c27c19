import { createServer, type Server } from 'node:http'
import { expect } from 'vitest'
import type { TestHarness } from './harness.js'

/** A webhook event as a subscriber receives it. */
export interface ReceivedEvent {
  type: string
  data: Record<string, unknown> & { action?: Record<string, unknown> }
}

export interface WebhookReceiver {
  url: string
  /** Every event received, oldest first. */
  events: ReceivedEvent[]
  close(): Promise<void>
}

/** A webhook receiver on 127.0.0.1 that answers 200 and keeps every event it is sent. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const events: ReceivedEvent[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('receiver has no port')
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    events,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** Starts a receiver and subscribes it to `events` of the harness's app. */
export async function subscribedReceiver(
  h: TestHarness,
  events: string[],
): Promise<WebhookReceiver> {
  const receiver = await startWebhookReceiver()
  const hook = await h.call('platform', 'POST', '/v1/webhooks', {
    url: receiver.url,
    secret: 'a-secret-of-at-least-24-characters',
    events,
  })
  expect(hook.statusCode, hook.body).toBe(201)
  return receiver
}
