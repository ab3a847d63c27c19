import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DECODE_LIMITS, type DecodeOptions, decodeImage } from './decode-image.js'
import { DIHEDRAL_NAMES, type DihedralName, hammingDistance, pdqDihedralHashes } from './pdq.js'

// Every `fullres` row of ../shared/testdata/pdq/expected/local-cpp-reference.csv: Meta's C++
// reference on full-resolution pixels (libjpeg-turbo and libpng through CImg), against sharp's
// libvips decode plus our TypeScript PDQ. The data stays in the shared folder, found from this
// file: src/detection/hash → the repository root → ../shared/testdata/pdq.
//
// All 44 rows are bit-exact (hash, quality and the 8 dihedral hashes), with two documented
// pixel conventions (decode-image.ts):
// - pytx-resources/I16.png is a 16-bit grey PNG. The reference loads it into CImg<uint8_t>,
//   whose cast keeps each sample's LOW byte, so this row needs `sixteenBit: 'low-byte'`.
//   Vigil's default is `high-byte` (the picture as it looks), which gives a different hash
//   (asserted below); pytx/HMA (Pillow, clipping) give a third one (de2ef0e9…, quality 36).
// - data/misc-images/modes/CMYK.jpg: the reference reads the raw CMYK channels; we convert ink
//   to RGB with Pillow's formula, which gives the same pixels when K is 0, as here.
const DATA = fileURLToPath(new URL('../../../../shared/testdata/pdq/', import.meta.url))
const CSV = `${DATA}expected/local-cpp-reference.csv`
const HAVE_DATA = existsSync(CSV)

interface ReferenceRow {
  file: string
  quality: number
  width: number
  height: number
  hashes: Record<DihedralName, string>
}

function readRows(): ReferenceRow[] {
  const [header, ...lines] = readFileSync(CSV, 'utf8').trim().split('\n')
  expect(header).toBe(
    'file,pipeline,quality,width,height,channels,hash,rot90,rot180,rot270,flipx,flipy,flipplus1,flipminus1',
  )
  return lines
    .map((line) => line.split(','))
    .filter((fields) => fields[1] === 'fullres')
    .map((fields) => ({
      file: fields[0] ?? '',
      quality: Number(fields[2]),
      width: Number(fields[3]),
      height: Number(fields[4]),
      hashes: Object.fromEntries(DIHEDRAL_NAMES.map((name, i) => [name, fields[6 + i]])) as Record<
        DihedralName,
        string
      >,
    }))
}

async function hashFile(file: string, options: Partial<DecodeOptions> = {}) {
  const image = await decodeImage(readFileSync(`${DATA}${file}`), {
    ...DEFAULT_DECODE_LIMITS,
    ...options,
  })
  return { image, ...pdqDihedralHashes(image) }
}

describe.skipIf(!HAVE_DATA)('PDQ vs the C++ reference (../shared/testdata/pdq)', () => {
  const rows = HAVE_DATA ? readRows() : []

  it('covers every fullres row: 44 images', () => {
    expect(rows).toHaveLength(44)
  })

  for (const row of rows) {
    it(`${row.file}: hash, quality and all 8 dihedral hashes are bit-exact`, async () => {
      const { image, quality, hashes } = await hashFile(row.file, { sixteenBit: 'low-byte' })
      expect({ width: image.width, height: image.height }).toEqual({
        width: row.width,
        height: row.height,
      })
      expect(quality).toBe(row.quality)
      expect(hashes).toEqual(row.hashes)
    })
  }

  it('I16.png with the default high-byte convention hashes the picture, not the low bytes', async () => {
    const row = rows.find((r) => r.file === 'pytx-resources/I16.png')
    const { hashes } = await hashFile('pytx-resources/I16.png')
    expect(hammingDistance(hashes.hash, row?.hashes.hash ?? '')).toBeGreaterThan(64)
  })
})

describe.skipIf(!HAVE_DATA)('PDQ properties on the reference images', () => {
  const DIH = 'data/reg-test-input/dih/'
  const files: Record<DihedralName, string> = {
    hash: 'bridge-1-original.jpg',
    rot90: 'bridge-2-rotate-90.jpg',
    rot180: 'bridge-3-rotate-180.jpg',
    rot270: 'bridge-4-rotate-270.jpg',
    flipx: 'bridge-5-flipx.jpg',
    flipy: 'bridge-6-flipy.jpg',
    flipplus1: 'bridge-7-flip-plus-1.jpg',
    flipminus1: 'bridge-8-flip-minus-1.jpg',
  }
  let original: Record<DihedralName, string>

  beforeAll(async () => {
    original = (await hashFile(`${DIH}${files.hash}`)).hashes
  })

  for (const name of DIHEDRAL_NAMES) {
    it(`${files[name]} matches the original's ${name} hash, and no other`, async () => {
      const { hashes } = await hashFile(`${DIH}${files[name]}`)
      for (const other of DIHEDRAL_NAMES) {
        const distance = hammingDistance(original[other], hashes.hash)
        if (other === name) expect(distance).toBeLessThanOrEqual(10)
        else expect(distance, other).toBeGreaterThan(64)
      }
    })
  }

  it('gives the featureless small.jpg a quality under 50', async () => {
    const { quality } = await hashFile('data/misc-images/small.jpg')
    expect(quality).toBeLessThan(50)
  })
})
