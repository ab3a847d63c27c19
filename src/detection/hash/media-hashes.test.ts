import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors.js'
import { cmykToRgb, decodeImage } from './decode-image.js'
import { sniffImageFormat } from './image-format.js'
import { exactHashes, hashMedia } from './media-hashes.js'
import { hammingDistance, pdqHash } from './pdq.js'

const DATA = fileURLToPath(new URL('../../../../shared/testdata/pdq/', import.meta.url))
const HAVE_DATA = existsSync(DATA)

/** A small photo-like RGB test image (smooth gradients plus detail), as raw pixels. */
function photo(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3
      data[at] = Math.round(127 + 100 * Math.sin(x / 17) * Math.cos(y / 11))
      data[at + 1] = (x * 3 + y) & 255
      data[at + 2] = Math.round((255 * (x + y)) / (width + height))
    }
  }
  return data
}

const RAW = { width: 200, height: 150, channels: 3 } as const

function encoder() {
  return sharp(photo(RAW.width, RAW.height), { raw: RAW })
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('exactHashes', () => {
  it('gives the standard MD5 and SHA-256 test vectors', () => {
    expect(exactHashes(new TextEncoder().encode('abc'))).toEqual({
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    })
  })
})

describe('hashMedia', () => {
  let expected: string
  let png: Buffer

  beforeAll(async () => {
    png = await encoder().png().toBuffer()
    expected = pdqHash({ ...RAW, data: photo(RAW.width, RAW.height) }).hash
  })

  it('hashes a PNG: exact hashes, PDQ, format and size', async () => {
    const result = await hashMedia(png)
    expect(result).toMatchObject({ ...exactHashes(png), format: 'png', width: 200, height: 150 })
    expect(result.pdq).toEqual({ hash: expected, quality: expect.any(Number) })
  })

  it('decodes lossless WebP, TIFF and AVIF to the same pixels, so the same hash', async () => {
    const encoded = {
      webp: await encoder().webp({ lossless: true }).toBuffer(),
      tiff: await encoder().tiff({ compression: 'lzw' }).toBuffer(),
      avif: await encoder().avif({ lossless: true }).toBuffer(),
    }
    for (const [format, bytes] of Object.entries(encoded)) {
      const result = await hashMedia(bytes)
      expect(result.format, format).toBe(format)
      expect(hammingDistance(result.pdq?.hash ?? '', expected), format).toBeLessThanOrEqual(
        format === 'avif' ? 8 : 0,
      )
    }
  })

  it('hashes the first frame of an animated GIF', async () => {
    // 8 × 8 × 4 levels: at most 256 colours, so the GIF palette keeps every pixel exact.
    const first = Buffer.from(
      photo(RAW.width, RAW.height).map((v, i) => v & (i % 3 === 2 ? 0xc0 : 0xe0)),
    )
    const second = Buffer.from(first.map((v) => 255 - v))
    const gif = await sharp(Buffer.concat([first, second]), {
      raw: { ...RAW, height: RAW.height * 2, pageHeight: RAW.height },
    } as never)
      .gif({ loop: 0, dither: 0, colours: 256, effort: 1 })
      .toBuffer()
    const result = await hashMedia(gif)
    expect(result).toMatchObject({ format: 'gif', width: 200, height: 150 })
    // The GIF encoder's palette may move a colour slightly: near the first frame, far from the second.
    const hash = result.pdq?.hash ?? ''
    expect(hammingDistance(hash, pdqHash({ ...RAW, data: first }).hash)).toBeLessThanOrEqual(8)
    expect(hammingDistance(hash, pdqHash({ ...RAW, data: second }).hash)).toBeGreaterThan(128)
  })

  it('reads a 16-bit PNG by its high bytes by default', async () => {
    const png16 = await encoder().toColourspace('rgb16').png().toBuffer()
    expect((await sharp(png16).metadata()).depth).toBe('ushort')
    expect((await hashMedia(png16)).pdq?.hash).toBe(expected)
  })

  it('gives non-image bytes (video, text) exact hashes only', async () => {
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom\0\0\0\0isommp42'),
      Buffer.alloc(64),
    ])
    for (const bytes of [mp4, Buffer.from('hello, world\n')]) {
      expect(await hashMedia(bytes)).toEqual(exactHashes(bytes))
    }
  })

  it('refuses images over the byte or pixel limits, before decoding', async () => {
    expect((await errorOf(hashMedia(png, { maxInputBytes: 100 }))).code).toBe('payload_too_large')
    expect((await errorOf(hashMedia(png, { maxPixels: 200 * 149 }))).code).toBe('payload_too_large')
  })

  it('refuses bytes that look like an image but do not decode', async () => {
    const fake = Buffer.concat([png.subarray(0, 8), Buffer.from('not really a png at all')])
    expect((await errorOf(hashMedia(fake))).code).toBe('unsupported_media_type')
  })

  it('in fast mode shrinks to ≤ 512 px while decoding and reports the source size', async () => {
    const big = await sharp(photo(1600, 1000), { raw: { width: 1600, height: 1000, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer()
    expect(await hashMedia(big, { fast: true })).toMatchObject({ width: 1600, height: 1000 })
    const decoded = await decodeImage(big, {
      maxInputBytes: 1e8,
      maxPixels: 1e8,
      maxDimension: 512,
    })
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 512, height: 320 })
  })
})

describe('cmykToRgb', () => {
  it("follows Pillow's formula", () => {
    const rgb = cmykToRgb(
      Uint8Array.from([0, 0, 0, 0, 255, 0, 0, 0, 10, 20, 30, 128, 0, 0, 0, 255]),
      4,
    )
    expect([...rgb]).toEqual([255, 255, 255, 0, 255, 255, 122, 117, 112, 0, 0, 0])
  })
})

describe('sniffImageFormat', () => {
  it('tells AVIF/HEIF brands from video brands', () => {
    const box = (brands: string) =>
      Buffer.concat([Buffer.from([0, 0, 0, 8 + brands.length]), Buffer.from(`ftyp${brands}`)])
    expect(sniffImageFormat(box('avif\0\0\0\0avifmif1'))).toBe('avif')
    expect(sniffImageFormat(box('mif1\0\0\0\0mif1heic'))).toBe('heif')
    expect(sniffImageFormat(box('isom\0\0\0\0isommp42'))).toBeUndefined()
    expect(sniffImageFormat(new Uint8Array(0))).toBeUndefined()
  })
})

describe.skipIf(!HAVE_DATA)('hashMedia on the reference images', () => {
  it('still hashes a truncated JPEG (so cutting bytes off does not evade matching)', async () => {
    const bytes = readFileSync(`${DATA}data/bridge-mods/aaa-orig.jpg`)
    const full = await hashMedia(bytes)
    const cut = await hashMedia(bytes.subarray(0, Math.floor(bytes.length * 0.99)))
    expect(hammingDistance(full.pdq?.hash ?? '', cut.pdq?.hash ?? '')).toBeLessThanOrEqual(31)
  })

  it('in fast mode stays within 12 bits of full resolution on the bridge photo', async () => {
    const bytes = readFileSync(`${DATA}data/bridge-mods/aaa-orig.jpg`)
    const full = await hashMedia(bytes)
    const fast = await hashMedia(bytes, { fast: true })
    expect(hammingDistance(full.pdq?.hash ?? '', fast.pdq?.hash ?? '')).toBeLessThanOrEqual(12)
  })

  it('decodes CMYK.jpg through the ink values to the reference hash', async () => {
    const result = await hashMedia(readFileSync(`${DATA}data/misc-images/modes/CMYK.jpg`))
    expect(result.pdq?.hash).toBe(
      'f8f8f0cee0f4a84f06370a22038f67f0b36e2ed596221e1d33e6b39c4e9c9b22',
    )
  })
})
