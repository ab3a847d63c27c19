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

// Small tables (3 KB) stay in L1 while the blur's buffers stream through L2.
const TABLE_R = productTable(LUMA_R)
const TABLE_G = productTable(LUMA_G)
const TABLE_B = productTable(LUMA_B)

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
  constructor(
    private readonly data: Uint8Array,
    private readonly width: number,
    private readonly channels: number,
  ) {}

  readRow(row: number, target: Float32Array, offset: number): void {
    const { data, width, channels } = this
    rgbRow(data, row * width * channels, channels, width, target, offset, TABLE_R, TABLE_G, TABLE_B)
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
 * hold the rounded products, and storing into a Float32Array rounds the last sum), or the grey
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

function rgbRow(
  data: Uint8Array,
  start: number,
  channels: number,
  width: number,
  target: Float32Array,
  offset: number,
  red: Float32Array,
  green: Float32Array,
  blue: Float32Array,
): void {
  for (let j = 0, s = start; j < width; j++, s += channels) {
    target[offset + j] = f32(red[data[s]!]! + green[data[s + 1]!]!) + blue[data[s + 2]!]!
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
