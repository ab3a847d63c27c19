import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { listEntry, matchInput } from '../../../test/factories.js'
import type { MediaItem } from '../matcher.js'
import { ExactHashMatcher } from './exact-hash-matcher.js'

function media(content: string): MediaItem {
  const bytes = new TextEncoder().encode(content)
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    md5: createHash('md5').update(bytes).digest('hex'),
    bytes,
  }
}

function loaded(hashType: 'sha256' | 'md5', ...entries: ReturnType<typeof listEntry>[]) {
  const matcher = new ExactHashMatcher(hashType)
  for (const entry of entries) matcher.upsert(entry)
  return matcher
}

describe('ExactHashMatcher', () => {
  const bad = media('known bad image bytes')
  const other = media('a holiday photo')

  it('matches media whose SHA-256 is in a bank, with the evidence', () => {
    const entry = listEntry(bad.sha256, { harm: 'illegal.csea.image_csam', action: 'block' })
    const matcher = loaded('sha256', entry)
    expect(matcher.match(matchInput({ kind: 'image', media: [other, bad] }))).toEqual([
      {
        source: 'hash_match',
        harm: 'illegal.csea.image_csam',
        score: 1,
        action: 'block',
        matcher: 'sha256',
        evidence: {
          bank: entry.bankName,
          bankId: entry.bankId,
          entryId: entry.entryId,
          hashType: 'sha256',
          hash: bad.sha256,
          distance: 0,
          mediaIndex: 1,
        },
      },
    ])
  })

  it('matches MD5 banks (as video hash lists use) on the MD5 of the bytes', () => {
    const matcher = loaded('md5', listEntry(bad.md5.toUpperCase()))
    const [signal] = matcher.match(matchInput({ kind: 'video', media: [bad] }))
    expect(signal?.evidence).toMatchObject({ hashType: 'md5', hash: bad.md5 })
    expect(loaded('md5', listEntry(bad.sha256)).match(matchInput({ media: [bad] }))).toEqual([])
  })

  it('finds nothing for media not in any bank, or no media', () => {
    const matcher = loaded('sha256', listEntry(bad.sha256))
    expect(matcher.match(matchInput({ media: [other] }))).toEqual([])
    expect(matcher.match(matchInput())).toEqual([])
  })

  it('compares bank values case-insensitively', () => {
    const matcher = loaded('sha256', listEntry(bad.sha256.toUpperCase()))
    expect(matcher.match(matchInput({ media: [bad] }))).toHaveLength(1)
  })

  it('gives one signal per bank that holds the hash and per media item that has it', () => {
    const matcher = loaded(
      'sha256',
      listEntry(bad.sha256, { bankId: 'a', bankName: 'ncmec' }),
      listEntry(bad.sha256, { bankId: 'b', bankName: 'local' }),
    )
    const signals = matcher.match(matchInput({ media: [bad, other, bad] }))
    expect(signals.map((s) => [s.evidence.bank, s.evidence.mediaIndex])).toEqual([
      ['ncmec', 0],
      ['local', 0],
      ['ncmec', 2],
      ['local', 2],
    ])
  })

  it('forgets a removed entry and replaces an entry upserted again with a new value', () => {
    const entry = listEntry(bad.sha256)
    const matcher = loaded('sha256', entry)
    matcher.upsert({ ...entry, value: other.sha256 })
    expect(matcher.match(matchInput({ media: [bad] }))).toEqual([])
    expect(matcher.match(matchInput({ media: [other] }))).toHaveLength(1)
    matcher.remove(entry)
    expect(matcher.match(matchInput({ media: [other] }))).toEqual([])
    expect(matcher.index.size).toBe(0)
  })
})
