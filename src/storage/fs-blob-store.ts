import { randomBytes } from 'node:crypto'
import { mkdir, open, opendir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { assertBlobKey, type BlobStore, isBlobKey, type StoredBlob } from './blob-store.js'

/**
 * Blobs as files under one folder (mode 0600). A write goes to a temporary file beside the
 * target, is flushed to disk, renamed over the target and the folder flushed, so a crash leaves
 * the old blob or the new one, never a torn file. A leftover `*.tmp-*` file is harmless.
 */
export class FsBlobStore implements BlobStore {
  readonly #root: string

  constructor(root: string) {
    this.#root = resolve(root)
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.#pathOf(key)
    const folder = dirname(path)
    await mkdir(folder, { recursive: true, mode: 0o700 })
    const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`
    const file = await open(temporary, 'wx', 0o600)
    try {
      await file.writeFile(bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    try {
      await rename(temporary, path)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    await syncFolder(folder)
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#pathOf(key))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true })
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.#pathOf(key))).isFile()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
  }

  /** Walks the folder one directory at a time, so a large store is never held in memory. */
  list(): AsyncIterable<StoredBlob> {
    return walk(this.#root, [])
  }

  #pathOf(key: string): string {
    assertBlobKey(key)
    const path = join(this.#root, ...key.split('/'))
    if (!path.startsWith(this.#root + sep)) throw new Error(`blob key ${key} leaves the store`)
    return path
  }
}

/** Files under `folder` whose paths are valid keys; a file deleted meanwhile is skipped. */
async function* walk(folder: string, prefix: readonly string[]): AsyncGenerator<StoredBlob> {
  const dir = await unlessMissing(opendir(folder))
  if (!dir) return
  for await (const entry of dir) {
    const segments = [...prefix, entry.name]
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* walk(path, segments)
    const key = segments.join('/')
    if (!entry.isFile() || !isBlobKey(key)) continue
    const info = await unlessMissing(stat(path))
    if (info) yield { key, modifiedAt: info.mtime }
  }
}

/** The result, or undefined when the file or folder is not there (any other error is thrown). */
async function unlessMissing<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Flushes a folder's entries (the rename) to disk; some systems cannot, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // @NOTE Some file systems refuse fsync on a directory; the rename is still atomic there.
  } finally {
    await handle.close()
  }
}
