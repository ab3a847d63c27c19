import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { listEntry, matchInput } from '../../../test/factories.js'
import { exactHashes } from '../hash/media-hashes.js'
import type { MediaItem } from '../matcher.js'
import { PdqMatcher } from './pdq-matcher.js'

// @NOTE Real images and Meta's reference hashes from ../shared/testdata/pdq.
const DATA = fileURLToPath(new URL('../../../../shared/testdata/pdq/', import.meta.url))
const reference = new Map(
  readFileSync(`${DATA}expected/local-cpp-reference.csv`, 'utf8')
    .split('\n')
    .map((line) => line.split(','))
    .filter((cols) => cols[1] === 'fullres')
    .map((cols) => [cols[0] as string, { quality: Number(cols[2]), hash: cols[6] as string }]),
)

function image(path: string): MediaItem {
  const bytes = readFileSync(`${DATA}${path}`)
  return { ...exactHashes(bytes), bytes }
}

function hashOf(path: string): string {
  return reference.get(path)?.hash as string
}

const ORIGINAL = 'data/bridge-mods/aaa-orig.jpg'
const SHRUNK = 'data/bridge-mods/shrink-a-lot.jpg'
const ROTATED = 'data/reg-test-input/dih/bridge-2-rotate-90.jpg'
const LOW_QUALITY = 'data/reg-test-input/labelme-subset/q0003.jpg'

describe('PdqMatcher', () => {
  let matcher: PdqMatcher
  const banked = listEntry(hashOf(ORIGINAL), { harm: 'illegal.terrorism', action: 'block' })
  beforeAll(() => {
    matcher = new PdqMatcher()
    matcher.upsert(banked)
  })

  it('matches an edited copy of a banked image within distance 31, with the evidence', async () => {
    const [signal, ...rest] = await matcher.match(matchInput({ media: [image(SHRUNK)] }))
    expect(rest).toEqual([])
    expect(signal).toMatchObject({
      source: 'hash_match',
      matcher: 'pdq',
      harm: 'illegal.terrorism',
      action: 'block',
      evidence: {
        entryId: banked.entryId,
        bankId: banked.bankId,
        hashType: 'pdq',
        hash: hashOf(SHRUNK),
        quality: 100,
        mediaIndex: 0,
        maxDistance: 31,
      },
    })
    const distance = signal?.evidence.distance as number
    expect(distance).toBeGreaterThan(0)
    expect(distance).toBeLessThanOrEqual(31)
    expect(signal?.score).toBeCloseTo(1 - distance / 256)
  })

  it('skips media that are not images, and images nowhere near a banked hash', async () => {
    const notImage = { ...exactHashes(Buffer.from('not an image')), bytes: Buffer.from('x') }
    const other = image('data/reg-test-input/labelme-subset/q0122.jpg')
    expect(await matcher.match(matchInput({ media: [notImage, other] }))).toEqual([])
  })

  it('does not act on an image of quality below 50, and the signal says why', async () => {
    const low = new PdqMatcher()
    low.upsert(listEntry(hashOf(LOW_QUALITY), { action: 'block' }))
    const [signal] = await low.match(matchInput({ media: [image(LOW_QUALITY)] }))
    expect(signal).toMatchObject({
      action: 'allow',
      score: 0,
      evidence: { distance: 0, quality: 3, suppressed: 'low_quality', minQuality: 50 },
    })
    const permissive = new PdqMatcher({ minQuality: 0 })
    permissive.upsert(listEntry(hashOf(LOW_QUALITY), { action: 'block' }))
    const [acted] = await permissive.match(matchInput({ media: [image(LOW_QUALITY)] }))
    expect(acted).toMatchObject({ action: 'block', score: 1 })
  })

  it('finds a rotated copy only when dihedral matching is on', async () => {
    expect(await matcher.match(matchInput({ media: [image(ROTATED)] }))).toEqual([])
    const dihedral = new PdqMatcher({ dihedral: true })
    dihedral.upsert(banked)
    const [signal] = await dihedral.match(matchInput({ media: [image(ROTATED)] }))
    expect(signal?.evidence).toMatchObject({ entryId: banked.entryId, variant: 'rot270' })
    expect(signal?.evidence.distance as number).toBeLessThanOrEqual(31)
  })

  it('honours a tighter distance, and forgets removed entries', async () => {
    const strict = new PdqMatcher({ maxDistance: 2 })
    strict.upsert(banked)
    expect(await strict.match(matchInput({ media: [image(SHRUNK)] }))).toEqual([])
    expect(await strict.match(matchInput({ media: [image(ORIGINAL)] }))).toHaveLength(1)
    strict.remove(banked)
    expect(strict.size).toBe(0)
    expect(await strict.match(matchInput({ media: [image(ORIGINAL)] }))).toEqual([])
  })

  it('keeps entries apart that share a hash, and holds an entry upserted twice once', async () => {
    const twin = listEntry(hashOf(ORIGINAL), { bankId: 'other', bankName: 'other-bank' })
    const both = new PdqMatcher()
    both.upsert(banked)
    both.upsert(twin)
    const signals = await both.match(matchInput({ media: [image(ORIGINAL)] }))
    expect(signals.map((s) => s.evidence.entryId).sort()).toEqual(
      [banked.entryId, twin.entryId].sort(),
    )
    both.upsert(twin)
    expect(both.size).toBe(2)
    both.remove(twin)
    const after = await both.match(matchInput({ media: [image(ORIGINAL)] }))
    expect(after.map((s) => s.evidence.entryId)).toEqual([banked.entryId])
    expect(both.size).toBe(1)
  })
})
