import { unzipSync, type Zippable, zipSync } from 'fflate'
import { isSafeEntryName } from './manifest.js'

export interface ZipLimits {
  /** Refuse archives of more entries than this. */
  maxEntries: number
  /** Refuse archives whose files would unpack to more bytes than this in total. */
  maxTotalBytes: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 1024 ** 3 }

export interface ZipFile {
  name: string
  bytes: Uint8Array
  /** Store without compression (originals that are compressed already, like images). */
  stored?: boolean
}

/** Writes a zip with every entry dated `mtime`, so the same input gives the same bytes. */
export function writeZip(files: readonly ZipFile[], mtime: Date): Uint8Array {
  const entries: Zippable = {}
  for (const file of files) {
    if (!isSafeEntryName(file.name) || file.name in entries) {
      throw new Error(`refusing to write the zip entry ${JSON.stringify(file.name)}`)
    }
    entries[file.name] = [file.bytes, { level: file.stored ? 0 : 6, mtime }]
  }
  return zipSync(entries)
}

export type ZipReadResult =
  | { ok: true; files: Map<string, Uint8Array> }
  | { ok: false; problem: string }

class ZipRefused extends Error {}

/**
 * Reads a zip without trusting it: unsafe names (absolute, `..`, backslashes), duplicate names,
 * too many entries or too many bytes refuse the whole archive before anything is unpacked past
 * its declared size. Directory entries are skipped.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipReadResult {
  const seen = new Set<string>()
  let total = 0
  const refuse = (problem: string): never => {
    throw new ZipRefused(problem)
  }
  try {
    const unpacked = unzipSync(bytes, {
      filter: (entry) => {
        if (seen.size >= limits.maxEntries) refuse(`it has more than ${limits.maxEntries} entries`)
        if (!isSafeEntryName(entry.name))
          refuse(`it holds an unsafe file name ${JSON.stringify(entry.name)}`)
        if (seen.has(entry.name)) refuse(`it holds ${JSON.stringify(entry.name)} twice`)
        seen.add(entry.name)
        total += entry.originalSize
        if (total > limits.maxTotalBytes)
          refuse(`it would unpack to more than ${limits.maxTotalBytes} bytes`)
        return !entry.name.endsWith('/')
      },
    })
    return { ok: true, files: new Map(Object.entries(unpacked)) }
  } catch (error) {
    if (error instanceof ZipRefused) return { ok: false, problem: error.message }
    return { ok: false, problem: `it is not a readable zip file (${(error as Error).message})` }
  }
}
