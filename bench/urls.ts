import { LinkifyIt } from 'linkify-it'
import type { ListEntry, MatchInput } from '../src/detection/matcher.js'
import { UrlListMatcher } from '../src/detection/matchers/url-list-matcher.js'
import { extractUrls } from '../src/detection/url/extract-urls.js'

// @NOTE `node --import tsx bench/urls.ts`: URL extraction over generated chat messages (one call
// per message, as the pipeline makes them) against two baselines from the same run: the plain
// `https?://` regex the URL matcher used before, and stock linkify-it with fuzzy links; then
// matching against 100k domain entries, index lookups against a scan over the entries. BENCH_ROUNDS
// (default 5) rounds; the table shows the median. BENCH_MESSAGES (default 40000) messages.

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 40_000)
const ENTRIES = 100_000
const SCAN_SAMPLE = 300

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same text. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rand = random(42)
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T
const WORDS = (
  'the a to and of you i it is that in for on this was with my me so but just have be not ' +
  'are do at lol what if we they get like can no yes ok know one all up out about good time ' +
  'really think when see people how new today going now love well got more make back great'
).split(' ')
const BAIT = ['e.g.', 'node.js', 'file.txt', 'v2.0.1', 'i.e.', 'a...b', 'Mr.Smith', '3.14']
const TLDS = ['com', 'net', 'org', 'io', 'ai', 'co.uk', 'de', 'xyz', 'online', 'com.au']

function domainName(i: number): string {
  return `site${i.toString(36)}.${TLDS[i % TLDS.length]}`
}

/** A link as people write it: with a scheme and tracking, bare, defanged, or an IP. */
function link(): string {
  const domain = domainName(Math.floor(rand() * ENTRIES * 2))
  const roll = rand()
  if (roll < 0.4) return `https://www.${domain}/p/${Math.floor(rand() * 1e6)}?utm_source=share`
  if (roll < 0.65)
    return rand() < 0.5 ? domain : `www.${domain}/watch?v=${Math.floor(rand() * 1e9)}`
  if (roll < 0.8) return `hxxps://${domain.replaceAll('.', '[.]')}/login`
  if (roll < 0.9)
    return `http://${Math.floor(rand() * 223) + 1}.0.113.${Math.floor(rand() * 255)}/x`
  return `(see https://${domain}/a).`
}

function message(): string {
  const words: string[] = []
  const length = 8 + Math.floor(rand() * 30)
  for (let i = 0; i < length; i++) words.push(pick(WORDS))
  if (rand() < 0.1) words.splice(Math.floor(rand() * words.length), 0, link())
  if (rand() < 0.05) words.splice(Math.floor(rand() * words.length), 0, pick(BAIT))
  return words.join(' ')
}

const messages = Array.from({ length: MESSAGES }, message)
const megabytes = messages.reduce((n, m) => n + Buffer.byteLength(m), 0) / 1e6
const BASELINE_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi
const stockLinkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false })

interface Row {
  name: string
  seconds: number
  /** MB scanned per pass (0: not a text pass). */
  megabytes: number
  /** What the rate counts: URLs found, URLs looked up or messages, per pass. */
  items: number
  unit: string
  /** URLs found, or entries hit. */
  found: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Median seconds of a pass over ROUNDS rounds, after one warm-up, and what it returns. */
function time(pass: () => number): { seconds: number; found: number } {
  let found = pass()
  const rounds: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    found = pass()
    rounds.push((performance.now() - start) / 1000)
  }
  return { seconds: median(rounds), found }
}

function sum<T>(items: readonly T[], count: (item: T) => number): number {
  let total = 0
  for (const item of items) total += count(item)
  return total
}

function extractionRows(): Row[] {
  const passes: [string, (m: string) => number][] = [
    ['baseline: /https?:\\/\\/…/ regex (old matcher)', (m) => m.match(BASELINE_RE)?.length ?? 0],
    ['baseline: stock linkify-it, fuzzy links', (m) => stockLinkify.match(m)?.length ?? 0],
    ['extractUrls: defang, linkify, PSL, canonical', (m) => extractUrls(m).length],
  ]
  const rows = passes.map(([name, count]) => {
    const { seconds, found } = time(() => sum(messages, count))
    return { name, seconds, megabytes, items: found, unit: 'URLs', found }
  })
  // @NOTE The same messages with every word holding a dot, colon or slash replaced: the cost of
  // text without links, which is most of what a platform sends.
  const plain = messages.map((m) => m.replace(/\S*[.:/]\S*/g, 'word'))
  const plainMegabytes = plain.reduce((n, m) => n + Buffer.byteLength(m), 0) / 1e6
  const { seconds, found } = time(() => sum(plain, (m) => extractUrls(m).length))
  const name = 'extractUrls on the messages without links'
  rows.push({ name, seconds, megabytes: plainMegabytes, items: plain.length, unit: 'msgs', found })
  return rows
}

function domainEntry(i: number, value: string): ListEntry {
  const bank = { bankId: 'bank-1', bankName: 'scam-domains', harm: 'illegal.fraud' }
  return { entryId: `entry-${i}`, ...bank, action: 'block', value, expiresAt: null }
}

function textInput(text: string): MatchInput {
  return { kind: 'text', surface: 'public', text, url: null, media: [] }
}

/** Only with `node --expose-gc`; the heap figure is rougher without it. */
function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

function matchingRows(): Row[] {
  const entries: ListEntry[] = []
  for (let i = 0; i < ENTRIES; i++) entries.push(domainEntry(i, domainName(i * 2)))
  const matcher = new UrlListMatcher()
  collectGarbage()
  const heapBefore = process.memoryUsage().heapUsed
  const loadStart = performance.now()
  matcher.load(entries)
  const loadMs = performance.now() - loadStart
  collectGarbage()
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6
  console.log(
    `\nloaded ${matcher.size} domain entries in ${loadMs.toFixed(0)} ms (heap +${heapMb.toFixed(0)} MB)`,
  )
  const urls = messages.flatMap((m) => extractUrls(m))
  const sample = urls.slice(0, SCAN_SAMPLE)
  const hosts = entries.map((e) => e.value)
  const indexed = time(() => sum(urls, (url) => matcher.index.lookup(url).length))
  const scanned = time(() =>
    sum(sample, (url) => sum(hosts, (h) => (url.host === h || url.host.endsWith(`.${h}`) ? 1 : 0))),
  )
  const full = time(() => sum(messages, (m) => matcher.match(textInput(m)).length))
  return [
    {
      name: 'index.lookup (host walk, prefix, exact)',
      ...indexed,
      megabytes: 0,
      items: urls.length,
      unit: 'URLs',
    },
    {
      name: 'baseline: scan over the 100k entries',
      ...scanned,
      megabytes: 0,
      items: sample.length,
      unit: 'URLs',
    },
    {
      name: 'matcher.match per message (extract + lookup)',
      ...full,
      megabytes,
      items: MESSAGES,
      unit: 'msgs',
    },
  ]
}

function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`)
  console.log(
    `${'pass'.padEnd(48)}${'MB/s'.padStart(8)}${'rate'.padStart(20)}${'found'.padStart(9)}`,
  )
  for (const row of rows) {
    const mbs = row.megabytes > 0 ? (row.megabytes / row.seconds).toFixed(1) : '–'
    const rate = `${Math.round(row.items / row.seconds).toLocaleString('en')} ${row.unit}/s`
    console.log(
      `${row.name.padEnd(48)}${mbs.padStart(8)}${rate.padStart(20)}${String(row.found).padStart(9)}`,
    )
  }
}

console.log(
  `${MESSAGES} messages, ${megabytes.toFixed(2)} MB; median of ${ROUNDS} rounds; Node ${process.version}`,
)
printTable('URL extraction', extractionRows())
printTable('Matching against 100k domain entries', matchingRows())
