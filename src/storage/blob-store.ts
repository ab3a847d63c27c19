/**
 * Where large opaque bytes (encrypted evidence) are kept, by key. Keys are slash-separated
 * segments of letters, digits, `.`, `_` and `-`, each starting with a letter or digit. A `put`
 * is atomic: a reader sees the old bytes or the new, never part of them.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>
  /** Undefined when there is no blob under the key. */
  get(key: string): Promise<Buffer | undefined>
  /** Deleting a missing blob is not an error. */
  delete(key: string): Promise<void>
  exists(key: string): Promise<boolean>
  /** Every blob (and leftover temporary file) with when it was last written, in no set order. */
  list(): AsyncIterable<StoredBlob>
}

export interface StoredBlob {
  key: string
  modifiedAt: Date
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const MAX_KEY_LENGTH = 400

/** Whether a key stays inside the store's root: no `..`, no absolute path, no odd character. */
export function isBlobKey(key: string): boolean {
  const segments = key.split('/')
  return key.length <= MAX_KEY_LENGTH && segments.every((s) => SEGMENT.test(s) && !s.includes('..'))
}

/** Refuses a key that could leave the store's root (`..`, absolute paths, odd characters). */
export function assertBlobKey(key: string): void {
  if (isBlobKey(key)) return
  throw new Error(
    `blob key ${JSON.stringify(key.slice(0, 80))} is not allowed: use segments of letters, digits, ".", "_" and "-"`,
  )
}
