import { describe, expect, it } from 'vitest'
import {
  decodeUnits,
  foldWithOffsets,
  type NormalisedText,
  normaliseTerm,
  normaliseText,
  TextNormaliser,
} from './normalise.js'

/** Each symbol with the slice of the original text it maps to, and its run code. */
function symbols(text: string, reading: NormalisedText): string[] {
  const out: string[] = []
  for (let k = 0; k < reading.length; k += 1) {
    const ch = String.fromCharCode(reading.codes[k] ?? 0)
    const run = reading.run[k] === 1 ? '' : `×${reading.run[k]}`
    out.push(`${ch}${run}=${text.slice(reading.starts[k], reading.ends[k])}`)
  }
  return out
}

function readings(text: string): string[] {
  return new TextNormaliser().readings(text).map((r) => decodeUnits(r.codes, r.length))
}

function folded(text: string): string {
  return foldWithOffsets(text).text
}

describe('TextNormaliser: characters', () => {
  it('maps every folded character back to the original characters it came from', () => {
    const text = 'ﬁ… Ｘ𝐟é'
    const [reading] = new TextNormaliser().readings(text)
    expect(symbols(text, reading as NormalisedText)).toEqual([
      'f=ﬁ',
      'i=ﬁ',
      '.=…',
      '.=…',
      '.=…',
      ' = ',
      'x=Ｘ',
      'f=𝐟',
      'e=é',
    ])
  })

  it('folds case, width, compatibility forms and diacritics', () => {
    expect(folded('ＡＢＣ Ǆ ÀÉÎÕÜ ç ñ ﬀ ㎏ ①')).toBe('abc dz aeiou c n ff kg 1')
    expect(folded('Straße ŁÓDŹ øre')).toBe('strasse lodz ore')
  })

  it('removes zero-width and other invisible characters', () => {
    const invisible = '\u200B\u200C\u200D\u2060\u00AD\uFEFF\uFE0F\u{E0101}\u180E\u2066\u202E'
    expect(folded(`a${invisible}b`)).toBe('ab')
  })

  it('maps Cyrillic, Greek and small-capital look-alikes', () => {
    expect(folded('аеорсхуі ΑΒΕΗΙΚΜΝΟΡΤΥΧ ονικτ ꜱᴄᴀᴍ')).toBe('aeopcxyi abehikmnoptyx ovikt scam')
  })

  it('turns every kind of whitespace into a space, and runs of it into one', () => {
    expect(readings('a\u00A0\u2003\u3000\t\n b')).toEqual(['a b'])
  })
})

describe('TextNormaliser: spacing and punctuation', () => {
  it('joins three or more single letters separated by spaces, dots, dashes, _ or *', () => {
    expect(folded('f u c k, f.u.c.k, f-u-c-k, f_u_c_k, f*u*c*k, f. u. c. k.')).toBe(
      'fuck, fuck, fuck, fuck, fuck, fuck.',
    )
  })

  it('does not join two single letters, longer words, or letters far apart', () => {
    expect(folded('a b. e.g. i.e. x y zz')).toBe('a b. e.g. i.e. x y zz')
    expect(folded('f.u-c_k')).toBe('f.u-c_k')
    expect(folded('f    u    c    k')).toBe('f    u    c    k')
  })

  it('keeps the offsets of joined letters', () => {
    const { starts, ends } = foldWithOffsets('oh f.u.c.k')
    expect([starts[3], ends[6]]).toEqual([3, 10])
  })
})

describe('TextNormaliser: leetspeak', () => {
  it('reads digits and symbols as letters inside words with letters', () => {
    expect(readings('sh1t h3ll0 a$$ $cam r@pe sh!t 7est')).toEqual([
      'shit helo as scam rape shit test',
      'shlt helo as scam rape shlt test',
    ])
  })

  it('leaves numbers, model numbers and punctuation alone', () => {
    expect(readings('2026 $100 A55 ok! (hi)! 10:30 555-0100')).toEqual([
      '2026 $100 a55 ok! (hi)! 10:30 555-0100',
    ])
  })

  it('keeps a leading @ as a mention and tries it as a letter too', () => {
    const normaliser = new TextNormaliser()
    const [primary, second] = normaliser.readings('hey @ss you')
    expect(decodeUnits(primary?.codes ?? new Uint16Array(), primary?.length ?? 0)).toBe(
      'hey @s you',
    )
    expect(second && decodeUnits(second.codes, second.length)).toBe('hey as you')
    expect(second && [second.cutStart, second.cutEnd]).toEqual([false, false])
  })

  it('cuts second readings to a window of context around the word', () => {
    const text = `${'word '.repeat(40)}k1ll${' word'.repeat(40)}`
    const [, second] = new TextNormaliser().readings(text, 10)
    expect(second?.cutStart && second.cutEnd).toBe(true)
    expect(second && decodeUnits(second.codes, second.length)).toBe('word word kl word word')
  })
})

describe('TextNormaliser: repeated letters', () => {
  it('makes each run one symbol: 1 single, 2 double, 3 stretched', () => {
    const text = 'good goood fuuck ffuuuccckkk'
    const [reading] = new TextNormaliser().readings(text)
    expect(symbols(text, reading as NormalisedText).join('|')).toBe(
      'g=g|o×2=oo|d=d| = |g=g|o×3=ooo|d=d| = |f=f|u×3=uu|c=c|k=k| = |' +
        'f×3=ff|u×3=uuu|c×3=ccc|k×3=kkk',
    )
  })

  it('reuses its buffers without leaking one text into the next', () => {
    const normaliser = new TextNormaliser()
    normaliser.readings('a much longer text, with f.u.c.k and ｆｕｌｌ width')
    const [reading] = normaliser.readings('ab!')
    expect(reading && decodeUnits(reading.codes, reading.length)).toBe('ab!')
  })
})

describe('normaliseTerm and normaliseText', () => {
  it('normalises terms exactly like text, with doubled letters in the key', () => {
    expect(normaliseTerm('  Ｉ WILL   k1ll  ').key).toBe('i will kill')
    expect(normaliseTerm('F.U.C.K').key).toBe('fuck')
    expect(normaliseTerm('fuuuuck').key).toBe('fuuck')
    expect(normaliseTerm('\u200B').key).toBe('')
  })

  it('gives the readable folded term', () => {
    expect(normaliseText('  ＦＲＥＥ   Crypto ')).toBe('free crypto')
  })
})
