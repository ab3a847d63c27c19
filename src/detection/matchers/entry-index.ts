import type { ListEntry } from '../matcher.js'

/** Entries keyed by a normalised value; changed one entry at a time when banks change. */
export class EntryIndex {
  readonly #byKey = new Map<string, ListEntry[]>()
  readonly #keyById = new Map<string, string>()

  constructor(readonly normalise: (value: string) => string = (value) => value) {}

  get size(): number {
    return this.#keyById.size
  }

  get(key: string): readonly ListEntry[] {
    return this.#byKey.get(key) ?? []
  }

  keys(): IterableIterator<string> {
    return this.#byKey.keys()
  }

  /** Adds an entry, or replaces the one with its id. */
  upsert(entry: ListEntry): void {
    this.remove(entry.entryId)
    const key = this.normalise(entry.value)
    const list = this.#byKey.get(key)
    if (list) list.push(entry)
    else this.#byKey.set(key, [entry])
    this.#keyById.set(entry.entryId, key)
  }

  remove(entryId: string): boolean {
    const key = this.#keyById.get(entryId)
    if (key === undefined) return false
    this.#keyById.delete(entryId)
    const kept = (this.#byKey.get(key) ?? []).filter((e) => e.entryId !== entryId)
    if (kept.length === 0) this.#byKey.delete(key)
    else this.#byKey.set(key, kept)
    return true
  }

  clear(): void {
    this.#byKey.clear()
    this.#keyById.clear()
  }
}
