// @NOTE Node only. hashMedia for a file on disk, with memory bounded: files up to the decode
// byte limit are read whole; larger ones are streamed through MD5 and SHA-256 (video), unless
// their first bytes say they are an image, which is then refused as too large.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { AppError } from '../../core/errors.js'
import { DEFAULT_DECODE_LIMITS } from './decode-image.js'
import { sniffImageFormat } from './image-format.js'
import {
  type ExactHashes,
  type HashMediaOptions,
  hashMedia,
  type MediaHashes,
} from './media-hashes.js'

/** Enough leading bytes to recognise every format image-format.ts knows. */
const SNIFF_BYTES = 64

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const head = new Uint8Array(SNIFF_BYTES)
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function streamExactHashes(path: string): Promise<ExactHashes> {
  const md5 = createHash('md5')
  const sha256 = createHash('sha256')
  for await (const chunk of createReadStream(path)) {
    md5.update(chunk as Buffer)
    sha256.update(chunk as Buffer)
  }
  return { md5: md5.digest('hex'), sha256: sha256.digest('hex') }
}

/**
 * Hashes the file at `path` (see hashMedia). Throws the file system's error for unreadable
 * paths, an AppError `invalid_input` for anything but a regular file, and the decoder's
 * AppErrors for images that cannot be hashed.
 */
export async function hashMediaFile(
  path: string,
  options: HashMediaOptions = {},
): Promise<MediaHashes> {
  const info = await stat(path)
  if (!info.isFile()) throw new AppError('invalid_input', 'not a regular file')
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_DECODE_LIMITS.maxInputBytes
  if (info.size <= maxInputBytes) {
    return hashMedia(await readFile(path), options)
  }
  if (sniffImageFormat(await readHead(path))) {
    throw new AppError(
      'payload_too_large',
      `image is ${info.size} bytes; the limit is ${maxInputBytes}`,
      { details: { bytes: info.size, maxInputBytes } },
    )
  }
  return streamExactHashes(path)
}
