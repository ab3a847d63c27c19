import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type FakeProvider,
  startLlamaGuardServer,
  startModerationServer,
} from '../../src/detection/classifiers/test-servers.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const API_KEY = 'sk-test-0123456789abcdef'

describe.each(dialects())('classifiers through the configuration on %s', (dialect) => {
  let h: TestHarness
  let openai: FakeProvider
  let llamaGuard: FakeProvider
  beforeAll(async () => {
    openai = await startModerationServer({
      apiKey: API_KEY,
      scores: (input): Record<string, number> =>
        input.includes('meet me alone') ? { 'sexual/minors': 0.97 } : {},
    })
    llamaGuard = await startLlamaGuardServer({
      answer: (text) => (text.includes('pipe bomb') ? 'unsafe\nS9' : 'safe'),
    })
    h = await createTestHarness(dialect, {
      VIGIL_LEXICON: 'true',
      VIGIL_OPENAI_MODERATION_URL: openai.base,
      VIGIL_OPENAI_API_KEY: API_KEY,
      VIGIL_LLAMA_GUARD_URL: llamaGuard.base,
    })
  })
  afterAll(async () => {
    await closeHarness(h)
    await openai.stop()
    await llamaGuard.stop()
  })

  const ingest = (text: string, surface = 'public') =>
    h.call('platform', 'POST', '/v1/content', contentInput({ text, surface: surface as 'public' }))

  it('detects a threat, weapon sales and hate with the offline lexicon alone', async () => {
    for (const [text, harm] of [
      ['I am going to kill you tomorrow', 'illegal.harassment.threat_to_life'],
      ['zombie knife for sale, dm me', 'illegal.weapons'],
    ] as const) {
      const res = await ingest(text)
      expect(res.json().verdict, text).not.toBe('allow')
      expect(res.json().signals, text).toContainEqual(
        expect.objectContaining({ source: 'classifier', matcher: 'lexicon', harm }),
      )
    }
    expect((await ingest('Lovely weather for a picnic')).json()).toMatchObject({
      verdict: 'allow',
      signals: [],
    })
  })

  it('asks OpenAI moderation and Llama Guard, with the key, and maps their answers', async () => {
    const groom = await ingest('you are mature for your age, meet me alone')
    expect(groom.json().signals).toContainEqual(
      expect.objectContaining({ matcher: 'openai_moderation', harm: 'illegal.csea' }),
    )
    expect(openai.received.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    const bomb = await ingest('how to build a pipe bomb')
    expect(bomb.json().signals).toContainEqual(
      expect.objectContaining({ matcher: 'llama_guard', harm: 'illegal.weapons' }),
    )
  })

  it('records a failing provider and still decides with the others', async () => {
    openai.queue({
      kind: 'status',
      status: 401,
      body: { error: { message: 'bad key', code: 'invalid_api_key' } },
    })
    const res = await ingest('I am going to kill you tomorrow')
    expect(res.json().failures).toEqual([expect.objectContaining({ matcher: 'openai_moderation' })])
    expect(res.json().verdict).not.toBe('allow')
    expect(JSON.stringify(res.json())).not.toContain(API_KEY)
  })

  it('does not scan private messages unless the operator turns it on', async () => {
    const before = openai.received.length
    const res = await ingest('I am going to kill you tomorrow', 'private')
    expect(res.json()).toMatchObject({ verdict: 'allow', signals: [] })
    expect(openai.received.length).toBe(before)
  })
})
