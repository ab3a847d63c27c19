import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import {
  DEFAULT_DECODE_LIMITS,
  type DecodedImage,
  decodeImage,
  FAST_MAX_DIMENSION,
} from '../src/detection/hash/decode-image.js'
import { hammingDistance, pdqHash } from '../src/detection/hash/pdq.js'

// @NOTE `node --import tsx bench/pdq.ts`: PDQ throughput at full resolution over the 44 JPEG
// and PNG images of ../shared/testdata/pdq (the fullres rows of local-cpp-reference.csv),
// decoding included, on one core (libvips limited to one thread, work done one image at a
// time, files already in memory), against sharp's decode alone measured in the same run; then
// the fast mode (≤ 512 px on decode) and its drift from full resolution. BENCH_ROUNDS
// (default 7) interleaved rounds. Wall-clock images/s is the median round (best in brackets);
// "per CPU-s" divides by the process's CPU time instead, which a busy shared machine disturbs
// less than the wall clock.

const DATA = fileURLToPath(new URL('../../shared/testdata/pdq/', import.meta.url))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const TARGET_PER_SECOND = 36
const BASELINE = 'sharp decode alone (raw pixels)'
const FULL_PASS = 'PDQ full resolution, with decode'

interface Input {
  file: string
  bytes: Buffer
}

interface Sample {
  wall: number
  cpu: number
}

function loadInputs(): Input[] {
  const csv = readFileSync(`${DATA}expected/local-cpp-reference.csv`, 'utf8')
  return csv
    .trim()
    .split('\n')
    .map((line) => line.split(','))
    .filter((fields) => fields[1] === 'fullres')
    .map(([file = '']) => ({ file, bytes: readFileSync(`${DATA}${file}`) }))
}

const FULL = { ...DEFAULT_DECODE_LIMITS }
const FAST = { ...DEFAULT_DECODE_LIMITS, maxDimension: FAST_MAX_DIMENSION }

type Pass = (inputs: Input[], decoded: DecodedImage[]) => Promise<void>

const passes: Record<string, Pass> = {
  [BASELINE]: async (inputs) => {
    for (const { bytes } of inputs) await sharp(bytes, { ignoreIcc: true }).raw().toBuffer()
  },
  'decodeImage alone (Vigil decode)': async (inputs) => {
    for (const { bytes } of inputs) await decodeImage(bytes, FULL)
  },
  [FULL_PASS]: async (inputs) => {
    for (const { bytes } of inputs) pdqHash(await decodeImage(bytes, FULL))
  },
  'PDQ fast mode (≤ 512 px), with decode': async (inputs) => {
    for (const { bytes } of inputs) pdqHash(await decodeImage(bytes, FAST))
  },
  'PDQ hash alone (pixels decoded before)': async (_inputs, decoded) => {
    for (const image of decoded) pdqHash(image)
  },
}

async function measure(pass: Pass, inputs: Input[], decoded: DecodedImage[]): Promise<Sample> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  await pass(inputs, decoded)
  const used = process.cpuUsage(cpu)
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 }
}

async function timeRounds(inputs: Input[], decoded: DecodedImage[]) {
  const samples = new Map<string, Sample[]>(Object.keys(passes).map((name) => [name, []]))
  for (const pass of Object.values(passes)) await pass(inputs, decoded) // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, pass] of Object.entries(passes)) {
      samples.get(name)?.push(await measure(pass, inputs, decoded))
    }
  }
  return samples
}

async function drift(inputs: Input[]): Promise<{ mean: number; max: number; worst: string }> {
  let total = 0
  let max = 0
  let worst = ''
  for (const { file, bytes } of inputs) {
    const full = pdqHash(await decodeImage(bytes, FULL)).hash
    const fast = pdqHash(await decodeImage(bytes, FAST)).hash
    const distance = hammingDistance(full, fast)
    total += distance
    if (distance > max) [max, worst] = [distance, file]
  }
  return { mean: total / inputs.length, max, worst }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

interface Rate {
  wall: number
  best: number
  cpu: number
}

function rate(count: number, samples: Sample[]): Rate {
  const walls = samples.map((s) => s.wall)
  return {
    wall: count / median(walls),
    best: count / Math.min(...walls),
    cpu: count / median(samples.map((s) => s.cpu)),
  }
}

function printTable(rates: Map<string, Rate>): void {
  const cell = (text: string) => text.padStart(11)
  console.log(
    `${'pass'.padEnd(42)}${cell('images/s')}${cell('(best)')}${cell('ms/image')}${cell('per CPU-s')}`,
  )
  for (const [name, r] of rates) {
    const columns = [
      r.wall.toFixed(1),
      `(${r.best.toFixed(1)})`,
      (1000 / r.wall).toFixed(1),
      r.cpu.toFixed(1),
    ]
    console.log(`${name.padEnd(42)}${columns.map(cell).join('')}`)
  }
}

async function main(): Promise<void> {
  sharp.concurrency(1)
  sharp.cache(false)
  const inputs = loadInputs()
  const decoded = await Promise.all(inputs.map(({ bytes }) => decodeImage(bytes, FULL)))
  const megapixels = decoded.reduce((sum, image) => sum + image.width * image.height, 0) / 1e6
  const samples = await timeRounds(inputs, decoded)
  const rates = new Map([...samples].map(([name, s]) => [name, rate(inputs.length, s)]))
  const { mean, max, worst } = await drift(inputs)
  const full = rates.get(FULL_PASS)
  const baseline = rates.get(BASELINE)

  console.log(
    `PDQ benchmark: ${inputs.length} images, ${megapixels.toFixed(1)} MP, ${ROUNDS} rounds`,
  )
  console.log(
    `node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`,
  )
  console.log(`one core (libvips concurrency 1); load average ${loadavg()[0]?.toFixed(2)}\n`)
  printTable(rates)
  const ratio = (full?.wall ?? Number.NaN) / (baseline?.wall ?? Number.NaN)
  console.log(`\nfull resolution with decode / sharp decode alone: ${ratio.toFixed(2)}`)
  console.log(
    `fast-mode drift from full resolution: mean ${mean.toFixed(2)} bits, max ${max} (${worst})`,
  )
  const met = (full?.wall ?? 0) >= TARGET_PER_SECOND ? 'met' : 'NOT met'
  console.log(`target ≥ ${TARGET_PER_SECOND} images/s at full resolution with decoding: ${met}`)
}

await main()
