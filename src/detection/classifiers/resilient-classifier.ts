import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  handleWhen,
  type IRetryBackoffContext,
  type RetryPolicy,
  retry,
  TaskCancelledError,
  type TimeoutPolicy,
  TimeoutStrategy,
  timeout,
} from 'cockatiel'
import { z } from 'zod'
import { InvalidInputError } from '../../core/errors.js'
import type { Classifier, ClassifierResult } from './classifier.js'
import { ClassifierError, cancelledError, isTransientFailure } from './classifier-error.js'

export interface ResilienceOptions {
  /** Limit per attempt; default 5 000 ms. */
  timeoutMs?: number
  /** Retries after the first attempt, of transient failures only (429, 5xx, timeouts, network). */
  maxRetries?: number
  /** The first retry's delay, doubled for each further one, with jitter; default 250 ms. */
  retryDelayMs?: number
  /** The longest wait before a retry; a longer `retry-after` is not waited for. Default 2 000. */
  maxRetryDelayMs?: number
  /** Failed calls in a row (after their retries) that open the circuit; default 5. */
  failureThreshold?: number
  /** How long an open circuit fails calls fast before it lets one trial call through; 30 000. */
  halfOpenAfterMs?: number
}

const ms = z.number().int().positive()

export const resilienceOptionsSchema = z.strictObject({
  timeoutMs: ms.default(5_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
  retryDelayMs: ms.default(250),
  maxRetryDelayMs: ms.default(2_000),
  failureThreshold: z.number().int().min(1).default(5),
  halfOpenAfterMs: ms.default(30_000),
})

export type CircuitStatus = 'closed' | 'open' | 'half_open' | 'isolated'

const STATUS: Record<CircuitState, CircuitStatus> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'isolated',
}

/**
 * Wraps a classifier in a circuit breaker, retries and a per-attempt timeout (cockatiel), from
 * the outside in. A call is one classify: its retries happen inside the breaker, so the breaker
 * counts a call that failed after all its retries as one failure; once `failureThreshold` calls
 * in a row have failed, calls fail fast with a `circuit_open` ClassifierError until
 * `halfOpenAfterMs` has passed, when one trial call decides between closing and staying open.
 * The caller's signal (the detection deadline) aborts the call at once, including retry waits.
 * A call cut short by that signal counts as failed (the provider did not answer in time);
 * rejected requests (a 4xx other than 401, 403, 408, 429) are about the input, not the
 * provider's health, and do not count against the breaker.
 */
export class ResilientClassifier implements Classifier {
  readonly name: string
  readonly options: Readonly<Required<ResilienceOptions>>
  readonly #inner: Classifier
  readonly #breaker: CircuitBreakerPolicy
  readonly #retry: RetryPolicy
  readonly #timeout: TimeoutPolicy

  constructor(inner: Classifier, options: ResilienceOptions = {}) {
    const parsed = resilienceOptionsSchema.safeParse(options)
    if (!parsed.success) {
      const problems = z.prettifyError(parsed.error)
      throw new InvalidInputError(`invalid resilience options for ${inner.name}: ${problems}`)
    }
    const settings = Object.freeze(parsed.data)
    this.name = inner.name
    this.options = settings
    this.#inner = inner
    this.#breaker = circuitBreaker(handleWhen(countsAgainstBreaker), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.failureThreshold),
    })
    this.#retry = retry(
      handleWhen((error) => worthRetrying(error, settings.maxRetryDelayMs)),
      {
        maxAttempts: settings.maxRetries,
        backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) =>
          retryDelay(context, settings),
        ),
      },
    )
    // @NOTE abortOnReturn off: an attempt's signal aborts only on timeout or the caller's abort.
    this.#timeout = timeout(settings.timeoutMs, {
      strategy: TimeoutStrategy.Aggressive,
      abortOnReturn: false,
    })
  }

  get circuit(): CircuitStatus {
    return STATUS[this.#breaker.state]
  }

  async classify(text: string, signal: AbortSignal): Promise<ClassifierResult> {
    if (signal.aborted) throw cancelledError(this.name)
    const call = this.#breaker.execute(
      () => this.#retry.execute(() => this.#attempt(text, signal), signal),
      signal,
    )
    try {
      return await untilAborted(call, signal, this.name)
    } catch (error) {
      throw this.#explain(error, signal)
    }
  }

  async #attempt(text: string, outer: AbortSignal): Promise<ClassifierResult> {
    if (outer.aborted) throw cancelledError(this.name)
    let inner: AbortSignal | undefined
    try {
      return await this.#timeout.execute((_context, signal) => {
        inner = signal
        return this.#inner.classify(text, signal)
      }, outer)
    } catch (error) {
      if (outer.aborted) throw cancelledError(this.name)
      // @NOTE However the classifier reacts to the timeout's abort, the attempt timed out.
      if (!(error instanceof TaskCancelledError) && !inner?.aborted) throw error
      const message = `${this.name} gave no answer within ${this.options.timeoutMs} ms`
      throw new ClassifierError('timeout', message, { cause: error })
    }
  }

  #explain(error: unknown, signal: AbortSignal): unknown {
    if (error instanceof BrokenCircuitError) {
      const last = this.#breaker.lastFailure
      const cause = last && 'error' in last ? last.error : undefined
      const { failureThreshold, halfOpenAfterMs } = this.options
      return new ClassifierError(
        'circuit_open',
        `${this.name} is not being called: its circuit breaker opened after ${failureThreshold} ` +
          `failed calls in a row (last: ${cause?.message ?? 'unknown'}); one trial call is let ` +
          `through ${halfOpenAfterMs} ms after it opened`,
        { cause },
      )
    }
    if (error instanceof TaskCancelledError && signal.aborted) return cancelledError(this.name)
    return error
  }
}

/** Everything but a refused request counts: a provider that is down, slow, or misconfigured. */
function countsAgainstBreaker(error: Error): boolean {
  return !(error instanceof ClassifierError && error.reason === 'rejected')
}

function worthRetrying(error: Error, maxRetryDelayMs: number): boolean {
  if (!isTransientFailure(error)) return false
  const retryAfter = (error as ClassifierError).retryAfterMs
  return retryAfter === undefined || retryAfter <= maxRetryDelayMs
}

/** Exponential with jitter (half to all of the doubled delay), at least any `retry-after`. */
function retryDelay(
  context: IRetryBackoffContext<unknown>,
  settings: Required<ResilienceOptions>,
): number {
  const exponential = settings.retryDelayMs * 2 ** Math.max(0, context.attempt - 1)
  const jittered = exponential * (0.5 + Math.random() / 2)
  const error = 'error' in context.result ? context.result.error : undefined
  const retryAfter = error instanceof ClassifierError ? (error.retryAfterMs ?? 0) : 0
  return Math.round(Math.min(settings.maxRetryDelayMs, Math.max(retryAfter, jittered)))
}

/** Settles with `promise`, or rejects as cancelled as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, name: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(name))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
