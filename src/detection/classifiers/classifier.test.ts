import { describe, expect, it } from 'vitest'
import { matchInput } from '../../../test/factories.js'
import { InvalidInputError } from '../../core/errors.js'
import {
  actionFor,
  type Classifier,
  ClassifierMatcher,
  type ClassifierResult,
  harmScores,
} from './classifier.js'

function fixed(scores: Record<string, number>): Classifier & { calls: string[] } {
  const calls: string[] = []
  return {
    name: 'fake',
    calls,
    async classify(text: string): Promise<ClassifierResult> {
      calls.push(text)
      const mapped = Object.entries(scores).map(([harm, score]) => ({
        harm,
        score,
        labels: { [`label:${harm}`]: score },
      }))
      return { model: 'fake-model-1', scores: mapped, raw: {} }
    },
  }
}

const signal = new AbortController().signal

describe('actionFor', () => {
  it('picks the strictest threshold reached, and nothing below the lowest', () => {
    const thresholds = { review: 0.5, hold: 0.8, block: 0.95 }
    expect(actionFor(0.49, thresholds)).toBeUndefined()
    expect(actionFor(0.5, thresholds)).toBe('review')
    expect(actionFor(0.79, thresholds)).toBe('review')
    expect(actionFor(0.8, thresholds)).toBe('hold')
    expect(actionFor(0.95, thresholds)).toBe('block')
    expect(actionFor(1, { review: 0.5, hold: 0.8 })).toBe('hold')
  })
})

describe('harmScores', () => {
  it('groups labels by harm, takes the highest score, and ignores null or unknown labels', () => {
    const scores = harmScores(
      { a: 0.2, b: 0.7, c: 0.9, d: 0.99, toString: 0.5 },
      { a: 'illegal.hate', b: 'illegal.hate', c: 'illegal.weapons', d: null },
    )
    expect(scores).toEqual([
      { harm: 'illegal.hate', score: 0.7, labels: { a: 0.2, b: 0.7 } },
      { harm: 'illegal.weapons', score: 0.9, labels: { c: 0.9 } },
    ])
  })
})

describe('ClassifierMatcher', () => {
  it('turns scores into signals with actions from the default thresholds', async () => {
    const matcher = new ClassifierMatcher(
      fixed({ 'illegal.hate': 0.3, 'illegal.weapons': 0.6, 'illegal.terrorism': 0.85 }),
    )
    const signals = await matcher.match(matchInput({ text: 'some text' }), signal)
    expect(signals).toEqual([
      {
        source: 'classifier',
        harm: 'illegal.weapons',
        score: 0.6,
        action: 'review',
        matcher: 'fake',
        evidence: {
          classifier: 'fake',
          model: 'fake-model-1',
          score: 0.6,
          labels: { 'label:illegal.weapons': 0.6 },
        },
      },
      expect.objectContaining({ harm: 'illegal.terrorism', action: 'hold', score: 0.85 }),
    ])
  })

  it('never blocks by default, even at a score of 1', async () => {
    const matcher = new ClassifierMatcher(fixed({ 'illegal.hate': 1 }))
    const [only] = await matcher.match(matchInput({ text: 'x' }), signal)
    expect(only?.action).toBe('hold')
  })

  it('uses per-harm thresholds, inherited by the harms below a parent', async () => {
    const matcher = new ClassifierMatcher(
      fixed({
        'illegal.csea.grooming': 0.3,
        'illegal.harassment.threat_to_life': 0.85,
        'illegal.hate': 0.96,
      }),
      {
        thresholds: {
          default: { review: 0.5, hold: 0.8, block: 0.95 },
          harms: {
            'illegal.csea': { review: 0.2, hold: 0.4 },
            'illegal.harassment.threat_to_life': { review: 0.9 },
          },
        },
      },
    )
    expect(matcher.thresholdsFor('illegal.csea.grooming')).toEqual({ review: 0.2, hold: 0.4 })
    const signals = await matcher.match(matchInput({ text: 'x' }), signal)
    expect(signals.map((s) => [s.harm, s.action])).toEqual([
      ['illegal.csea.grooming', 'review'],
      ['illegal.hate', 'block'],
    ])
  })

  it('skips empty and blank text without calling the classifier', async () => {
    const classifier = fixed({ 'illegal.hate': 0.9 })
    const matcher = new ClassifierMatcher(classifier)
    expect(await matcher.match(matchInput({ text: '' }), signal)).toEqual([])
    expect(await matcher.match(matchInput({ text: ' \n\t' }), signal)).toEqual([])
    expect(classifier.calls).toEqual([])
  })

  it('passes the pipeline signal on and lets failures reject', async () => {
    let seen: AbortSignal | undefined
    const failing: Classifier = {
      name: 'broken',
      classify: async (_text, given) => {
        seen = given
        throw new Error('provider down')
      },
    }
    const controller = new AbortController()
    const matcher = new ClassifierMatcher(failing)
    await expect(matcher.match(matchInput({ text: 'x' }), controller.signal)).rejects.toThrow(
      'provider down',
    )
    expect(seen).toBe(controller.signal)
  })

  it('refuses thresholds out of range or out of order', () => {
    const classifier = fixed({})
    for (const thresholds of [
      { default: { review: 0 } },
      { default: { review: 1.5 } },
      { default: { review: 0.9, hold: 0.5 } },
      { harms: { 'illegal.hate': { hold: 0.9, block: 0.8 } } },
      { default: { reviw: 0.5 } },
    ]) {
      expect(() => new ClassifierMatcher(classifier, { thresholds } as never)).toThrow(
        InvalidInputError,
      )
    }
  })
})
