import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { matchInput } from '../../../test/factories.js'
import { DEFAULT_TAXONOMY } from '../../core/taxonomy.js'
import { ClassifierMatcher } from './classifier.js'
import { ClassifierError } from './classifier-error.js'
import {
  LLAMA_GUARD_CATEGORIES,
  LLAMA_GUARD_CATEGORY_HARMS,
  LlamaGuardClassifier,
  parseLlamaGuardAnswer,
} from './llama-guard.js'
import { ResilientClassifier } from './resilient-classifier.js'
import { type FakeProvider, serverError, startLlamaGuardServer } from './test-servers.js'

/** The table as policy wrote it; null: ignored. */
const EXPECTED: Record<string, string | null> = {
  S1: 'children_priority.serious_violence',
  S2: 'other_illegal',
  S3: 'illegal.sexual_exploitation',
  S4: 'illegal.csea',
  S5: null,
  S6: null,
  S7: null,
  S8: null,
  S9: 'illegal.weapons',
  S10: 'children_priority.abuse_hatred',
  S11: 'children_primary.suicide',
  S12: 'children_primary.pornography',
  S13: null,
  S14: null,
}

const never = new AbortController().signal
let open: FakeProvider
let keyed: FakeProvider

/** The model answers whatever the text asks for after `answer:`; otherwise `safe`. */
function scripted(text: string): string {
  return text.startsWith('answer:') ? text.slice('answer:'.length) : 'safe'
}

function adapter(server: FakeProvider, apiKey?: string) {
  return new LlamaGuardClassifier({
    baseUrl: server.base,
    apiKey,
    model: 'llama-guard3:8b',
    allowPrivate: true,
    timeoutMs: 2_000,
  })
}

async function failure(promise: Promise<unknown>): Promise<ClassifierError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ClassifierError)
  return error as ClassifierError
}

beforeAll(async () => {
  open = await startLlamaGuardServer({ answer: scripted })
  keyed = await startLlamaGuardServer({ apiKey: 'gsk-secret-key-42', answer: scripted })
})
afterEach(() => {
  open.received.length = 0
  keyed.received.length = 0
})
afterAll(async () => {
  await open.stop()
  await keyed.stop()
})

describe('parseLlamaGuardAnswer', () => {
  it.each([
    ['safe', { safe: true }],
    ['  Safe\n', { safe: true }],
    ['SAFE', { safe: true }],
    ['unsafe\nS1,S10', { safe: false, categories: ['S1', 'S10'] }],
    ['unsafe\nS1, S10', { safe: false, categories: ['S1', 'S10'] }],
    ['Unsafe\n s11 \n', { safe: false, categories: ['S11'] }],
    ['unsafe S2 S3', { safe: false, categories: ['S2', 'S3'] }],
    ['unsafe\nS4\nS4,S14', { safe: false, categories: ['S4', 'S14'] }],
  ])('reads %j', (content, expected) => {
    expect(parseLlamaGuardAnswer(content)).toEqual(expected)
  })

  it.each([
    ['', 'does not start'],
    ['maybe', 'does not start'],
    ["I'm sorry, I can't help with that.", 'does not start'],
    ['unsafe', 'names no category'],
    ['unsafe\nS15', '"S15" is not a category'],
    ['unsafe\nviolence', 'is not a category'],
    ['safe\nS1', 'then more'],
  ])('rejects %j with a clear error', (content, why) => {
    let caught: unknown
    try {
      parseLlamaGuardAnswer(content)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ClassifierError)
    expect((caught as ClassifierError).reason).toBe('bad_response')
    expect((caught as ClassifierError).message).toContain(why)
  })
})

describe('the Llama Guard category table', () => {
  it('covers S1–S14 as policy decided, onto harms the taxonomy knows', () => {
    expect(Object.keys(LLAMA_GUARD_CATEGORIES)).toEqual(Object.keys(EXPECTED))
    expect(LLAMA_GUARD_CATEGORY_HARMS).toEqual(EXPECTED)
    for (const harm of Object.values(LLAMA_GUARD_CATEGORY_HARMS)) {
      expect(harm === null || DEFAULT_TAXONOMY.has(harm), String(harm)).toBe(true)
    }
  })

  it.each(Object.entries(EXPECTED))('maps %s onto %s', async (code, harm) => {
    const matcher = new ClassifierMatcher(adapter(open))
    const signals = await matcher.match(matchInput({ text: `answer:unsafe\n${code}` }), never)
    if (harm === null) {
      expect(signals).toEqual([])
      return
    }
    expect(signals).toEqual([
      {
        source: 'classifier',
        harm,
        score: 1,
        action: 'hold',
        matcher: 'llama_guard',
        evidence: {
          classifier: 'llama_guard',
          model: 'llama-guard3:8b',
          score: 1,
          labels: { [code]: 1 },
        },
      },
    ])
  })
})

describe('LlamaGuardClassifier', () => {
  it('posts the text as one user message at temperature 0, without auth by default', async () => {
    const result = await adapter(open).classify('is this fine?', never)
    expect(result).toEqual({ model: 'llama-guard3:8b', scores: [], raw: {} })
    const [request] = open.received
    expect(request?.path).toBe('/v1/chat/completions')
    expect(request?.headers.authorization).toBeUndefined()
    expect(request?.body).toEqual({
      model: 'llama-guard3:8b',
      messages: [{ role: 'user', content: 'is this fine?' }],
      temperature: 0,
    })
  })

  it('keeps unmapped categories in raw but gives them no score', async () => {
    const result = await adapter(open).classify('answer:unsafe\nS5,S10', never)
    expect(result.raw).toEqual({ S5: 1, S10: 1 })
    expect(result.scores).toEqual([
      { harm: 'children_priority.abuse_hatred', score: 1, labels: { S10: 1 } },
    ])
  })

  it('sends the bearer key when set, and reports a wrong one without quoting it', async () => {
    await adapter(keyed, 'gsk-secret-key-42').classify('x', never)
    expect(keyed.received[0]?.headers.authorization).toBe('Bearer gsk-secret-key-42')
    const error = await failure(adapter(keyed, 'gsk-wrong-key-77').classify('x', never))
    expect(error.reason).toBe('unauthorised')
    expect(error.message).not.toContain('gsk-wrong-key-77')
  })

  it('rejects a garbage answer from the model', async () => {
    const error = await failure(adapter(open).classify('answer:Sure! Here is a poem', never))
    expect(error.reason).toBe('bad_response')
    expect(error.message).toContain('llama_guard')
  })

  it('rejects an answer that is not a chat completion', async () => {
    open.queue({ kind: 'status', status: 200, body: { choices: [] } })
    expect((await failure(adapter(open).classify('x', never))).reason).toBe('bad_response')
    open.queue({ kind: 'status', status: 200, body: { choices: [{ message: { content: null } }] } })
    expect((await failure(adapter(open).classify('x', never))).reason).toBe('bad_response')
  })

  it('is retried on 5xx behind the resilience layer', async () => {
    open.queue(serverError(502))
    const classifier = new ResilientClassifier(adapter(open), { retryDelayMs: 1, maxRetries: 1 })
    const result = await classifier.classify('answer:unsafe\nS9', never)
    expect(result.scores).toEqual([{ harm: 'illegal.weapons', score: 1, labels: { S9: 1 } }])
    expect(open.received).toHaveLength(2)
  })
})
