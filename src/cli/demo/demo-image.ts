import sharp from 'sharp'
import { mulberry32 } from '../../core/random.js'

const WIDTH = 256
const HEIGHT = 192
const BLOCKS = 40

/**
 * A picture the demo posts, reports and removes: seeded coloured blocks on a soft background
 * (it stands in for the reported image; nothing real is shown). `png` is the upload; `copy` is
 * the same picture made smaller and saved as a JPEG, as a re-upload would be: other bytes, so
 * another SHA-256, but a PDQ hash within a few bits.
 */
export async function demoPicture(seed: number): Promise<{ png: Buffer; copy: Buffer }> {
  const raw = { width: WIDTH, height: HEIGHT, channels: 3 as const }
  const png = await sharp(blockPixels(seed), { raw }).png().toBuffer()
  const copy = await sharp(png).resize(200).jpeg({ quality: 75 }).toBuffer()
  return { png, copy }
}

type Block = readonly [x: number, y: number, w: number, h: number, rgb: readonly number[]]

function blockPixels(seed: number): Buffer {
  const random = mulberry32(seed)
  const blocks: Block[] = Array.from({ length: BLOCKS }, () => [
    random.int(0, WIDTH),
    random.int(0, HEIGHT),
    random.int(10, 90),
    random.int(10, 70),
    [random.int(0, 255), random.int(0, 255), random.int(0, 255)],
  ])
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3)
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      const rgb = colourAt(blocks, x, y)
      pixels.set(rgb, (y * WIDTH + x) * 3)
    }
  }
  return pixels
}

function colourAt(blocks: readonly Block[], x: number, y: number): readonly number[] {
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const [bx, by, w, h, rgb] = blocks[i] as Block
    if (x >= bx && x < bx + w && y >= by && y < by + h) return rgb
  }
  return [Math.round(90 + 40 * Math.sin(y / 20)), 120, Math.round(150 + 50 * Math.cos(x / 30))]
}
