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

/** Writes the float32 luma of image row `row` into `target` from `offset` (width values). */
export type LumaRowReader = (row: number, target: Float32Array, offset: number) => void

/**
 * Float32 luma, one row at a time: `0.299R + 0.587G + 0.114B` from the first three channels
 * (each product and each sum rounded to float32, left to right, as the C++ does; the tables
 * hold the rounded products, and storing into a Float32Array rounds the last sum), or the grey
 * value for 1- and 2-channel images. Alpha is ignored.
 */
export function lumaRowReader(
  image: PixelBuffer,
  convention: SixteenBitConvention = 'high-byte',
): LumaRowReader {
  checkPixelBuffer(image)
  const data = toEightBit(image.data, convention)
  const { width, channels } = image
  const stride = width * channels
  if (channels < 3) {
    return (row, target, offset) => greyRow(data, row * stride, channels, width, target, offset)
  }
  return (row, target, offset) =>
    rgbRow(data, row * stride, channels, width, target, offset, TABLE_R, TABLE_G, TABLE_B)
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

/** The whole luma image, row-major `height × width` (see lumaRowReader). */
export function lumaFromPixels(
  image: PixelBuffer,
  convention: SixteenBitConvention = 'high-byte',
): Float32Array {
  const read = lumaRowReader(image, convention)
  const { width, height } = image
  const luma = new Float32Array(width * height)
  for (let r = 0; r < height; r++) read(r, luma, r * width)
  return luma
}
