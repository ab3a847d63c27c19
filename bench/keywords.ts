import { cpus, loadavg } from 'node:os'
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity'
import { mulberry32 } from '../src/core/random.js'
import type { ListEntry, MatchInput } from '../src/detection/matcher.js'
import {
  KeywordListMatcher,
  obscenityMatcher,
} from '../src/detection/matchers/keyword-list-matcher.js'

// @NOTE `node --import tsx bench/keywords.ts`: keyword matching throughput (MB/s of UTF-8 text)
// with 10k terms over generated chat-like text, beside obscenity's RegExpMatcher with its English
// dataset on the same text, in the same run. Throughput is per CPU second of this process (so a
// busy machine slows the wall clock, not the figure); wall-clock MB/s is printed beside it.
// KEYWORDS_MB (size of each text, default 4), KEYWORDS_SECONDS (time per row, default 3).
// Target: 50 MB/s.

const TEXT_MB = Number(process.env.KEYWORDS_MB ?? 4)
const SECONDS = Number(process.env.KEYWORDS_SECONDS ?? 3)
const TARGET_MB_S = 50

const random = mulberry32(2026).next
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
/** Common words first: a rough Zipf skew. */
const pickCommon = <T>(items: readonly T[]): T =>
  items[Math.floor(random() ** 2 * items.length)] as T

const WORDS = (
  'i you the to a it and is that of in my for this me so on not be just have lol it’s do but ' +
  'we what with are was your like get can no all at if they yes ok one up out know good how ' +
  'now about go when think time really see there will people would want going back more from ' +
  'today love game play stream chat thanks hey guys new why who got too well some been make ' +
  'need right here then day night last first next week any because still only any much also ' +
  'pretty sure maybe never always lmao omg bro yeah nah haha gg wp team match win lost server ' +
  'mod please help anyone link check tomorrow weekend boss level grind loot drop coin photo ' +
  'shoot class passes bass cocktail assassin Scunthorpe Sussex tonight friend school work home'
).split(' ')
const UNICODE = ['café', 'naïve', 'über', 'straße', 'москва', 'привет', '今天', 'ありがとう']
const EMOJI = ['😂', '🔥', '👍', '❤️', '😭', '🙏']
const EXTRAS = ['2026', '10:30', '#gg', 'https://example.com/x', '!!', '3pm', '$20']
const LISTED = ['kill', 'scam', 'fuck', 'shit', 'free crypto', 'bitch']
const EVASIONS = ['f.u.c.k', 'sh1t', 'ffuuuccckkk', 'a$$hole', 'ｆｕｃｋ', 'fück', 'k1ll', 'b1tch']

/** Chat: a listed word in ~3% of messages, an evasion in ~1%, mentions, emoji, numbers. */
function chatMessage(): string {
  const words: string[] = []
  const length = 3 + Math.floor(random() * 25)
  for (let i = 0; i < length; i += 1) words.push(pickCommon(WORDS))
  const insert = (word: string) => words.splice(Math.floor(random() * words.length), 0, word)
  if (random() < 0.08) words.unshift(`@${pickCommon(WORDS)}${Math.floor(random() * 100)}`)
  if (random() < 0.1) insert(pick(EMOJI))
  if (random() < 0.06) insert(pick(EXTRAS))
  if (random() < 0.04) insert(pick(UNICODE))
  if (random() < 0.03) insert(pick(LISTED))
  if (random() < 0.01) insert(pick(EVASIONS))
  if (random() < 0.05) words[0] = (words[0] ?? '').toUpperCase()
  return `${words.join(' ')}${pick(['', '', '', '.', '!', '?', ' lol'])}`
}

/** Hit-heavy: every word a coin flip between chat, listed words, evasions and the rest. */
function hitHeavyMessage(): string {
  const words: string[] = []
  const length = 3 + Math.floor(random() * 25)
  for (let i = 0; i < length; i += 1) {
    const roll = random()
    words.push(
      roll < 0.03
        ? pick(LISTED)
        : roll < 0.05
          ? pick(EVASIONS)
          : roll < 0.1
            ? pick([...UNICODE, ...EMOJI, ...EXTRAS])
            : pickCommon(WORDS),
    )
  }
  return words.join(' ')
}

function generate(make: () => string): string[] {
  const messages: string[] = []
  let bytes = 0
  while (bytes < TEXT_MB * 1e6) {
    const m = make()
    messages.push(m)
    bytes += Buffer.byteLength(m)
  }
  return messages
}

function syllableWord(): string {
  const syllables = ['ka', 'lo', 'mi', 'ze', 'tru', 'vex', 'qua', 'no', 'shi', 'dra', 'pe', 'gon']
  let word = ''
  const count = 2 + Math.floor(random() * 4)
  for (let i = 0; i < count; i += 1) word += pick(syllables)
  return word
}

function entries(values: readonly string[]): ListEntry[] {
  return values.map((value, i) => ({
    entryId: `e${i}`,
    bankId: `bank${i % 10}`,
    bankName: `bank${i % 10}`,
    harm: 'illegal.hate',
    action: 'review',
    value,
    expiresAt: null,
  }))
}

function obscenityWords(): string[] {
  const words = new Set<string>()
  for (const { id } of englishDataset.build().blacklistedTerms) {
    const payload = { termId: id, startIndex: 0, endIndex: 0, matchLength: 0 }
    const word = englishDataset.getPayloadWithPhraseMetadata(payload).phraseMetadata?.originalWord
    if (word) words.add(word)
  }
  return [...words]
}

interface Row {
  name: string
  cpuMbS: number
  wallMbS: number
  callsPerSecond: number
  matches: number
  baseline?: Row
}

/** One warm-up pass, then passes over every input until SECONDS of CPU time have gone. */
function measure(name: string, inputs: readonly string[], scan: (text: string) => number): Row {
  const bytes = inputs.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  let matches = 0
  for (const text of inputs) matches += scan(text)
  let passes = 0
  const cpu = process.cpuUsage()
  const wall = performance.now()
  let cpuSeconds = 0
  while (cpuSeconds < SECONDS) {
    for (const text of inputs) scan(text)
    passes += 1
    const used = process.cpuUsage(cpu)
    cpuSeconds = (used.user + used.system) / 1e6
  }
  const wallSeconds = (performance.now() - wall) / 1000
  return {
    name,
    cpuMbS: (bytes * passes) / cpuSeconds / 1e6,
    wallMbS: (bytes * passes) / wallSeconds / 1e6,
    callsPerSecond: (inputs.length * passes) / cpuSeconds,
    matches,
  }
}

function documents(messages: readonly string[], size: number): string[] {
  const out: string[] = []
  let current: string[] = []
  let length = 0
  for (const m of messages) {
    current.push(m)
    length += m.length + 1
    if (length >= size) {
      out.push(current.join('\n'))
      current = []
      length = 0
    }
  }
  if (current.length > 0) out.push(current.join('\n'))
  return out
}

const LOOKUP = new Uint16Array(0x10000)
let sink = 0

/** The floor for any matcher in JavaScript here: touch every code unit once. */
function readEachChar(text: string): number {
  let sum = 0
  for (let i = 0; i < text.length; i += 1) sum = (sum + (LOOKUP[text.charCodeAt(i)] as number)) | 0
  sink ^= sum
  return 0
}

function matcherFor(values: readonly string[]): KeywordListMatcher {
  const matcher = new KeywordListMatcher()
  matcher.load(entries(values))
  return matcher
}

function main(): void {
  const chat = generate(chatMessage)
  const heavy = generate(hitHeavyMessage)
  const docs = documents(chat, 64 * 1024)
  const terms = new Set<string>(LISTED)
  while (terms.size < 10_000) {
    terms.add(random() < 0.15 ? `${syllableWord()} ${syllableWord()}` : syllableWord())
  }
  const loadStarted = performance.now()
  const big = matcherFor([...terms])
  const loadMs = performance.now() - loadStarted
  const small = matcherFor(obscenityWords())
  const regexp = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers })
  const viaObscenity = (text: string) => regexp.getAllMatches(text).length
  const via = (matcher: { match(i: MatchInput): unknown[] }) => (text: string) =>
    matcher.match({ kind: 'text', surface: 'public', text, url: null, media: [] }).length

  const bytes = (texts: string[]) => texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0)
  console.log(
    `chat: ${(bytes(chat) / 1e6).toFixed(1)} MB in ${chat.length} messages ` +
      `(mean ${Math.round(bytes(chat) / chat.length)} B), also as ${docs.length} 64 KB documents; ` +
      `hit-heavy: ${(bytes(heavy) / 1e6).toFixed(1)} MB in ${heavy.length} messages`,
  )
  console.log(
    `10k terms loaded in ${loadMs.toFixed(0)} ms; node ${process.version}, ` +
      `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()[0]?.toFixed(2)}`,
  )
  const floor = measure('(calibration) read each char + 1 table lookup', chat, readEachChar)
  console.log(
    `calibration: a bare loop reading every character of the chat text runs at ` +
      `${floor.cpuMbS.toFixed(0)} MB/s on this machine`,
  )
  const chatBase = measure('obscenity RegExpMatcher (English), chat', chat, viaObscenity)
  const docBase = measure('obscenity RegExpMatcher (English), documents', docs, viaObscenity)
  const heavyBase = measure('obscenity RegExpMatcher (English), hit-heavy', heavy, viaObscenity)
  const rows: Row[] = [
    { ...measure('keyword_list, 10k terms, chat messages', chat, via(big)), baseline: chatBase },
    { ...measure('keyword_list, 10k terms, chat as documents', docs, via(big)), baseline: docBase },
    {
      ...measure('keyword_list, 10k terms, hit-heavy messages', heavy, via(big)),
      baseline: heavyBase,
    },
    {
      ...measure(
        `keyword_list, obscenity's ${obscenityWords().length} words, chat`,
        chat,
        via(small),
      ),
      baseline: chatBase,
    },
    {
      ...measure('obscenityMatcher() (fold + join first), chat', chat, via(obscenityMatcher())),
      baseline: chatBase,
    },
    chatBase,
    docBase,
    heavyBase,
  ]
  printTable(rows)
  if (sink === 42) console.log('')
}

function printTable(rows: Row[]): void {
  const cell = (value: string, width: number) => value.padStart(width)
  console.log(
    `\n${'matcher, text'.padEnd(52)}${cell('MB/s cpu', 10)}${cell('MB/s wall', 11)}` +
      `${cell('calls/s', 10)}${cell('matches', 9)}${cell('× obscenity', 13)}`,
  )
  for (const row of rows) {
    const ratio = row.baseline ? (row.cpuMbS / row.baseline.cpuMbS).toFixed(1) : '1.0'
    console.log(
      `${row.name.padEnd(52)}${cell(row.cpuMbS.toFixed(1), 10)}${cell(row.wallMbS.toFixed(1), 11)}` +
        `${cell(Math.round(row.callsPerSecond).toLocaleString('en'), 10)}` +
        `${cell(String(row.matches), 9)}${cell(ratio, 13)}`,
    )
  }
  const first = rows[0] as Row
  const verdict = first.cpuMbS >= TARGET_MB_S ? 'meets' : 'misses'
  console.log(`\nkeyword_list on chat messages ${verdict} the ${TARGET_MB_S} MB/s target`)
}

main()
