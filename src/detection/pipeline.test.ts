import { describe, expect, it } from 'vitest'
import { listEntry, matchInput } from '../../test/factories.js'
import type { SignalInput } from '../core/signal.js'
import type { Matcher } from './matcher.js'
import { DetectionPipeline } from './pipeline.js'

function fixed(name: string, action: SignalInput['action']): Matcher {
  return {
    name,
    match: () => [
      {
        source: 'classifier',
        harm: 'illegal.hate',
        score: 0.9,
        action,
        matcher: name,
        evidence: {},
      },
    ],
  }
}

describe('DetectionPipeline', () => {
  it('runs the built-in matchers over loaded banks and takes the strictest verdict', async () => {
    const pipeline = new DetectionPipeline({ deadlineMs: 1_000 })
    expect(pipeline.bankRevision).toBe(-1)
    pipeline.loadBanks(
      {
        sha256: [],
        url: [listEntry('evil.example', { action: 'review' })],
        keyword: [listEntry('scam', { action: 'block' })],
      },
      3,
    )
    expect(pipeline.bankRevision).toBe(3)
    const result = await pipeline.run(
      matchInput({ text: 'a scam at https://evil.example/x', url: null }),
    )
    expect(result.signals.map((s) => [s.matcher, s.action]).sort()).toEqual([
      ['keyword_list', 'block'],
      ['url_list', 'review'],
    ])
    expect(result.verdict).toBe('block')
    expect(result.failures).toEqual([])
  })

  it('allows content that no matcher flags', async () => {
    const pipeline = new DetectionPipeline({ deadlineMs: 1_000 })
    pipeline.loadBanks({ sha256: [], url: [], keyword: [listEntry('scam')] }, 1)
    expect(await pipeline.run(matchInput({ text: 'a nice day' }))).toEqual({
      signals: [],
      verdict: 'allow',
      failures: [],
    })
  })

  it('adds the signals of extra matchers, the strictest still winning', async () => {
    const pipeline = new DetectionPipeline({
      deadlineMs: 1_000,
      matchers: [fixed('a', 'hold'), fixed('b', 'review')],
    })
    const result = await pipeline.run(matchInput({ text: 'anything' }))
    expect(result.signals.map((s) => s.matcher).sort()).toEqual(['a', 'b'])
    expect(result.verdict).toBe('hold')
  })

  it('reports a matcher that misses the deadline and keeps the others’ signals', async () => {
    let sawAbort = false
    const hanging: Matcher = {
      name: 'slow_classifier',
      match: (_input, signal) =>
        new Promise<SignalInput[]>(() => {
          signal.addEventListener('abort', () => {
            sawAbort = true
          })
        }),
    }
    const pipeline = new DetectionPipeline({
      deadlineMs: 50,
      matchers: [hanging, fixed('fast', 'review')],
    })
    pipeline.loadBanks({ sha256: [], url: [], keyword: [listEntry('scam', { action: 'hold' })] }, 1)
    const started = performance.now()
    const result = await pipeline.run(matchInput({ text: 'scam' }))
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(result.failures).toEqual([
      { matcher: 'slow_classifier', reason: expect.stringContaining('deadline') },
    ])
    expect(result.signals.map((s) => s.matcher).sort()).toEqual(['fast', 'keyword_list'])
    expect(result.verdict).toBe('hold')
    expect(sawAbort).toBe(true)
  })

  it('reports a matcher that throws or rejects and keeps the others’ signals', async () => {
    const throwing: Matcher = {
      name: 'broken',
      match: () => {
        throw new Error('model file missing')
      },
    }
    const rejecting: Matcher = {
      name: 'flaky',
      match: async () => Promise.reject(new Error('upstream 503')),
    }
    const pipeline = new DetectionPipeline({
      deadlineMs: 1_000,
      matchers: [throwing, rejecting, fixed('ok', 'block')],
    })
    const result = await pipeline.run(matchInput({ text: 'hello' }))
    expect(result.failures).toEqual([
      { matcher: 'broken', reason: 'model file missing' },
      { matcher: 'flaky', reason: 'upstream 503' },
    ])
    expect(result.signals.map((s) => s.matcher)).toEqual(['ok'])
    expect(result.verdict).toBe('block')
  })

  it('makes the verdict without failed matchers: allow when they were the only ones', async () => {
    const throwing: Matcher = {
      name: 'broken',
      match: () => {
        throw new Error('boom')
      },
    }
    const result = await new DetectionPipeline({ deadlineMs: 1_000, matchers: [throwing] }).run(
      matchInput({ text: 'x' }),
    )
    expect(result.verdict).toBe('allow')
    expect(result.failures).toHaveLength(1)
  })
})
