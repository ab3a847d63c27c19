import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exactHashes } from '../../detection/hash/media-hashes.js'
import { csvField, HASH_CSV_HEADER, runHash } from './hash.js'

// @NOTE Tests for `vigil hash` (src/cli/commands/hash.ts), kept here beside the hashing code.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

let dir: string
let png: string
let text: string
let comma: string

function collect() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-hash-'))
  const pixels = Buffer.alloc(96 * 64 * 3)
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + (i >> 5)) & 255
  png = join(dir, 'picture.png')
  writeFileSync(
    png,
    await sharp(pixels, { raw: { width: 96, height: 64, channels: 3 } })
      .png()
      .toBuffer(),
  )
  text = join(dir, 'notes.txt')
  writeFileSync(text, 'not an image\n')
  comma = join(dir, 'a, "quoted" name.png')
  writeFileSync(comma, readFileSync(png))
  writeFileSync(join(dir, 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
  mkdirSync(join(dir, 'folder'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('runHash', () => {
  it('prints the header, then one CSV line per file, and exits 0', async () => {
    const { out, err, output } = collect()
    expect(await runHash([png, text], {}, output)).toBe(0)
    expect(err).toEqual([])
    expect(out[0]).toBe(HASH_CSV_HEADER)
    const [file, pdq, quality, md5, sha256] = (out[1] ?? '').split(',')
    expect(file).toBe(png)
    expect(pdq).toMatch(/^[0-9a-f]{64}$/)
    expect(Number(quality)).toBeGreaterThanOrEqual(0)
    expect({ md5, sha256 }).toEqual(exactHashes(readFileSync(png)))
    const { md5: textMd5, sha256: textSha } = exactHashes(readFileSync(text))
    expect(out[2]).toBe(`${text},,,${textMd5},${textSha}`)
  })

  it('reports unreadable and undecodable files on stderr, prints the rest, and exits 1', async () => {
    const { out, err, output } = collect()
    const missing = join(dir, 'missing.png')
    const files = [missing, png, join(dir, 'broken.jpg'), join(dir, 'folder')]
    expect(await runHash(files, {}, output)).toBe(1)
    expect(out).toHaveLength(2)
    expect(out[1]?.startsWith(`${png},`)).toBe(true)
    expect(err).toHaveLength(3)
    expect(err[0]).toBe(`vigil hash: ${missing}: no such file`)
    expect(err[1]).toMatch(/broken\.jpg: cannot (read|decode)/)
    expect(err[2]).toMatch(/folder: not a regular file/)
  })

  it('quotes file names that need it', async () => {
    const { out, output } = collect()
    await runHash([comma], {}, output)
    expect(out[1]?.startsWith(`"${comma.replaceAll('"', '""')}",`)).toBe(true)
    expect(csvField('plain.jpg')).toBe('plain.jpg')
    expect(csvField('a,b')).toBe('"a,b"')
  })

  it('hashes with --fast semantics when asked', async () => {
    const { out, output } = collect()
    expect(await runHash([png], { fast: true }, output)).toBe(0)
    expect(out[1]?.split(',')[1]).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('vigil hash (the registered command)', () => {
  it('prints CSV and sets a non-zero exit code when a file fails', async () => {
    const run = promisify(execFile)
    const args = ['--import', 'tsx', 'src/cli/main.ts', 'hash', png, join(dir, 'missing.png')]
    const failure = await run(process.execPath, args, { cwd: ROOT }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stdout.split('\n')[0]).toBe(HASH_CSV_HEADER)
    expect(failure?.stdout).toContain(`${png},`)
    expect(failure?.stderr).toContain('missing.png: no such file')
  })
})
