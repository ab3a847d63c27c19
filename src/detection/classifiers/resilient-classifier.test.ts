import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../core/errors.js'
import type { Classifier, ClassifierResult } from './classifier.js'
import { ClassifierError } from './classifier-error.js'
import { OpenAiModerationClassifier } from './openai-moderation.js'
import { type ResilienceOptions, ResilientClassifier } from './resilient-classifier.js'
import { type FakeProvider, serverError, startModerationServer } from './test-servers.js'

type Step = 'ok' | 'hang' | 'hang-deaf' | ClassifierError

const OK: ClassifierResult = { model: 'm', scores: [], raw: {} }

/** Plays `steps` in order, then answers ok; records each call and whether it saw an abort. */
function scripted(...steps: Step[]) {
  const calls: { aborted: boolean }[] = []
  const classifier: Classifier = {
    name: 'scripted',
    classify(_text, signal) {
      const call = { aborted: false }
      calls.push(call)
      signal.addEventListener('abort', () => {
        call.aborted = true
      })
      const step = steps.shift() ?? 'ok'
      if (step === 'ok') return Promise.resolve(OK)
      if (step === 'hang-deaf') return new Promise(() => undefined)
      if (step === 'hang') {
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        )
      }
      return Promise.reject(step)
    },
  }
  return { classifier, calls }
}

const unavailable = () => new ClassifierError('unavailable', 'HTTP 503')
const unauthorised = () => new ClassifierError('unauthorised', 'HTTP 401')
const rejected = () => new ClassifierError('rejected', 'HTTP 400')

const FAST: ResilienceOptions = {
  timeoutMs: 200,
  maxRetries: 2,
  retryDelayMs: 1,
  maxRetryDelayMs: 20,
  failureThreshold: 3,
  halfOpenAfterMs: 80,
}
const never = new AbortController().signal

async function failure(promise: Promise<unknown>): Promise<ClassifierError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ClassifierError)
  return error as ClassifierError
}

describe('ResilientClassifier retries', () => {
  it('retries transient failures with backoff, then succeeds', async () => {
    const { classifier, calls } = scripted(unavailable(), unavailable())
    expect(await new ResilientClassifier(classifier, FAST).classify('x', never)).toBe(OK)
    expect(calls).toHaveLength(3)
  })

  it('gives up after maxRetries', async () => {
    const { classifier, calls } = scripted(unavailable(), unavailable(), unavailable(), 'ok')
    const error = await failure(new ResilientClassifier(classifier, FAST).classify('x', never))
    expect(error.reason).toBe('unavailable')
    expect(calls).toHaveLength(3)
  })

  it('does not retry failures that are not transient', async () => {
    for (const make of [unauthorised, rejected]) {
      const { classifier, calls } = scripted(make())
      const error = await failure(new ResilientClassifier(classifier, FAST).classify('x', never))
      expect(error.reason).toBe(make().reason)
      expect(calls).toHaveLength(1)
    }
  })

  it('waits for retry-after when it is within the cap', async () => {
    const limited = new ClassifierError('rate_limited', '429', { retryAfterMs: 60 })
    const { classifier, calls } = scripted(limited)
    const started = performance.now()
    await new ResilientClassifier(classifier, { ...FAST, maxRetryDelayMs: 100 }).classify(
      'x',
      never,
    )
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
    expect(calls).toHaveLength(2)
  })
})

describe('ResilientClassifier timeouts and aborts', () => {
  it('times out each attempt and aborts the inner call', async () => {
    const { classifier, calls } = scripted('hang', 'hang')
    const resilient = new ResilientClassifier(classifier, { ...FAST, timeoutMs: 30, maxRetries: 1 })
    const error = await failure(resilient.classify('x', never))
    expect(error.reason).toBe('timeout')
    expect(error.message).toContain('30 ms')
    expect(calls).toEqual([{ aborted: true }, { aborted: true }])
  })

  it('times out a classifier that ignores its signal', async () => {
    const { classifier } = scripted('hang-deaf')
    const resilient = new ResilientClassifier(classifier, { ...FAST, timeoutMs: 30, maxRetries: 0 })
    expect((await failure(resilient.classify('x', never))).reason).toBe('timeout')
  })

  it('stops at once when the caller aborts, even while waiting to retry', async () => {
    const { classifier, calls } = scripted(unavailable(), 'ok')
    const resilient = new ResilientClassifier(classifier, {
      ...FAST,
      retryDelayMs: 5_000,
      maxRetryDelayMs: 5_000,
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const started = performance.now()
    const error = await failure(resilient.classify('x', controller.signal))
    expect(error.reason).toBe('cancelled')
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(calls).toHaveLength(1)
  })

  it('does not call the classifier when the signal is already aborted', async () => {
    const { classifier, calls } = scripted()
    const controller = new AbortController()
    controller.abort()
    const resilient = new ResilientClassifier(classifier, FAST)
    expect((await failure(resilient.classify('x', controller.signal))).reason).toBe('cancelled')
    expect(calls).toHaveLength(0)
  })
})

describe('ResilientClassifier circuit breaker', () => {
  it('opens after N failed calls, fails fast, half-opens after the delay and closes', async () => {
    const failures = Array.from({ length: 9 }, unavailable)
    const { classifier, calls } = scripted(...failures)
    const resilient = new ResilientClassifier(classifier, FAST)
    for (let i = 0; i < 3; i += 1) {
      expect(resilient.circuit).toBe('closed')
      expect((await failure(resilient.classify('x', never))).reason).toBe('unavailable')
    }
    expect(resilient.circuit).toBe('open')
    expect(calls).toHaveLength(9)
    const started = performance.now()
    const fast = await failure(resilient.classify('x', never))
    expect(performance.now() - started).toBeLessThan(20)
    expect(fast.reason).toBe('circuit_open')
    expect(fast.message).toContain('3 failed calls in a row')
    expect(fast.message).toContain('HTTP 503')
    expect(calls).toHaveLength(9)
    await sleep(100)
    expect(await resilient.classify('x', never)).toBe(OK)
    expect(resilient.circuit).toBe('closed')
    expect(calls).toHaveLength(10)
  })

  it('opens again when the trial call fails', async () => {
    const { classifier, calls } = scripted(
      unauthorised(),
      unauthorised(),
      unauthorised(),
      unauthorised(),
    )
    const resilient = new ResilientClassifier(classifier, FAST)
    for (let i = 0; i < 3; i += 1) await failure(resilient.classify('x', never))
    expect(resilient.circuit).toBe('open')
    await sleep(100)
    expect((await failure(resilient.classify('x', never))).reason).toBe('unauthorised')
    expect(resilient.circuit).toBe('open')
    expect((await failure(resilient.classify('x', never))).reason).toBe('circuit_open')
    expect(calls).toHaveLength(4)
  })

  it('does not count refused requests against the provider', async () => {
    const { classifier } = scripted(rejected(), rejected(), rejected(), rejected())
    const resilient = new ResilientClassifier(classifier, FAST)
    for (let i = 0; i < 4; i += 1) await failure(resilient.classify('x', never))
    expect(resilient.circuit).toBe('closed')
  })

  it('resets the count after a success', async () => {
    const { classifier } = scripted(
      unauthorised(),
      unauthorised(),
      'ok',
      unauthorised(),
      unauthorised(),
    )
    const resilient = new ResilientClassifier(classifier, FAST)
    for (let i = 0; i < 5; i += 1) await resilient.classify('x', never).catch(() => undefined)
    expect(resilient.circuit).toBe('closed')
  })

  it('refuses bad options', () => {
    const { classifier } = scripted()
    expect(() => new ResilientClassifier(classifier, { timeoutMs: 0 })).toThrow(InvalidInputError)
    expect(() => new ResilientClassifier(classifier, { failureThreshold: 0 })).toThrow(
      InvalidInputError,
    )
  })
})

describe('ResilientClassifier against a failing moderation server', () => {
  let server: FakeProvider
  beforeAll(async () => {
    server = await startModerationServer()
  })
  afterAll(() => server.stop())

  it('opens after repeated 500s without further requests, then recovers', async () => {
    const adapter = new OpenAiModerationClassifier({
      baseUrl: server.base,
      apiKey: 'k',
      allowPrivate: true,
    })
    const resilient = new ResilientClassifier(adapter, {
      ...FAST,
      maxRetries: 0,
      failureThreshold: 2,
    })
    server.queue(serverError(), serverError())
    await failure(resilient.classify('x', never))
    await failure(resilient.classify('x', never))
    expect((await failure(resilient.classify('x', never))).reason).toBe('circuit_open')
    expect(server.received).toHaveLength(2)
    await sleep(100)
    await resilient.classify('x', never)
    expect(resilient.circuit).toBe('closed')
    expect(server.received).toHaveLength(3)
  })
})
