import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../core/random.js'
import { segmentLayout } from './pdq-index-layout.js'
import { PdqSegment } from './pdq-index-segment.js'
import { HitSink } from './pdq-index-sink.js'
import {
  arraysOf,
  clusteredEntries,
  compareWithBruteForce,
  queriesFor,
  randomEntries,
} from './pdq-index-test-data.js'

/** A segment answering queries on its own, as PdqIndex does. */
function queryable(segment: PdqSegment) {
  const sink = new HitSink()
  return {
    maxDistance: 31,
    query(hash: Uint32Array, maxDistance = 31) {
      sink.reset()
      segment.search(hash, maxDistance, sink)
      return sink.hits.sort((a, b) => a.distance - b.distance || a.handle - b.handle)
    },
  }
}

describe('PdqSegment', () => {
  it('is exact with the layout of a 10M-entry segment (12 chunks, 22- and 20-bit keys)', () => {
    const layout = segmentLayout(31, 10_000_000)
    expect(layout.keyBits).toEqual([22, 22, 22, 22, 22, 22, 22, 22, 20, 20, 20, 20])
    const random = mulberry32(21)
    const entries = clusteredEntries(30, 60, random).concat(randomEntries(1000, random))
    const { hashes, handles } = arraysOf(entries)
    const segment = new PdqSegment(layout, hashes, handles)
    const queries = queriesFor(entries, 300, random)
    for (const max of [31, 30, 17, 2]) {
      const { hits, mismatch } = compareWithBruteForce(queryable(segment), entries, queries, max)
      expect(mismatch).toBeUndefined()
      if (max === 31) expect(hits).toBeGreaterThan(400)
    }
  })

  it('finds live (hash, handle) pairs and skips removed ones in searches', () => {
    const random = mulberry32(22)
    const entries = clusteredEntries(5, 40, random)
    const { hashes, handles } = arraysOf(entries)
    const segment = new PdqSegment(segmentLayout(31, entries.length), hashes, handles)
    const [first, second] = entries
    if (!first || !second) throw new Error('no entries')
    const id = segment.find(first.hash, 0, first.handle)
    expect(segment.handles[id]).toBe(first.handle)
    expect(segment.find(first.hash, 0, second.handle)).toBe(-1)
    segment.kill(id)
    segment.kill(id)
    expect(segment.live).toBe(entries.length - 1)
    expect(segment.find(first.hash, 0, first.handle)).toBe(-1)
    const rest = entries.slice(1)
    const { mismatch } = compareWithBruteForce(
      queryable(segment),
      rest,
      queriesFor(entries, 80, random),
    )
    expect(mismatch).toBeUndefined()
  })
})
