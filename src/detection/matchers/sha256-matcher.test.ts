import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { listEntry, matchInput } from '../../../test/factories.js'
import type { MediaItem } from '../matcher.js'
import { Sha256Matcher } from './sha256-matcher.js'

function media(content: string): MediaItem {
  const bytes = new TextEncoder().encode(content)
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes }
}

describe('Sha256Matcher', () => {
  const bad = media('known bad image bytes')
  const other = media('a holiday photo')

  it('matches media whose SHA-256 is in a bank, with the evidence', () => {
    const matcher = new Sha256Matcher()
    const entry = listEntry(bad.sha256, { harm: 'illegal.csea.image_csam', action: 'block' })
    matcher.load([entry])
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

  it('finds nothing for media not in any bank, or no media', () => {
    const matcher = new Sha256Matcher()
    matcher.load([listEntry(bad.sha256)])
    expect(matcher.match(matchInput({ media: [other] }))).toEqual([])
    expect(matcher.match(matchInput())).toEqual([])
  })

  it('compares bank values case-insensitively', () => {
    const matcher = new Sha256Matcher()
    matcher.load([listEntry(bad.sha256.toUpperCase())])
    expect(matcher.match(matchInput({ media: [bad] }))).toHaveLength(1)
  })

  it('gives one signal per bank that holds the hash and per media item that has it', () => {
    const matcher = new Sha256Matcher()
    matcher.load([
      listEntry(bad.sha256, { bankId: 'a', bankName: 'ncmec' }),
      listEntry(bad.sha256, { bankId: 'b', bankName: 'local' }),
    ])
    const signals = matcher.match(matchInput({ media: [bad, other, bad] }))
    expect(signals.map((s) => [s.evidence.bank, s.evidence.mediaIndex])).toEqual([
      ['ncmec', 0],
      ['local', 0],
      ['ncmec', 2],
      ['local', 2],
    ])
  })

  it('forgets entries when the banks are reloaded', () => {
    const matcher = new Sha256Matcher()
    matcher.load([listEntry(bad.sha256)])
    matcher.load([listEntry(other.sha256)])
    expect(matcher.match(matchInput({ media: [bad] }))).toEqual([])
    expect(matcher.match(matchInput({ media: [other] }))).toHaveLength(1)
  })
})
