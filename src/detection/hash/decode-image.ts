// @NOTE Node only (sharp/libvips, native code): decodes image bytes to the raw pixels PDQ
// hashes. pdq.ts itself stays browser-safe. The pixel conventions follow what the hash lists
// Vigil matches against were made from (Meta's C++ reference, pytx/HMA on Pillow):
// - Full resolution by default, no pre-resize (the reference's `fullres` pipeline).
// - Embedded ICC profiles are ignored (`ignoreIcc`): neither CImg nor Pillow applies them,
//   and applying them moves hashes (c.png and pen-and-coaster.png carry profiles).
// - EXIF orientation is not applied, as in both reference pipelines.
// - Alpha is dropped; 1- and 2-channel images stay grey (1 channel).
// - CMYK: the ink values are turned into RGB with Pillow's formula
//   `(255 − K) − (C·(255 − K))/255` (what pytx/HMA hash), not with a colour profile. When K is 0
//   this equals the raw channels Meta's C++ reference (CImg) reads, so CMYK.jpg matches it.
// - 16-bit samples become 8-bit by `sixteenBit`: `high-byte` (default, the picture as it looks)
//   or `low-byte`, which reproduces the C++ reference: it loads into `CImg<uint8_t>`, and the
//   cast keeps only the low byte, so pytx-resources/I16.png hashes as noise there (quality 100)
//   and only `low-byte` matches its row of local-cpp-reference.csv.
// - GIF and other multi-page files: the first frame/page.
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp'
import { AppError } from '../../core/errors.js'
import { type ImageFormat, sniffImageFormat } from './image-format.js'
import { type PixelBuffer, type SixteenBitConvention, toEightBit } from './pdq-luma.js'

export interface DecodeLimits {
  /** Largest encoded input accepted, in bytes. */
  maxInputBytes: number
  /** Largest width × height accepted, checked from the header before any decoding. */
  maxPixels: number
}

export interface DecodeOptions extends DecodeLimits {
  /**
   * Fast mode: shrink while decoding so that neither side exceeds this (aspect kept; JPEGs use
   * libjpeg's DCT scaling). Hashes then drift a few bits from full resolution.
   */
  maxDimension?: number
  sixteenBit?: SixteenBitConvention
}

export interface DecodedImage extends PixelBuffer {
  data: Uint8Array
  format: ImageFormat
  /** Size of the encoded image (before any fast-mode shrink). */
  sourceWidth: number
  sourceHeight: number
}

/** The fast mode's longest side, a PDQ-friendly size (the C++ CLI's own pre-resize is 512). */
export const FAST_MAX_DIMENSION = 512

export const DEFAULT_DECODE_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxInputBytes: 64 * 1024 * 1024,
  maxPixels: 64_000_000,
})

type Layout = 'rgb' | 'grey' | 'cmyk'

function tooLarge(message: string, details: Record<string, unknown>): AppError {
  return new AppError('payload_too_large', message, { details })
}

function undecodable(message: string, cause?: unknown): AppError {
  return new AppError('unsupported_media_type', message, { cause })
}

function sharpInput(bytes: Uint8Array, maxPixels: number | false): Sharp {
  return sharp(bytes, {
    limitInputPixels: maxPixels,
    ignoreIcc: true,
    // @NOTE Browsers show truncated and slightly damaged images, so they are hashed too
    // (cutting off a file's last bytes must not evade matching); broken headers still fail.
    failOn: 'none',
    pages: 1,
    page: 0,
  })
}

/** The header only (no pixel limit here: checkLimits reports oversized images clearly). */
async function readHeader(bytes: Uint8Array): Promise<Metadata> {
  try {
    return await sharpInput(bytes, false).metadata()
  } catch (error) {
    throw undecodable(`cannot read the image header: ${(error as Error).message}`, error)
  }
}

function layoutOf(meta: Metadata): Layout {
  if (meta.space === 'cmyk') return 'cmyk'
  return meta.channels <= 2 ? 'grey' : 'rgb'
}

/** The sharp pipeline to raw pixels: grey stays 1 channel, RGB 3, CMYK 4 (ink values). */
function pipeline(bytes: Uint8Array, meta: Metadata, options: DecodeOptions): Sharp {
  let image = sharpInput(bytes, options.maxPixels)
  const max = options.maxDimension
  if (max !== undefined && (meta.width > max || meta.height > max)) {
    image = image.resize({ width: max, height: max, fit: 'inside', withoutEnlargement: true })
  }
  image = image.removeAlpha()
  const layout = layoutOf(meta)
  if (layout === 'cmyk') return image.pipelineColourspace('cmyk').toColourspace('cmyk').raw()
  if (meta.depth === 'ushort') {
    return image.toColourspace(layout === 'grey' ? 'grey16' : 'rgb16').raw({ depth: 'ushort' })
  }
  return image.toColourspace(layout === 'grey' ? 'b-w' : 'srgb').raw()
}

/** Pillow's `cmyk2rgb` (what pytx/HMA see): `nk − MULDIV255(ink, nk)` with `nk = 255 − K`. */
export function cmykToRgb(cmyk: Uint8Array, pixels: number): Uint8Array {
  const rgb = new Uint8Array(pixels * 3)
  for (let p = 0, s = 0, d = 0; p < pixels; p++, s += 4, d += 3) {
    const nk = 255 - (cmyk[s + 3] ?? 0)
    for (let c = 0; c < 3; c++) {
      const t = (cmyk[s + c] ?? 0) * nk + 128
      rgb[d + c] = nk - (((t >> 8) + t) >> 8)
    }
  }
  return rgb
}

/** 8-bit samples from sharp's raw output (16-bit and CMYK converted as documented above). */
function samples(
  data: Buffer,
  info: OutputInfo,
  meta: Metadata,
  options: DecodeOptions,
): Uint8Array {
  const layout = layoutOf(meta)
  if (layout === 'cmyk') return cmykToRgb(data, info.width * info.height)
  if (meta.depth === 'ushort') {
    const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data)
    const wide = new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.length >> 1)
    return toEightBit(wide, options.sixteenBit)
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.length)
}

function checkLimits(bytes: Uint8Array, meta: Metadata | undefined, limits: DecodeLimits) {
  if (!meta && bytes.length > limits.maxInputBytes) {
    throw tooLarge(`image is ${bytes.length} bytes; the limit is ${limits.maxInputBytes}`, {
      bytes: bytes.length,
      maxInputBytes: limits.maxInputBytes,
    })
  }
  if (meta && meta.width * meta.height > limits.maxPixels) {
    throw tooLarge(
      `image is ${meta.width}×${meta.height} pixels; the limit is ${limits.maxPixels}`,
      {
        width: meta.width,
        height: meta.height,
        maxPixels: limits.maxPixels,
      },
    )
  }
}

/**
 * Decodes JPEG, PNG, GIF (first frame), WebP, AVIF/HEIF or TIFF bytes to raw 8-bit pixels at
 * full resolution (or shrunk to `maxDimension` in fast mode). Throws an AppError:
 * `payload_too_large` past the limits, `unsupported_media_type` for anything undecodable.
 */
export async function decodeImage(
  bytes: Uint8Array,
  options: DecodeOptions,
): Promise<DecodedImage> {
  checkLimits(bytes, undefined, options)
  const format = sniffImageFormat(bytes)
  if (!format) throw undecodable('not a JPEG, PNG, GIF, WebP, AVIF/HEIF or TIFF image')
  const meta = await readHeader(bytes)
  checkLimits(bytes, meta, options)
  let output: { data: Buffer; info: OutputInfo }
  try {
    output = await pipeline(bytes, meta, options).toBuffer({ resolveWithObject: true })
  } catch (error) {
    throw undecodable(`cannot decode the ${format} image: ${(error as Error).message}`, error)
  }
  const { data, info } = output
  return {
    width: info.width,
    height: info.height,
    channels: layoutOf(meta) === 'cmyk' ? 3 : info.channels,
    data: samples(data, info, meta, options),
    format,
    sourceWidth: meta.width,
    sourceHeight: meta.height,
  }
}
