import type { ListEntry } from '../matcher.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const UUID_BYTES = 16

/** Bank, name, harm and action: what many entries share. */
type Profile = Omit<ListEntry, 'entryId' | 'value' | 'expiresAt' | 'quality'>

/**
 * The bank entry behind each PDQ index handle, kept compact for millions of entries: the entry id
 * as 16 bytes and a small number for its (bank, harm, action), instead of an object per entry.
 * Handles of removed entries are reused.
 */
export class PdqEntryStore {
  #ids = new Uint8Array(1024 * UUID_BYTES)
  #profileOf = new Uint32Array(1024)
  readonly #oddIds = new Map<number, string>()
  readonly #profiles: Profile[] = []
  readonly #profileKeys = new Map<string, number>()
  readonly #free: number[] = []
  #next = 0
  #size = 0

  get size(): number {
    return this.#size
  }

  /** Stores the entry and returns its handle. */
  add(entry: ListEntry): number {
    const handle = this.#free.pop() ?? this.#grow()
    this.#profileOf[handle] = this.#profileNumber(entry)
    if (UUID.test(entry.entryId)) writeUuid(this.#ids, handle * UUID_BYTES, entry.entryId)
    else this.#oddIds.set(handle, entry.entryId)
    this.#size += 1
    return handle
  }

  /** The entry behind a handle, with the matched hash as its value. */
  entry(handle: number, value: string): ListEntry {
    const profile = this.#profiles[this.#profileOf[handle] as number] as Profile
    return { ...profile, entryId: this.entryId(handle), value, expiresAt: null }
  }

  entryId(handle: number): string {
    return this.#oddIds.get(handle) ?? readUuid(this.#ids, handle * UUID_BYTES)
  }

  release(handle: number): void {
    this.#oddIds.delete(handle)
    this.#free.push(handle)
    this.#size -= 1
  }

  clear(): void {
    this.#oddIds.clear()
    this.#free.length = 0
    this.#next = 0
    this.#size = 0
  }

  #grow(): number {
    const handle = this.#next++
    if (handle >= this.#profileOf.length) {
      const profiles = new Uint32Array(this.#profileOf.length * 2)
      profiles.set(this.#profileOf)
      this.#profileOf = profiles
      const ids = new Uint8Array(this.#ids.length * 2)
      ids.set(this.#ids)
      this.#ids = ids
    }
    return handle
  }

  #profileNumber(entry: ListEntry): number {
    const key = `${entry.bankId}\u0000${entry.bankName}\u0000${entry.harm}\u0000${entry.action}`
    let n = this.#profileKeys.get(key)
    if (n === undefined) {
      n = this.#profiles.length
      this.#profiles.push({
        bankId: entry.bankId,
        bankName: entry.bankName,
        harm: entry.harm,
        action: entry.action,
      })
      this.#profileKeys.set(key, n)
    }
    return n
  }
}

function writeUuid(target: Uint8Array, at: number, uuid: string): void {
  const hex = uuid.replaceAll('-', '')
  for (let i = 0; i < UUID_BYTES; i++)
    target[at + i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
}

function readUuid(source: Uint8Array, at: number): string {
  let hex = ''
  for (let i = 0; i < UUID_BYTES; i++)
    hex += (source[at + i] as number).toString(16).padStart(2, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
