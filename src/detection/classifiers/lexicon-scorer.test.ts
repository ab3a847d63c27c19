import { describe, expect, it } from 'vitest'
import { matchInput } from '../../../test/factories.js'
import { ClassifierMatcher } from './classifier.js'
import { parseLexicon } from './lexicon.js'
import { apostropheVariants, builtInLexicon, LexiconScorer } from './lexicon-scorer.js'

const never = new AbortController().signal
const builtIn = new ClassifierMatcher(new LexiconScorer())

async function flagged(text: string) {
  const signals = await builtIn.match(matchInput({ text }), never)
  return signals.map((signal) => [signal.harm, signal.action])
}

function small(harms: Record<string, unknown[]>, allow: string[] = []) {
  return new LexiconScorer(
    parseLexicon({ name: 'test', version: 3, language: 'en', allow, harms }, 'test'),
  )
}

describe('the built-in lexicon', () => {
  it('loads, with a few dozen entries for the core harms', () => {
    const lexicon = builtInLexicon()
    const count = (harm: string) => lexicon.entries.filter((e) => e.harm === harm).length
    expect(count('illegal.harassment.threat_to_life')).toBeGreaterThanOrEqual(30)
    expect(count('illegal.suicide_self_harm')).toBeGreaterThanOrEqual(20)
    for (const harm of ['illegal.hate', 'illegal.weapons', 'illegal.csea.grooming']) {
      expect(count(harm), harm).toBeGreaterThanOrEqual(10)
    }
  })

  it.each([
    ['I will kill you', 'illegal.harassment.threat_to_life', 'hold'],
    ["I'm gonna stab you after school", 'illegal.harassment.threat_to_life', 'hold'],
    ['you’re dead meat, I know where you live', 'illegal.harassment.threat_to_life', 'hold'],
    ['youre dead', 'illegal.harassment.threat_to_life', 'review'],
    ['I W1LL K1LL Y0U', 'illegal.harassment.threat_to_life', 'hold'],
    ['i will k i l l you', 'illegal.harassment.threat_to_life', 'hold'],
    ['kill all the jews', 'illegal.hate', 'hold'],
    ['Immigrants should be exterminated.', 'illegal.hate', 'hold'],
    ['muslims are vermin', 'illegal.hate', 'review'],
    ['go back to where you came from', 'children_priority.abuse_hatred', 'review'],
    ['Selling Glock 19, DM me', 'illegal.weapons', 'hold'],
    ['zombie knife for sale, cash only', 'illegal.weapons', 'hold'],
    ['dm for straps', 'illegal.weapons', 'review'],
    ['tasers 4 sale', 'illegal.weapons', 'hold'],
    ['nobody likes you, go kill yourself', 'illegal.suicide_self_harm', 'hold'],
    ['kys', 'illegal.suicide_self_harm', 'review'],
    ['how old are you? send me a pic', 'illegal.csea.grooming', 'review'],
    ['what year are you in? this is our little secret, send pics', 'illegal.csea.grooming', 'hold'],
    ['double your bitcoin in 24h, send your seed phrase', 'illegal.fraud', 'hold'],
    ['thinspo and pro-ana tips', 'children_primary.eating_disorders', 'hold'],
    ['pro-ana', 'children_primary.eating_disorders', 'review'],
  ])('flags %j as %s (%s)', async (text, harm, action) => {
    expect(await flagged(text)).toContainEqual([harm, action])
  })

  it.each([
    'I could kill for a coffee right now',
    'this deadline is killing me',
    'the skills you need for the job',
    "you're dead right about that",
    "I'm dead 😂 that joke",
    "don't kill yourself over it, it's only homework",
    'be careful not to cut yourself on the tin',
    'Glockenspiel for sale, barely used',
    'selling backpack straps and buckles',
    'Scunthorpe United won at Essex on Sunday',
    'the class studied assassination in history',
    'how old are you turning this year?',
    'never share your seed phrase with anyone',
    'Muslims, Jews and Christians met for an interfaith dinner',
    'My grandad kept pistols in the war museum',
  ])('does not flag %j', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  it('gives evidence: the terms found, their weights and where they are', async () => {
    const text = 'ok. I will kill you and your family'
    const [signal] = await builtIn.match(matchInput({ text }), never)
    expect(signal).toMatchObject({
      source: 'classifier',
      matcher: 'lexicon',
      harm: 'illegal.harassment.threat_to_life',
      evidence: { classifier: 'lexicon', model: 'vigil-en@1' },
    })
    expect(signal?.evidence.labels).toEqual({
      'i will kill you': 0.9,
      'kill you and your family': 0.95,
    })
    expect(signal?.score).toBeCloseTo(1 - 0.1 * 0.05, 6)
    const spans = signal?.evidence.spans as [number, number][]
    expect(spans.map(([start, end]) => text.slice(start, end))).toEqual([
      'I will kill you',
      'kill you and your family',
    ])
  })
})

describe('LexiconScorer', () => {
  it('combines distinct entries as 1 − Π(1 − w), each counted once', async () => {
    const scorer = small({
      'illegal.fraud': [
        { term: 'alpha', weight: 0.5 },
        { term: 'beta', weight: 0.4 },
      ],
    })
    const once = await scorer.classify('alpha', never)
    expect(once.scores).toEqual([
      { harm: 'illegal.fraud', score: 0.5, labels: { alpha: 0.5 }, spans: [[0, 5]] },
    ])
    const both = await scorer.classify('alpha alpha beta', never)
    expect(both.scores[0]?.score).toBeCloseTo(1 - 0.5 * 0.6, 6)
    expect(both.raw).toEqual({ alpha: 0.5, beta: 0.4 })
  })

  it('does not count a shorter term inside a longer one of the same harm', async () => {
    const scorer = small({
      'illegal.fraud': [
        { term: 'money flip', weight: 0.6 },
        { term: 'flip', weight: 0.3 },
      ],
    })
    expect((await scorer.classify('cash app money flip', never)).scores[0]?.score).toBe(0.6)
  })

  it('needs every part of an all-of entry, anywhere in the text', async () => {
    const scorer = small({
      'illegal.csea.grooming': [{ all: [['how old', 'what age'], 'secret'], weight: 0.7 }],
    })
    expect((await scorer.classify('how old are you', never)).scores).toEqual([])
    const result = await scorer.classify('keep it secret. what age are you?', never)
    expect(result.scores[0]).toMatchObject({ score: 0.7, labels: { 'what age + secret': 0.7 } })
  })

  it('expands phrase entries into every combination', async () => {
    const scorer = small({
      'illegal.weapons': [
        {
          phrase: [
            ['selling', 'cheap'],
            ['glock', 'taser'],
          ],
          weight: 0.8,
        },
      ],
    })
    for (const text of ['selling glock', 'cheap taser', 'selling taser']) {
      expect((await scorer.classify(text, never)).scores[0]?.score, text).toBe(0.8)
    }
    expect((await scorer.classify('glock selling', never)).scores).toEqual([])
  })

  it('suppresses matches inside allow-listed phrases', async () => {
    const scorer = small(
      { 'illegal.harassment.threat_to_life': [{ term: "you're dead", weight: 0.6 }] },
      ["you're dead right"],
    )
    expect((await scorer.classify("you're dead right", never)).scores).toEqual([])
    expect((await scorer.classify("you're dead", never)).scores).toHaveLength(1)
  })

  it('makes apostrophes optional', () => {
    expect(apostropheVariants("you're dead")).toEqual(["you're dead", 'you’re dead', 'youre dead'])
    expect(apostropheVariants('plain')).toEqual(['plain'])
  })

  it('honours an aborted signal', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(new LexiconScorer().classify('x', controller.signal)).rejects.toMatchObject({
      reason: 'cancelled',
    })
  })
})
