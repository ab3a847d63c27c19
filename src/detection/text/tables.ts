// @NOTE The character tables the keyword normaliser folds text with. Keep each table small and
// explainable: every entry here changes what a list term can match, for every bank.

/**
 * Look-alikes that lower-case to a letter of a different look (Greek capital Eta looks like H,
 * its small form like n), mapped before lower-casing.
 */
export const UPPERCASE_HOMOGLYPHS: Readonly<Record<string, string>> = {
  Η: 'h', // Greek capital eta
  Ν: 'n', // Greek capital nu
  Υ: 'y', // Greek capital upsilon
  Μ: 'm', // Greek capital mu
  Ζ: 'z', // Greek capital zeta
}

/**
 * Lower-case Cyrillic, Greek and Latin look-alikes of Latin letters, applied after lower-casing
 * and stripping diacritics (so 'ё' arrives as 'е'), plus the few case foldings `toLowerCase`
 * leaves out. Russian or Greek terms still match Russian or Greek text: both sides map alike.
 */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  н: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  п: 'n',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ω: 'w',
  ς: 'σ',
  // Latin letters NFD does not take apart, small capitals and dotless i
  ı: 'i',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ł: 'l',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ɑ: 'a',
  ɡ: 'g',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
}

/**
 * Leetspeak: digits and symbols read as letters, only inside a word that has real letters
 * (see `resolveLeet` in evasion.ts for when each applies). '1', '!' and '|' read as 'i', and the
 * word is also tried with 'l' ('k1ll', 'ki11').
 */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
}

/** The second reading of the ambiguous leet characters. */
export const LEET_ALTERNATE: Readonly<Record<string, string>> = { '1': 'l', '!': 'l', '|': 'l' }

/** Characters that may separate spaced-out single letters ('f.u.c.k', 'f-u-c-k', 'f*u*c*k'). */
export const SEPARATORS = '.-_*\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2022\u2027'

/** Scripts written without spaces between words: their letters never form a word boundary. */
export const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
