import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchInput } from '../../../test/factories.js'
import { InvalidInputError } from '../../core/errors.js'
import { DetectionPipeline } from '../pipeline.js'
import { type ClassifierSettings, createClassifierMatchers } from './create-classifiers.js'
import {
  type FakeProvider,
  serverError,
  startLlamaGuardServer,
  startModerationServer,
} from './test-servers.js'

const KEY = 'sk-factory-key-123456'
let moderation: FakeProvider
let guard: FakeProvider

beforeAll(async () => {
  moderation = await startModerationServer({
    apiKey: KEY,
    scores: (input): Record<string, number> =>
      input.includes('kill') ? { 'harassment/threatening': 0.93 } : {},
  })
  guard = await startLlamaGuardServer({
    answer: (text) => (text.includes('kill') ? 'unsafe\nS1' : 'safe'),
  })
})
afterAll(async () => {
  await moderation.stop()
  await guard.stop()
})

function settings(overrides: Partial<ClassifierSettings> = {}): ClassifierSettings {
  return {
    lexicon: { enabled: true },
    openai: { baseUrl: moderation.base, apiKey: KEY, timeoutMs: 1_000, retryDelayMs: 1 },
    llamaGuard: {
      baseUrl: guard.base,
      model: 'llama-guard3:1b',
      timeoutMs: 1_000,
      retryDelayMs: 1,
    },
    allowPrivateNetwork: true,
    ...overrides,
  }
}

function refusal(input: ClassifierSettings): string {
  try {
    createClassifierMatchers(input)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError)
    return (error as Error).message
  }
  throw new Error('expected the settings to be refused')
}

describe('createClassifierMatchers', () => {
  it('builds the lexicon alone from the minimal settings, and nothing when it is off', () => {
    const only = createClassifierMatchers({
      lexicon: { enabled: true },
      allowPrivateNetwork: false,
    })
    expect(only.map((m) => m.name)).toEqual(['lexicon'])
    expect(
      createClassifierMatchers({ lexicon: { enabled: false }, allowPrivateNetwork: false }),
    ).toEqual([])
  })

  it('runs all three in the pipeline', async () => {
    const matchers = createClassifierMatchers(settings())
    expect(matchers.map((m) => m.name)).toEqual(['lexicon', 'openai_moderation', 'llama_guard'])
    const pipeline = new DetectionPipeline({ deadlineMs: 2_000, matchers })
    const result = await pipeline.run(matchInput({ text: 'I will kill you' }))
    expect(result.failures).toEqual([])
    expect(result.signals.map((s) => [s.matcher, s.harm, s.action]).sort()).toEqual([
      ['lexicon', 'illegal.harassment.threat_to_life', 'hold'],
      ['llama_guard', 'children_priority.serious_violence', 'hold'],
      ['openai_moderation', 'illegal.harassment.threat_to_life', 'hold'],
    ])
    expect(result.verdict).toBe('hold')
    expect(guard.received.at(-1)?.body).toMatchObject({ model: 'llama-guard3:1b' })
  })

  it('passes thresholds and category overrides through', async () => {
    const [matcher] = createClassifierMatchers(
      settings({
        lexicon: { enabled: false },
        llamaGuard: undefined,
        openai: {
          baseUrl: moderation.base,
          apiKey: KEY,
          categoryHarms: { 'harassment/threatening': 'children_priority.bullying' },
          thresholds: { harms: { 'children_priority.bullying': { review: 0.5, block: 0.9 } } },
        },
      }),
    )
    const signals = await matcher?.match(matchInput({ text: 'kill' }), new AbortController().signal)
    expect(signals?.map((s) => [s.harm, s.action])).toEqual([
      ['children_priority.bullying', 'block'],
    ])
  })

  it('records a provider that keeps failing and keeps the other signals', async () => {
    moderation.queue(serverError(), serverError(), serverError())
    const pipeline = new DetectionPipeline({
      deadlineMs: 2_000,
      matchers: createClassifierMatchers(
        settings({
          llamaGuard: undefined,
          openai: { baseUrl: moderation.base, apiKey: KEY, maxRetries: 2, retryDelayMs: 1 },
        }),
      ),
    })
    const result = await pipeline.run(matchInput({ text: 'I will kill you' }))
    expect(result.failures).toEqual([
      { matcher: 'openai_moderation', reason: expect.stringContaining('HTTP 500') },
    ])
    expect(result.signals.map((s) => s.matcher)).toEqual(['lexicon'])
  })

  it('refuses loopback endpoints unless private networks are allowed', async () => {
    const matchers = createClassifierMatchers(
      settings({ allowPrivateNetwork: false, lexicon: { enabled: false } }),
    )
    const result = await new DetectionPipeline({ deadlineMs: 2_000, matchers }).run(
      matchInput({ text: 'hello' }),
    )
    expect(result.failures.map((f) => f.matcher)).toEqual(['openai_moderation', 'llama_guard'])
    expect(result.failures[0]?.reason).toContain('private')
  })

  it('refuses bad settings, naming each problem and never the key', () => {
    const secret = 'sk-live-DO-NOT-PRINT-424242'
    const message = refusal(
      settings({ openai: { baseUrl: 'ftp://example.com', apiKey: secret, timeoutMs: -1 } }),
    )
    expect(message).toContain('openai.baseUrl')
    expect(message).toContain('openai.timeoutMs')
    expect(message).not.toContain(secret)
    expect(refusal(settings({ openai: { baseUrl: moderation.base, apiKey: '' } }))).toContain(
      'openai.apiKey',
    )
    expect(
      refusal(
        settings({
          llamaGuard: { baseUrl: guard.base, categoryHarms: { S5: 'illegal.defamation' } },
        }),
      ),
    ).toContain('unknown harm "illegal.defamation"')
    expect(
      refusal(
        settings({
          lexicon: { enabled: true, thresholds: { harms: { 'illegal.hat': { review: 0.5 } } } },
        }),
      ),
    ).toContain('unknown harm "illegal.hat"')
    expect(
      refusal(settings({ lexicon: { enabled: true, path: '/nonexistent/lexicon.json' } })),
    ).toContain('cannot be read')
  })
})
