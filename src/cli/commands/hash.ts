import { Command, InvalidArgumentError, Option } from 'commander'
import { AppError } from '../../core/errors.js'
import {
  DEFAULT_DECODE_LIMITS,
  type HashMediaOptions,
  hashMediaFile,
} from '../../services/media-hashing.js'

export const HASH_CSV_HEADER = 'file,pdq,quality,md5,sha256'

/** Where runHash writes: CSV lines to `out`, one error line per failed file to `err`. */
export interface HashOutput {
  out(line: string): void
  err(line: string): void
}

/** RFC 4180 quoting for fields holding a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a directory'
  return (error as Error).message ?? String(error)
}

/**
 * Hashes `files` in order and writes `file,pdq,quality,md5,sha256` CSV (header first; pdq and
 * quality empty for non-images). Files that cannot be read or decoded get an error line and no
 * CSV line; the rest still print. Returns the exit status: 0 if every file was hashed, else 1.
 */
export async function runHash(
  files: readonly string[],
  options: HashMediaOptions,
  output: HashOutput,
): Promise<number> {
  output.out(HASH_CSV_HEADER)
  let failed = 0
  for (const file of files) {
    try {
      const { pdq, md5, sha256 } = await hashMediaFile(file, options)
      const fields = [csvField(file), pdq?.hash ?? '', String(pdq?.quality ?? ''), md5, sha256]
      output.out(fields.join(','))
    } catch (error) {
      failed++
      output.err(`vigil hash: ${file}: ${describe(error)}`)
    }
  }
  return failed === 0 ? 0 : 1
}

function positiveInteger(value: string): number {
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a positive whole number')
  }
  return parsed
}

interface HashFlags {
  fast?: boolean
  maxBytes: number
  maxPixels: number
  sixteenBit: 'high-byte' | 'low-byte'
}

export function hashCommand(): Command {
  return new Command('hash')
    .description(
      'Print PDQ (images), MD5 and SHA-256 of each file as CSV: file,pdq,quality,md5,sha256',
    )
    .argument('<files...>', 'files to hash')
    .option('--fast', 'shrink images to ≤ 512 px while decoding (faster; a few bits of drift)')
    .addOption(
      new Option('--max-bytes <n>', 'largest image file decoded, in bytes')
        .argParser(positiveInteger)
        .default(DEFAULT_DECODE_LIMITS.maxInputBytes),
    )
    .addOption(
      new Option('--max-pixels <n>', 'largest image decoded, in pixels (width × height)')
        .argParser(positiveInteger)
        .default(DEFAULT_DECODE_LIMITS.maxPixels),
    )
    .addOption(
      new Option(
        '--sixteen-bit <convention>',
        '16-bit samples to 8-bit (low-byte: as the C++ reference)',
      )
        .choices(['high-byte', 'low-byte'])
        .default('high-byte'),
    )
    .action(async (files: string[], flags: HashFlags) => {
      const options: HashMediaOptions = {
        fast: flags.fast === true,
        maxInputBytes: flags.maxBytes,
        maxPixels: flags.maxPixels,
        sixteenBit: flags.sixteenBit,
      }
      const status = await runHash(files, options, {
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      })
      if (status !== 0) process.exitCode = status
    })
}
