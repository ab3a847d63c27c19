import type { ListEntry } from '../matcher.js'

/** Entries keyed by a normalised value; changed one entry at a time when banks change. */
export class EntryIndex {
  #byKey = new Map<string, ListEntry[]>()
  #normalise: (value: string) => string = (value) => value

  get size(): number {
    let n = 0
    for (const list of this.#byKey.values()) n += list.length
    return n
  }

  get(key: string): readonly ListEntry[] {
    return this.#byKey.get(key) ?? []
  }

  keys(): IterableIterator<string> {
    return this.#byKey.keys()
  }

  replace(entries: readonly ListEntry[], normalise: (value: string) => string): void {
    this.#normalise = normalise
    this.#byKey = new Map()
    for (const entry of entries) this.add(entry)
  }

  add(entry: ListEntry): void {
    const key = this.#normalise(entry.value)
    const list = this.#byKey.get(key) ?? []
    if (!list.some((e) => e.entryId === entry.entryId)) list.push(entry)
    this.#byKey.set(key, list)
  }

  remove(entryId: string): void {
    for (const [key, list] of this.#byKey) {
      const kept = list.filter((e) => e.entryId !== entryId)
      if (kept.length === 0) this.#byKey.delete(key)
      else if (kept.length !== list.length) this.#byKey.set(key, kept)
    }
  }
}
