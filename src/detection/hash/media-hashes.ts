// @NOTE Node only (node:crypto, sharp). Exact and perceptual hashes of one media file: MD5 and
// SHA-256 of the bytes for everything (images, video, anything else), plus PDQ for images.
import { createHash } from 'node:crypto'
import {
  DEFAULT_DECODE_LIMITS,
  type DecodeLimits,
  decodeImage,
  FAST_MAX_DIMENSION,
} from './decode-image.js'
import { type ImageFormat, sniffImageFormat } from './image-format.js'
import { type PdqResult, pdqHash, type SixteenBitConvention } from './pdq.js'

export interface ExactHashes {
  /** Lowercase hex. */
  md5: string
  sha256: string
}

export interface MediaHashes extends ExactHashes {
  /** Present for images only. */
  pdq?: PdqResult
  format?: ImageFormat
  /** Size of the encoded image (also in fast mode). */
  width?: number
  height?: number
}

export interface HashMediaOptions extends Partial<DecodeLimits> {
  /** Shrink on decode to ≤ 512 px first: several times faster, a few bits of drift. */
  fast?: boolean
  /** 16-bit samples to 8-bit; `high-byte` unless set (see decode-image.ts). */
  sixteenBit?: SixteenBitConvention
}

export function exactHashes(bytes: Uint8Array): ExactHashes {
  return {
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
}

/**
 * MD5 and SHA-256 of `bytes`, and for JPEG, PNG, GIF, WebP, AVIF/HEIF and TIFF images also the
 * PDQ hash and quality at full resolution (or from a ≤ 512 px decode with `fast`). Other bytes
 * (video, text, unknown formats) get the exact hashes only. An image that cannot be decoded, or
 * is over the limits, throws the decoder's AppError (`unsupported_media_type`,
 * `payload_too_large`); use exactHashes for the exact hashes alone.
 */
export async function hashMedia(
  bytes: Uint8Array,
  options: HashMediaOptions = {},
): Promise<MediaHashes> {
  const exact = exactHashes(bytes)
  if (!sniffImageFormat(bytes)) return exact
  const image = await decodeImage(bytes, {
    maxInputBytes: options.maxInputBytes ?? DEFAULT_DECODE_LIMITS.maxInputBytes,
    maxPixels: options.maxPixels ?? DEFAULT_DECODE_LIMITS.maxPixels,
    maxDimension: options.fast ? FAST_MAX_DIMENSION : undefined,
    sixteenBit: options.sixteenBit,
  })
  return {
    ...exact,
    pdq: pdqHash(image),
    format: image.format,
    width: image.sourceWidth,
    height: image.sourceHeight,
  }
}
