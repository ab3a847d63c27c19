import { decodeImage, FAST_MAX_DIMENSION } from './decode-image.js'
import { DIHEDRAL_NAMES, type DihedralName, pdqDihedralHashes, pdqHash } from './pdq.js'

export interface ImageHashOptions {
  /** Shrink on decode to ≤ 512 px: several times faster, a few bits of drift. */
  fast: boolean
  /** Also the 7 rotations and mirror images. */
  dihedral: boolean
  maxInputBytes: number
  maxPixels: number
}

export interface ImageHashes {
  quality: number
  /** The image as sent first, then its dihedral variants when asked for. */
  hashes: [DihedralName | 'original', string][]
}

/** Decodes and PDQ-hashes images; in this thread, or in a pool of worker threads. */
export interface ImageHasher {
  hash(bytes: Uint8Array, options: ImageHashOptions): Promise<ImageHashes>
  close(): Promise<void>
}

/** Decodes an image (sharp) and computes its PDQ hash, and the dihedral hashes if asked. */
export async function hashImage(
  bytes: Uint8Array,
  options: ImageHashOptions,
): Promise<ImageHashes> {
  const image = await decodeImage(bytes, {
    maxInputBytes: options.maxInputBytes,
    maxPixels: options.maxPixels,
    maxDimension: options.fast ? FAST_MAX_DIMENSION : undefined,
  })
  if (!options.dihedral) {
    const { hash, quality } = pdqHash(image)
    return { quality, hashes: [['original', hash]] }
  }
  const { quality, hashes } = pdqDihedralHashes(image)
  return {
    quality,
    hashes: DIHEDRAL_NAMES.map((name, i) => [i === 0 ? 'original' : name, hashes[name]]),
  }
}

/** Hashes on the calling thread: simple, but a large image holds the event loop for its hash. */
export const inlineImageHasher: ImageHasher = {
  hash: hashImage,
  close: async () => {},
}
