import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StoredBlob } from './blob-store.js'
import { FsBlobStore } from './fs-blob-store.js'

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  )
}

describe('the file-system blob store', () => {
  let root: string
  let store: FsBlobStore
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vigil-blobs-'))
    store = new FsBlobStore(root)
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('puts, gets, checks and deletes a blob, owner-only, leaving no temporary file', async () => {
    const bytes = Buffer.from('sealed bytes')
    await store.put('ab/item-1.x', bytes)
    expect(await store.exists('ab/item-1.x')).toBe(true)
    expect((await store.get('ab/item-1.x'))?.equals(bytes)).toBe(true)
    expect(filesUnder(root)).toEqual(['ab/item-1.x'])
    expect(statSync(join(root, 'ab', 'item-1.x')).mode & 0o777).toBe(0o600)
    await store.delete('ab/item-1.x')
    expect(await store.exists('ab/item-1.x')).toBe(false)
    expect(await store.get('ab/item-1.x')).toBeUndefined()
    await store.delete('ab/item-1.x')
  })

  it('replaces a blob whole: concurrent writers leave one complete value', async () => {
    const values = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i + 1))
    await Promise.all(values.map((value) => store.put('same', value)))
    const kept = readFileSync(join(root, 'same'))
    expect(values.some((value) => value.equals(kept))).toBe(true)
    expect(filesUnder(root)).toEqual(['same'])
  })

  it('refuses keys that could leave its folder', async () => {
    const bad = ['../escape', 'a/../../b', '/etc/passwd', '', 'a//b', '.hidden', 'a/..', 'a\\b']
    for (const key of bad) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(/is not allowed/)
      await expect(store.get(key), key).rejects.toThrow(/is not allowed/)
      await expect(store.delete(key), key).rejects.toThrow(/is not allowed/)
    }
    expect(filesUnder(root)).toEqual([])
  })

  it('lists every blob with when it was written, skipping names that are not keys', async () => {
    const listed = async (from: FsBlobStore) => {
      const blobs: StoredBlob[] = []
      for await (const blob of from.list()) blobs.push(blob)
      return blobs.sort((a, b) => a.key.localeCompare(b.key))
    }
    expect(await listed(new FsBlobStore(join(root, 'not-yet-created')))).toEqual([])
    await store.put('ab/item-1.x', Buffer.from('one'))
    await store.put('cd/ef/item-2.y', Buffer.from('two'))
    await store.put('top', Buffer.from('three'))
    writeFileSync(join(root, 'ab', 'item-3.x.tmp-0a1b2c'), 'torn')
    writeFileSync(join(root, '.hidden'), 'not a key')
    const old = new Date('2026-01-02T03:04:05Z')
    utimesSync(join(root, 'cd', 'ef', 'item-2.y'), old, old)

    const blobs = await listed(store)
    expect(blobs.map((b) => b.key)).toEqual([
      'ab/item-1.x',
      'ab/item-3.x.tmp-0a1b2c',
      'cd/ef/item-2.y',
      'top',
    ])
    expect(blobs.find((b) => b.key === 'cd/ef/item-2.y')?.modifiedAt).toEqual(old)
    expect(blobs.find((b) => b.key === 'top')?.modifiedAt.getTime()).toBe(
      statSync(join(root, 'top')).mtime.getTime(),
    )
    for (const blob of blobs) await store.delete(blob.key)
    expect(filesUnder(root)).toEqual(['.hidden'])
  })
})
