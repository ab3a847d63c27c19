import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  DIHEDRAL_NAMES,
  PDQ_ZERO_HASH,
  type PixelBuffer,
  pdqDihedralHashes,
  pdqHash,
  pdqHashFromLuma,
  torbenMedian,
} from './pdq.js'
import { type DihedralName, dihedralOf } from './pdq-dct.js'
import { lumaFromPixels } from './pdq-luma.js'

type Rgb = [number, number, number]

/** 8-bit RGB pixels from a formula, x = column, y = row. */
function synth(width: number, height: number, pixel: (x: number, y: number) => Rgb): PixelBuffer {
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3)
  }
  return { width, height, channels: 3, data }
}

function grey(v: number): Rgb {
  return [v, v, v]
}

// Golden vectors of ../shared/research/deps.md §6: Meta's C++ reference
// (`pdq-photo-hasher --details` on a PPM of exactly these pixels).
const GOLDEN: { name: string; image: PixelBuffer; hash: string; quality: number }[] = [
  {
    name: 'A 512×384',
    image: synth(512, 384, (x, y) => [(x ^ y) & 255, (2 * x + y) & 255, ((x * y) >> 6) & 255]),
    hash: '9bcdb28960d8dd9b0b9ba233cea7886270f2a2d7028a7f0aedaf552a52787f80',
    quality: 100,
  },
  {
    name: 'B 300×200 checkerboard',
    image: synth(300, 200, (x, y) =>
      grey((Math.floor(x / 10) + Math.floor(y / 10)) % 2 ? 230 : 20),
    ),
    hash: 'dd558828ff5720a877df880077fd20aaddf5222857dd808a577d2a0875fd02aa',
    quality: 100,
  },
  {
    name: 'C 64×64 (no blur)',
    image: synth(64, 64, (x, y) => [(4 * x) & 255, (4 * y) & 255, (2 * (x + y)) & 255]),
    hash: '564edcc2d8048d9a096e3bb6aa0ee9fab219a9970ab35c373786c3f9bfc00585',
    quality: 44,
  },
  {
    name: 'D 97×61',
    image: synth(97, 61, (x, y) => [(x * x + 3 * y * y) % 256, (13 * x) % 256, (29 * y) % 256]),
    hash: '7efff6a4337fcee416d536dfce007ee716c5c0003e87f4d0c80036d5cc00d618',
    quality: 100,
  },
  {
    name: 'E 400×400 stripes',
    image: synth(400, 400, (x, y) => {
      const v = (Math.floor((x + 2 * y) / 25) % 3) * 100 + 20
      return [v, 255 - v, Math.floor((255 * x) / 399)]
    }),
    hash: 'fc0056aafc0056aafc0056b5fc0056bffc0056bffc0056bffc0056bffc0056bf',
    quality: 100,
  },
]

function golden(index: number): (typeof GOLDEN)[number] {
  const vector = GOLDEN[index]
  if (!vector) throw new Error(`no golden vector ${index}`)
  return vector
}

describe('pdqHash: golden vectors (deps.md §6)', () => {
  for (const vector of GOLDEN) {
    it(`${vector.name} is bit-exact with the C++ reference, quality included`, () => {
      expect(pdqHash(vector.image)).toEqual({ hash: vector.hash, quality: vector.quality })
    })
  }

  it('gives the same hash from the luma entry point', () => {
    const image = golden(3).image
    const luma = lumaFromPixels(image)
    expect(pdqHashFromLuma(luma, image.height, image.width).hash).toBe(golden(3).hash)
  })
})

describe('pdqHash: edge cases', () => {
  it('hashes images under 5 px on either side to zeros with quality 0', () => {
    for (const [w, h] of [
      [4, 100],
      [100, 4],
      [0, 0],
    ] as const) {
      const image = synth(w, h, (x, y) => grey((x * 7 + y * 13) & 255))
      expect(pdqHash(image)).toEqual({ hash: PDQ_ZERO_HASH, quality: 0 })
      const all = pdqDihedralHashes(image)
      expect(all.quality).toBe(0)
      for (const name of DIHEDRAL_NAMES) expect(all.hashes[name]).toBe(PDQ_ZERO_HASH)
    }
  })

  it('hashes a 5×5 image, the smallest the reference accepts', () => {
    const result = pdqHash(synth(5, 5, (x, y) => grey(x * 50 + y * 3)))
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('rejects a buffer too short for its size', () => {
    expect(() =>
      pdqHash({ width: 10, height: 10, channels: 3, data: new Uint8Array(299) }),
    ).toThrow(RangeError)
  })
})

describe('pdqHash: channels', () => {
  const rgb = golden(0).image
  const pixels = rgb.width * rgb.height

  function withChannels(channels: number, fill: (p: number, c: number) => number): PixelBuffer {
    const data = new Uint8Array(pixels * channels)
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < channels; c++) data[p * channels + c] = fill(p, c)
    }
    return { width: rgb.width, height: rgb.height, channels, data }
  }

  it('ignores alpha: RGBA with any alpha hashes as RGB', () => {
    const rgba = withChannels(4, (p, c) => (c < 3 ? (rgb.data[p * 3 + c] ?? 0) : (p * 31) & 255))
    expect(pdqHash(rgba).hash).toBe(golden(0).hash)
  })

  it('takes grey from channel 0 for grey and grey+alpha images', () => {
    const greyOnly = withChannels(1, (p) => (p * 7) & 255)
    const greyAlpha = withChannels(2, (p, c) => (c === 0 ? (p * 7) & 255 : 17))
    expect(pdqHash(greyAlpha)).toEqual(pdqHash(greyOnly))
  })

  it('reads 16-bit samples by the chosen convention', () => {
    const wide = new Uint16Array(rgb.data.length)
    for (let i = 0; i < wide.length; i++)
      wide[i] = ((rgb.data[i] ?? 0) << 8) | (255 - (rgb.data[i] ?? 0))
    const image = { ...rgb, data: wide }
    expect(pdqHash(image).hash).toBe(golden(0).hash)
    const inverted = { ...rgb, data: Uint8Array.from(rgb.data, (v) => 255 - v) }
    expect(pdqHash(image, { sixteenBit: 'low-byte' })).toEqual(pdqHash(inverted))
  })
})

describe('pdqDihedralHashes', () => {
  it('returns the plain hash as `hash`, and 8 hashes far from each other', () => {
    const { quality, hashes } = pdqDihedralHashes(golden(3).image)
    expect(quality).toBe(100)
    expect(hashes.hash).toBe(golden(3).hash)
    expect(Object.keys(hashes)).toEqual([...DIHEDRAL_NAMES])
  })

  it('composes like the dihedral group (rotations add up, flips undo themselves)', () => {
    const block = Float32Array.from({ length: 256 }, (_, i) => Math.sin(i * 1.7) * 100)
    const turn = (b: Float32Array, ...names: DihedralName[]) =>
      names.reduce((acc, name) => dihedralOf(acc, name), b)
    expect(turn(block, 'rot90', 'rot90')).toEqual(turn(block, 'rot180'))
    expect(turn(block, 'rot90', 'rot180')).toEqual(turn(block, 'rot270'))
    expect(turn(block, 'rot270', 'rot90')).toEqual(block)
    expect(turn(block, 'flipx', 'flipy')).toEqual(turn(block, 'rot180'))
    for (const flip of ['flipx', 'flipy', 'flipplus1', 'flipminus1'] as const) {
      expect(turn(block, flip, flip), flip).toEqual(block)
    }
    expect(turn(block, 'hash')).toEqual(block)
  })
})

describe('torbenMedian', () => {
  it('returns the 128th smallest of 256 values, as sorting does', () => {
    let seed = 7
    for (let round = 0; round < 50; round++) {
      const values = new Float32Array(256)
      for (let i = 0; i < 256; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
        values[i] = ((seed >>> 8) % 2000) / 7 - 140
      }
      if (round % 4 === 0) values.fill(values[0] ?? 0, 0, 100)
      const sorted = Float32Array.from(values).sort()
      expect(torbenMedian(values)).toBe(sorted[127])
    }
  })
})

describe('browser safety', () => {
  it('pdq.ts and everything it imports use no node:* module or sharp', () => {
    const here = dirname(fileURLToPath(import.meta.url))
    const seen = new Set<string>()
    const visit = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      const source = readFileSync(file, 'utf8')
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|sharp$|fs$|path$|crypto$)/)
        if (spec?.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')))
      }
    }
    visit(join(here, 'pdq.ts'))
    expect(seen.size).toBeGreaterThan(5)
  })
})
