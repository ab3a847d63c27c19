// @NOTE Browser-safe. Recognises the image formats Vigil decodes from their first bytes, so
// that only those reach the decoder (libvips reads more, e.g. SVG and PDF, which are not
// photos and are not PDQ-hashed) and other media (video, text) get exact hashes only.

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff' | 'avif' | 'heif'

/** ISO-BMFF brands of still images (and AVIF/HEIF image sequences, hashed as one frame). */
const AVIF_BRANDS = new Set(['avif', 'avis'])
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'])

/** Classic and BigTIFF, little- and big-endian. */
const TIFF_SIGNATURES = [
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
  [0x49, 0x49, 0x2b, 0x00],
  [0x4d, 0x4d, 0x00, 0x2b],
] as const

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = ''
  for (let i = start; i < start + length && i < bytes.length; i++) {
    text += String.fromCharCode(bytes[i] ?? 0)
  }
  return text
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false
  return signature.every((value, i) => bytes[at + i] === value)
}

/** AVIF or HEIF from an ISO-BMFF `ftyp` box (major and compatible brands); else undefined. */
function isoImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return undefined
  const size =
    (((bytes[0] ?? 0) << 24) |
      ((bytes[1] ?? 0) << 16) |
      ((bytes[2] ?? 0) << 8) |
      (bytes[3] ?? 0)) >>>
    0
  const end = Math.min(bytes.length, Math.max(16, size))
  const brands = [ascii(bytes, 8, 4)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4))
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif'
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'heif'
  return undefined
}

/** The image format of `bytes` by its signature, or undefined if it is not one Vigil decodes. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  const head = ascii(bytes, 0, 6)
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp'
  if (TIFF_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'tiff'
  return isoImageFormat(bytes)
}
