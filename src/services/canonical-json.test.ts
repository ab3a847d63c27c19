import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.js'

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[{"y":2,"z":1}]},"b":1}',
    )
  })

  it('gives equal values the same text whatever the key order', () => {
    const one = { subject: { id: 'p1', kind: 'text' }, harm: 'illegal.fraud', tags: ['x', 'y'] }
    const two = { tags: ['x', 'y'], harm: 'illegal.fraud', subject: { kind: 'text', id: 'p1' } }
    expect(canonicalJson(one)).toBe(canonicalJson(two))
  })

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
    expect(canonicalJson({ a: ['b', 'a'] })).toBe('{"a":["b","a"]}')
  })

  it('sorts by code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, é: 4, _: 5 })).toBe('{"B":2,"_":5,"a":3,"b":1,"é":4}')
  })

  it('writes dates as ISO strings, also inside arrays and objects', () => {
    const at = new Date('2026-11-22T09:00:00.000Z')
    expect(canonicalJson({ at, list: [at] })).toBe(
      '{"at":"2026-11-22T09:00:00.000Z","list":["2026-11-22T09:00:00.000Z"]}',
    )
  })

  it('drops undefined properties, so they equal absent ones', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }))
  })

  it('distinguishes values that differ', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }))
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}))
    expect(canonicalJson({ a: { b: 1 } })).not.toBe(canonicalJson({ a: { b: 2 } }))
  })

  it('writes primitives as JSON does', () => {
    expect(canonicalJson('x')).toBe('"x"')
    expect(canonicalJson(1.5)).toBe('1.5')
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson(true)).toBe('true')
  })
})
