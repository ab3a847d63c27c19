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
 * Float32 luma, row-major `height × width`: `0.299R + 0.587G + 0.114B` from the first three
 * channels (each product and each sum rounded to float32, left to right, as the C++ does), or
 * the grey value for 1- and 2-channel images. Alpha is ignored.
 */
export function lumaFromPixels(
  image: PixelBuffer,
  convention: SixteenBitConvention = 'high-byte',
): Float32Array {
  checkPixelBuffer(image)
  const data = toEightBit(image.data, convention)
  const { width, height, channels } = image
  const count = width * height
  const luma = new Float32Array(count)
  if (channels < 3) {
    for (let p = 0, s = 0; p < count; p++, s += channels) luma[p] = data[s]!
    return luma
  }
  for (let p = 0, s = 0; p < count; p++, s += channels) {
    luma[p] = f32(f32(TABLE_R[data[s]!]! + TABLE_G[data[s + 1]!]!) + TABLE_B[data[s + 2]!]!)
  }
  return luma
}
