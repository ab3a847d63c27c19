import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_DECODE_LIMITS } from './decode-image.js'
import { createImageHashPool } from './image-hash-pool.js'
import { hashImage, type ImageHashOptions } from './image-hasher.js'

const DATA = fileURLToPath(new URL('../../../../shared/testdata/pdq/data/', import.meta.url))
const FILES = [
  'bridge-mods/aaa-orig.jpg',
  'bridge-mods/shrink-a-lot.jpg',
  'misc-images/c.png',
  'reg-test-input/labelme-subset/q0003.jpg',
]
const OPTIONS: ImageHashOptions = { fast: false, dihedral: true, ...DEFAULT_DECODE_LIMITS }

describe('createImageHashPool', () => {
  const pool = createImageHashPool(2)
  afterAll(async () => {
    await pool.close()
  })

  it('hashes in worker threads exactly as on this thread, many images at once', async () => {
    const images = FILES.map((file) => readFileSync(`${DATA}${file}`))
    const inThreads = await Promise.all(images.map((bytes) => pool.hash(bytes, OPTIONS)))
    const here = await Promise.all(images.map((bytes) => hashImage(bytes, OPTIONS)))
    expect(inThreads).toEqual(here)
    expect(inThreads[0]?.hashes[0]).toEqual([
      'original',
      'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22',
    ])
  })

  it('passes on a decoding error with its code and keeps working afterwards', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)])
    await expect(pool.hash(broken, OPTIONS)).rejects.toMatchObject({
      code: 'unsupported_media_type',
    })
    const huge = { ...OPTIONS, maxPixels: 100 }
    await expect(pool.hash(readFileSync(`${DATA}misc-images/c.png`), huge)).rejects.toMatchObject({
      code: 'payload_too_large',
    })
    const again = await pool.hash(readFileSync(`${DATA}misc-images/c.png`), OPTIONS)
    expect(again.hashes).toHaveLength(8)
  })

  it('leaves the caller’s bytes untouched (it sends a copy)', async () => {
    const bytes = readFileSync(`${DATA}misc-images/c.png`)
    const before = Buffer.from(bytes)
    await pool.hash(bytes, OPTIONS)
    expect(bytes.equals(before)).toBe(true)
  })
})
