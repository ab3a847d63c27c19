import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { matchInput } from '../../../test/factories.js'
import { DEFAULT_TAXONOMY } from '../../core/taxonomy.js'
import { ClassifierMatcher } from './classifier.js'
import { ClassifierError } from './classifier-error.js'
import {
  OPENAI_CATEGORY_HARMS,
  OPENAI_MODERATION_CATEGORIES,
  OpenAiModerationClassifier,
} from './openai-moderation.js'
import { ResilientClassifier } from './resilient-classifier.js'
import {
  type FakeProvider,
  rateLimited,
  serverError,
  slow,
  startModerationServer,
} from './test-servers.js'

const API_KEY = 'sk-test-right-key-0123456789'
const WRONG_KEY = 'sk-test-WRONG-key-SECRET-9876'

/** The table as policy wrote it; a change to the code's table must change this too. */
const EXPECTED: Record<string, string> = {
  harassment: 'children_priority.bullying',
  'harassment/threatening': 'illegal.harassment.threat_to_life',
  hate: 'children_priority.abuse_hatred',
  'hate/threatening': 'illegal.hate',
  illicit: 'other_illegal',
  'illicit/violent': 'illegal.weapons',
  'self-harm': 'children_primary.self_injury',
  'self-harm/intent': 'children_primary.self_injury',
  'self-harm/instructions': 'illegal.suicide_self_harm',
  sexual: 'children_primary.pornography',
  'sexual/minors': 'illegal.csea',
  violence: 'children_priority.serious_violence',
  'violence/graphic': 'children_priority.graphic_violence',
}

let server: FakeProvider
const never = new AbortController().signal

/** Input `score <category> <n>` scores that category n; others 0.001. */
function scoresFor(input: string): Record<string, number> {
  const [, category, score] = /^score (\S+) ([\d.]+)$/.exec(input) ?? []
  return category ? { [category]: Number(score) } : {}
}

function adapter(
  overrides: Partial<ConstructorParameters<typeof OpenAiModerationClassifier>[0]> = {},
) {
  return new OpenAiModerationClassifier({
    baseUrl: server.base,
    apiKey: API_KEY,
    allowPrivate: true,
    timeoutMs: 2_000,
    ...overrides,
  })
}

function resilient(classifier = adapter()) {
  return new ResilientClassifier(classifier, {
    timeoutMs: 1_000,
    maxRetries: 2,
    retryDelayMs: 1,
    maxRetryDelayMs: 50,
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
  server = await startModerationServer({ apiKey: API_KEY, scores: scoresFor })
})
afterEach(() => {
  server.received.length = 0
})
afterAll(() => server.stop())

describe('the OpenAI category table', () => {
  it('maps every category as policy decided, onto harms the taxonomy knows', () => {
    expect([...OPENAI_MODERATION_CATEGORIES].sort()).toEqual(Object.keys(EXPECTED).sort())
    expect(OPENAI_CATEGORY_HARMS).toEqual(EXPECTED)
    for (const harm of Object.values(OPENAI_CATEGORY_HARMS)) {
      expect(harm === null || DEFAULT_TAXONOMY.has(harm), String(harm)).toBe(true)
    }
  })

  it.each(Object.entries(EXPECTED))(
    'turns a high %s score into a %s signal',
    async (category, harm) => {
      const matcher = new ClassifierMatcher(adapter())
      const signals = await matcher.match(matchInput({ text: `score ${category} 0.91` }), never)
      expect(signals).toEqual([
        {
          source: 'classifier',
          harm,
          score: 0.91,
          action: 'hold',
          matcher: 'openai_moderation',
          evidence: expect.objectContaining({
            classifier: 'openai_moderation',
            model: 'omni-moderation-2024-09-26',
            score: 0.91,
          }),
        },
      ])
      expect(signals[0]?.evidence.labels).toMatchObject({ [category]: 0.91 })
    },
  )
})

describe('OpenAiModerationClassifier', () => {
  it('posts { model, input } to /v1/moderations with the bearer key', async () => {
    await adapter().classify('hello there', never)
    expect(server.received).toHaveLength(1)
    const [request] = server.received
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/v1/moderations')
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.body).toEqual({ model: 'omni-moderation-latest', input: 'hello there' })
  })

  it('sends the configured model and tolerates a base URL ending in /v1/', async () => {
    await adapter({ baseUrl: `${server.base}/v1/`, model: 'text-moderation-stable' }).classify(
      'x',
      never,
    )
    expect(server.received[0]?.path).toBe('/v1/moderations')
    expect(server.received[0]?.body).toMatchObject({ model: 'text-moderation-stable' })
  })

  it('keeps every raw score, combines self-harm labels by their highest score', async () => {
    const result = await adapter().classify('score self-harm/intent 0.66', never)
    expect(Object.keys(result.raw).sort()).toEqual([...OPENAI_MODERATION_CATEGORIES].sort())
    const selfInjury = result.scores.find((s) => s.harm === 'children_primary.self_injury')
    expect(selfInjury).toEqual({
      harm: 'children_primary.self_injury',
      score: 0.66,
      labels: { 'self-harm': 0.001, 'self-harm/intent': 0.66 },
    })
  })

  it('gives no signal for low scores', async () => {
    const matcher = new ClassifierMatcher(adapter())
    expect(await matcher.match(matchInput({ text: 'a nice day' }), never)).toEqual([])
  })

  it('lets operators remap or ignore categories', async () => {
    const classifier = adapter({
      categoryHarms: { violence: 'illegal.harassment.threat_to_life', hate: null },
    })
    const violent = await classifier.classify('score violence 0.9', never)
    expect(violent.scores.find((s) => s.score === 0.9)?.harm).toBe(
      'illegal.harassment.threat_to_life',
    )
    const hateful = await classifier.classify('score hate 0.9', never)
    expect(hateful.scores.some((s) => s.score === 0.9)).toBe(false)
  })

  it('keeps the key out of its printable state', () => {
    const classifier = adapter()
    expect(inspect(classifier, { showHidden: true, depth: 5 })).not.toContain(API_KEY)
    expect(JSON.stringify(classifier)).not.toContain(API_KEY)
  })

  it('fails on 401 without retrying and without quoting the key', async () => {
    const error = await failure(resilient(adapter({ apiKey: WRONG_KEY })).classify('x', never))
    expect(error.reason).toBe('unauthorised')
    expect(error.message).toContain('401')
    expect(error.message).toContain('invalid_api_key')
    expect(error.message).not.toContain(WRONG_KEY)
    expect(JSON.stringify(error.details)).not.toContain(WRONG_KEY)
    expect(server.received).toHaveLength(1)
  })

  it('does not retry a 400', async () => {
    server.queue({ kind: 'status', status: 400, body: { error: { code: 'input_too_long' } } })
    const error = await failure(resilient().classify('x', never))
    expect(error.reason).toBe('rejected')
    expect(server.received).toHaveLength(1)
  })

  it('retries 429s, honouring retry-after, then succeeds', async () => {
    server.queue(rateLimited('0'), rateLimited('0.01'))
    const result = await resilient().classify('score hate/threatening 0.7', never)
    expect(result.scores.find((s) => s.harm === 'illegal.hate')?.score).toBe(0.7)
    expect(server.received).toHaveLength(3)
  })

  it('does not wait out a retry-after longer than the retry delay cap', async () => {
    server.queue(rateLimited('60'))
    const error = await failure(resilient().classify('x', never))
    expect(error.reason).toBe('rate_limited')
    expect(error.retryAfterMs).toBe(60_000)
    expect(server.received).toHaveLength(1)
  })

  it('retries 500 and 503, then gives up after the retries', async () => {
    server.queue(serverError(500), serverError(503))
    await resilient().classify('x', never)
    expect(server.received).toHaveLength(2 + 1)
    server.received.length = 0
    server.queue(serverError(), serverError(), serverError())
    const error = await failure(resilient().classify('x', never))
    expect(error.reason).toBe('unavailable')
    expect(server.received).toHaveLength(3)
  })

  it('times out a slow answer', async () => {
    server.queue(slow(2_000))
    const classifier = new ResilientClassifier(adapter(), { timeoutMs: 100, maxRetries: 0 })
    const started = performance.now()
    const error = await failure(classifier.classify('x', never))
    expect(error.reason).toBe('timeout')
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('rejects malformed answers', async () => {
    server.queue({ kind: 'raw', body: 'not json {' })
    expect((await failure(adapter().classify('x', never))).reason).toBe('bad_response')
    server.queue({ kind: 'status', status: 200, body: { results: [] } })
    const empty = await failure(adapter().classify('x', never))
    expect(empty.message).toContain('results')
    server.queue({
      kind: 'status',
      status: 200,
      body: { results: [{ category_scores: { hate: 'high' } }] },
    })
    expect((await failure(adapter().classify('x', never))).reason).toBe('bad_response')
  })

  it('refuses a loopback endpoint unless private networks are allowed', async () => {
    const error = await failure(adapter({ allowPrivate: false }).classify('x', never))
    expect(error.reason).toBe('misconfigured')
    expect(server.received).toHaveLength(0)
  })
})
