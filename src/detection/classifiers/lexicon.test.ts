import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../core/errors.js'
import { buildTaxonomy } from '../../core/taxonomy.js'
import { loadLexiconFile, parseLexicon } from './lexicon.js'

const dir = mkdtempSync(join(tmpdir(), 'vigil-lexicon-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(harms: unknown, extra: Record<string, unknown> = {}) {
  return { name: 'test', version: 1, language: 'en', harms, ...extra }
}

function problem(input: unknown): string {
  try {
    parseLexicon(input, 'my-lexicon.json')
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError)
    return (error as Error).message
  }
  throw new Error('expected the lexicon to be refused')
}

describe('parseLexicon', () => {
  it('reads terms, phrases and all-of entries into slots', () => {
    const lexicon = parseLexicon(
      file(
        {
          'illegal.weapons': [
            { term: 'zombie knife', weight: 0.8 },
            { phrase: [['selling', 'cheap'], 'taser'], weight: 0.7 },
            { all: [['a1', 'a2'], 'b'], weight: 0.3 },
          ],
        },
        { allow: ['zombie knife museum'] },
      ),
      'test',
    )
    expect(lexicon).toEqual({
      name: 'test',
      version: 1,
      language: 'en',
      allow: ['zombie knife museum'],
      entries: [
        {
          id: 'illegal.weapons#0',
          harm: 'illegal.weapons',
          weight: 0.8,
          slots: [['zombie knife']],
        },
        {
          id: 'illegal.weapons#1',
          harm: 'illegal.weapons',
          weight: 0.7,
          slots: [['selling taser', 'cheap taser']],
        },
        {
          id: 'illegal.weapons#2',
          harm: 'illegal.weapons',
          weight: 0.3,
          slots: [['a1', 'a2'], ['b']],
        },
      ],
    })
  })

  it('names the source, the entry, its term and the problem', () => {
    const message = problem(
      file({
        'illegal.hate': [
          { term: 'fine', weight: 0.5 },
          { term: 'too heavy', weight: 1.5 },
        ],
      }),
    )
    expect(message).toContain('my-lexicon.json')
    expect(message).toContain('harms["illegal.hate"][1] ("too heavy"): weight: Too big')
  })

  it('refuses entries with none or several of term, phrase and all', () => {
    expect(problem(file({ 'illegal.hate': [{ weight: 0.5 }] }))).toContain('exactly one of')
    expect(
      problem(file({ 'illegal.hate': [{ term: 'a', all: ['b', 'c'], weight: 0.5 }] })),
    ).toContain('[0] ("a"): give exactly one of')
  })

  it('refuses unknown keys, harms and empty lists', () => {
    expect(problem(file({ 'illegal.hate': [{ term: 'a', weight: 0.5, wieght: 1 }] }))).toContain(
      'Unrecognized key',
    )
    expect(problem(file({ 'illegal.nope': [{ term: 'a', weight: 0.5 }] }))).toContain(
      'unknown harm "illegal.nope"',
    )
    expect(problem(file({ 'illegal.hate': [] }))).toContain('harms["illegal.hate"]')
    expect(problem({ harms: {} })).toContain('name')
  })

  it('accepts the operator’s own terms harms when given their taxonomy', () => {
    const taxonomy = buildTaxonomy([{ id: 'spam', label: 'Spam' }])
    const lexicon = parseLexicon(
      file({ 'terms.spam': [{ term: 'buy followers', weight: 0.5 }] }),
      'x',
      taxonomy,
    )
    expect(lexicon.entries[0]?.harm).toBe('terms.spam')
  })

  it('refuses terms with nothing to match and terms listed twice for a harm', () => {
    expect(problem(file({ 'illegal.hate': [{ term: '\u200b\u200d', weight: 0.5 }] }))).toContain(
      'has no letters or digits',
    )
    const twice = problem(
      file({
        'illegal.hate': [
          { term: 'Race War Now', weight: 0.5 },
          { phrase: ['race war', 'now'], weight: 0.4 },
        ],
      }),
    )
    expect(twice).toContain(
      'harms["illegal.hate"][1] ("race war now"): "race war now" is already listed',
    )
    expect(twice).toContain('at harms["illegal.hate"][0]')
    expect(
      problem(file({ 'illegal.hate': [{ term: 'ok', weight: 0.5 }] }, { allow: ['\u200b'] })),
    ).toContain('allow[0]')
  })

  it('refuses a phrase entry that would explode', () => {
    const parts = Array.from({ length: 3 }, () => Array.from({ length: 20 }, (_, i) => `w${i}`))
    expect(problem(file({ 'illegal.hate': [{ phrase: parts, weight: 0.5 }] }))).toContain(
      'more than 2000 combinations',
    )
  })
})

describe('loadLexiconFile', () => {
  it('reads a file', () => {
    const path = join(dir, 'ok.json')
    writeFileSync(
      path,
      JSON.stringify(file({ 'illegal.drugs': [{ term: 'ket for sale', weight: 0.7 }] })),
    )
    expect(loadLexiconFile(path).entries).toHaveLength(1)
  })

  it('names a file that is not JSON, or missing', () => {
    const path = join(dir, 'broken.json')
    writeFileSync(path, '{ "name": ')
    expect(() => loadLexiconFile(path)).toThrow(`lexicon ${path} is not valid JSON`)
    expect(() => loadLexiconFile(join(dir, 'missing.json'))).toThrow('cannot be read (ENOENT)')
  })
})
