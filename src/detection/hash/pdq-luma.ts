// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops are in bounds by construction; `!` keeps them free of per-element undefined checks.
// @NOTE Browser-safe: no node:* imports. Step 1 of PDQ (hashing-rules.md §1): float32 luma.

/** Decoded pixels, row-major and interleaved (`channels` samples per pixel). */
export interface PixelBuffer {
  width: number
  height: number
  /** 1 = grey, 2 = grey + alpha, 3 = RGB, 4 = RGBA (or any layout whose first three are RGB). */
  channels: number
  data: Uint8Array | Uint16Array
}

/**
 * How a 16-bit sample becomes the 8-bit value PDQ works on.
 * - `high-byte`: `v >> 8`, what libvips does when it casts 16-bit to 8-bit; it keeps the picture.
 * - `low-byte`: `v & 255`, what Meta's C++ reference sees: it loads into `CImg<uint8_t>`, and
 *   CImg's PNG loader casts each 16-bit sample to `uint8_t`, keeping only the low byte.
 */
export type SixteenBitConvention = 'high-byte' | 'low-byte'

const f32 = Math.fround
// The reference declares these as `const float`, so each is rounded to float32 once.
const LUMA_R = f32(0.299)
const LUMA_G = f32(0.587)
const LUMA_B = f32(0.114)

/** `fround(coefficient * v)` for every 8-bit v: the three products of the reference's luma sum. */
function productTable(coefficient: number): Float32Array {
  const table = new Float32Array(256)
  for (let v = 0; v < 256; v++) table[v] = coefficient * v
  return table
}

const TABLE_B = productTable(LUMA_B)

/**
 * `fround(fround(0.299·r) + fround(0.587·g))` at index `r + 256·g` (the two bytes of an RGB
 * pixel read little-endian): the first two products and their rounded sum in one lookup
 * (256 KB, built on first use), which saves an add and a rounding per pixel.
 */
let tableRG: Float32Array | undefined

function redGreenTable(): Float32Array {
  if (tableRG) return tableRG
  const red = productTable(LUMA_R)
  const green = productTable(LUMA_G)
  const table = new Float32Array(65536)
  for (let g = 0; g < 256; g++)
    for (let r = 0; r < 256; r++) table[r | (g << 8)] = red[r]! + green[g]!
  tableRG = table
  return table
}

/** Whether a Uint32Array reads bytes little-endian (then RGB rows are read 4 pixels per 3 words). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** Validates the buffer's shape; throws a RangeError naming the problem. */
export function checkPixelBuffer(image: PixelBuffer): void {
  const { width, height, channels, data } = image
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`image size ${width}x${height} is not a pair of whole numbers`)
  }
  if (!Number.isInteger(channels) || channels < 1) {
    throw new RangeError(`image has ${channels} channels; expected 1 or more`)
  }
  if (data.length < width * height * channels) {
    throw new RangeError(
      `image data has ${data.length} samples; ${width}x${height}x${channels} needs ${width * height * channels}`,
    )
  }
}

/** Converts 16-bit samples to 8-bit by `convention`; 8-bit data is returned unchanged. */
export function toEightBit(
  data: Uint8Array | Uint16Array,
  convention: SixteenBitConvention = 'high-byte',
): Uint8Array {
  if (data instanceof Uint8Array) return data
  const out = new Uint8Array(data.length)
  if (convention === 'high-byte') for (let i = 0; i < data.length; i++) out[i] = data[i]! >>> 8
  else for (let i = 0; i < data.length; i++) out[i] = data[i]! & 255
  return out
}

/**
 * Rows of a float32 luma image, delivered one at a time. Implemented by small classes, not
 * closures: V8 runs a fresh closure per image about twice as slowly as a shared method.
 */
export interface LumaSource {
  /** Writes the luma of image row `row` into `target` from `offset` (width values). */
  readRow(row: number, target: Float32Array, offset: number): void
}

/** `0.299R + 0.587G + 0.114B` from the first three of `channels` samples per pixel. */
class RgbLuma implements LumaSource {
  private readonly redGreen = redGreenTable()
  /** The data as 32-bit words from its first 4-byte boundary (3 channels, little-endian only). */
  private readonly words: Uint32Array | undefined
  /** Byte index in `data` of `words[0]`. */
  private readonly wordStart: number

  constructor(
    private readonly data: Uint8Array,
    private readonly width: number,
    private readonly channels: number,
  ) {
    this.wordStart = (4 - (data.byteOffset & 3)) & 3
    const wordCount = Math.max(0, (data.length - this.wordStart) >> 2)
    this.words =
      channels === 3 && LITTLE_ENDIAN
        ? new Uint32Array(data.buffer, data.byteOffset + this.wordStart, wordCount)
        : undefined
  }

  readRow(row: number, target: Float32Array, offset: number): void {
    const { data, width, channels, redGreen, words } = this
    const start = row * width * channels
    if (!words) {
      rgbxRow(data, start, channels, width, target, offset, redGreen, TABLE_B)
      return
    }
    // @NOTE Bytewise up to the first pixel that starts on a word boundary, then 4 pixels per
    // 3 words, then bytewise again for the last 0–3 pixels.
    let lead = 0
    while (lead < width && (start + 3 * lead - this.wordStart) & 3) lead++
    const packed = (width - lead) & ~3
    rgbxRow(data, start, 3, lead, target, offset, redGreen, TABLE_B)
    const word = (start + 3 * lead - this.wordStart) >> 2
    packedRow(words, word, packed >> 2, target, offset + lead, redGreen, TABLE_B)
    const done = lead + packed
    rgbxRow(data, start + 3 * done, 3, width - done, target, offset + done, redGreen, TABLE_B)
  }
}

/** Channel 0 as grey (1- and 2-channel images). */
class GreyLuma implements LumaSource {
  constructor(
    private readonly data: Uint8Array,
    private readonly width: number,
    private readonly channels: number,
  ) {}

  readRow(row: number, target: Float32Array, offset: number): void {
    const { data, width, channels } = this
    greyRow(data, row * width * channels, channels, width, target, offset)
  }
}

/** A luma image already in float32, row-major. */
export class FloatLuma implements LumaSource {
  constructor(
    private readonly luma: Float32Array,
    private readonly width: number,
  ) {}

  readRow(row: number, target: Float32Array, offset: number): void {
    const start = row * this.width
    target.set(this.luma.subarray(start, start + this.width), offset)
  }
}

/**
 * Float32 luma, one row at a time: `0.299R + 0.587G + 0.114B` from the first three channels
 * (each product and each sum rounded to float32, left to right, as the C++ does; the tables
 * hold the rounded products and the rounded red + green sum, and storing into a Float32Array
 * rounds the last sum), or the grey
 * value for 1- and 2-channel images. Alpha is ignored.
 */
export function lumaSource(
  image: PixelBuffer,
  convention: SixteenBitConvention = 'high-byte',
): LumaSource {
  checkPixelBuffer(image)
  const data = toEightBit(image.data, convention)
  const { width, channels } = image
  return channels < 3 ? new GreyLuma(data, width, channels) : new RgbLuma(data, width, channels)
}

/** Leaf loops over typed-array parameters: the shape V8 compiles best. */
function greyRow(
  data: Uint8Array,
  start: number,
  channels: number,
  width: number,
  target: Float32Array,
  offset: number,
): void {
  for (let j = 0, s = start; j < width; j++, s += channels) target[offset + j] = data[s]!
}

function rgbxRow(
  data: Uint8Array,
  start: number,
  channels: number,
  width: number,
  target: Float32Array,
  offset: number,
  redGreen: Float32Array,
  blue: Float32Array,
): void {
  for (let s = start, o = offset, end = offset + width; o < end; s += channels, o++) {
    target[o] = redGreen[data[s]! | (data[s + 1]! << 8)]! + blue[data[s + 2]!]!
  }
}

/**
 * `quads` groups of 4 RGB pixels from 3 little-endian words each (`r0 g0 b0 r1 | g1 b1 r2 g2 |
 * b2 r3 g3 b3`), from `words[word]`: 3 loads instead of 12 byte loads per group.
 */
function packedRow(
  words: Uint32Array,
  word: number,
  quads: number,
  target: Float32Array,
  offset: number,
  redGreen: Float32Array,
  blue: Float32Array,
): void {
  for (
    let q = 0, w = word, o = offset;
    q < quads;
    q = (q + 1) | 0, w = (w + 3) | 0, o = (o + 4) | 0
  ) {
    const a = words[w]!
    const b = words[(w + 1) | 0]!
    const c = words[(w + 2) | 0]!
    target[o] = redGreen[a & 0xffff]! + blue[(a >>> 16) & 0xff]!
    target[(o + 1) | 0] = redGreen[(a >>> 24) | ((b & 0xff) << 8)]! + blue[(b >>> 8) & 0xff]!
    target[(o + 2) | 0] = redGreen[b >>> 16]! + blue[c & 0xff]!
    target[(o + 3) | 0] = redGreen[(c >>> 8) & 0xffff]! + blue[c >>> 24]!
  }
}

/** The whole luma image, row-major `height × width` (see lumaSource). */
export function lumaFromPixels(
  image: PixelBuffer,
  convention: SixteenBitConvention = 'high-byte',
): Float32Array {
  const source = lumaSource(image, convention)
  const { width, height } = image
  const luma = new Float32Array(width * height)
  for (let r = 0; r < height; r++) source.readRow(r, luma, r * width)
  return luma
}
