// @NOTE Checks and conversions of what callers pass to the PDQ index.
import { InvalidInputError } from '../../core/errors.js'
import { pdqHashToWords } from './pdq-hex.js'

/** A PDQ hash as 64 hex digits or as 8 words (pdqHashToWords). */
export type PdqHashInput = Uint32Array | string

/** `value`, after checking that it is an integer in [min, max]. */
export function checkedInteger(name: string, value: number, [min, max]: [number, number]): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${name} must be an integer from ${min} to ${max}`, { value })
  }
  return value
}

export function checkHandle(handle: number): void {
  if (!Number.isInteger(handle) || handle < 0 || handle > 0xffffffff) {
    throw new InvalidInputError('a handle is an integer from 0 to 2^32 − 1', { handle })
  }
}

/** The hash as 8 words: parsed from hex, or the array itself after a length check. */
export function toWords(hash: PdqHashInput): Uint32Array {
  if (typeof hash === 'string') return pdqHashToWords(hash)
  if (hash.length !== 8) throw new InvalidInputError('a PDQ hash is 8 words of 32 bits')
  return hash
}

const BLOCK_ENTRIES = 2 ** 16

/** The pairs as parallel arrays of exactly their size (gathered in blocks, then copied once). */
export function collect(entries: Iterable<{ hash: PdqHashInput; handle: number }>): {
  hashes: Uint32Array
  handles: Uint32Array
} {
  const blocks: { hashes: Uint32Array; handles: Uint32Array }[] = []
  let count = 0
  for (const { hash, handle } of entries) {
    checkHandle(handle)
    const at = count % BLOCK_ENTRIES
    if (at === 0) {
      blocks.push({
        hashes: new Uint32Array(BLOCK_ENTRIES * 8),
        handles: new Uint32Array(BLOCK_ENTRIES),
      })
    }
    const block = blocks[blocks.length - 1] as (typeof blocks)[number]
    block.hashes.set(toWords(hash), at * 8)
    block.handles[at] = handle
    count++
  }
  const hashes = new Uint32Array(count * 8)
  const handles = new Uint32Array(count)
  blocks.forEach((block, b) => {
    const size = Math.min(BLOCK_ENTRIES, count - b * BLOCK_ENTRIES)
    hashes.set(block.hashes.subarray(0, size * 8), b * BLOCK_ENTRIES * 8)
    handles.set(block.handles.subarray(0, size), b * BLOCK_ENTRIES)
  })
  return { hashes, handles }
}
