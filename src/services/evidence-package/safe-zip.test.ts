import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readZip, writeZip } from './safe-zip.js'
import { verifyEvidencePackage } from './verify-package.js'

const ONE = new Uint8Array([1])

describe('reading a package zip without trusting it', () => {
  it.each(['../evil', '/etc/passwd', 'items/../../x', 'C:/x', 'items\\..\\x', 'a//b', 'a\u0000b'])(
    'refuses the unsafe name %j before unpacking anything',
    (name) => {
      expect(readZip(zipSync({ [name]: ONE }))).toEqual({
        ok: false,
        problem: `it holds an unsafe file name ${JSON.stringify(name)}`,
      })
      expect(verifyEvidencePackage(zipSync({ [name]: ONE })).findings).toEqual([
        {
          status: 'fail',
          check: 'zip',
          detail: `the archive was refused: it holds an unsafe file name ${JSON.stringify(name)}`,
        },
      ])
    },
  )

  it('refuses a name that appears twice (one would hide the other)', () => {
    const zip = Buffer.from(zipSync({ aa: ONE, ab: new Uint8Array([2]) }))
    for (let at = zip.indexOf('ab'); at >= 0; at = zip.indexOf('ab', at + 1)) zip.write('aa', at)
    expect(readZip(zip)).toEqual({ ok: false, problem: 'it holds "aa" twice' })
  })

  it('refuses too many entries, and a zip bomb by its declared size', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}`, ONE])))
    expect(readZip(many, { maxEntries: 4, maxTotalBytes: 100 })).toEqual({
      ok: false,
      problem: 'it has more than 4 entries',
    })
    const bomb = zipSync({ 'a.txt': new Uint8Array(1_000_000) })
    expect(bomb.byteLength).toBeLessThan(10_000)
    expect(readZip(bomb, { maxEntries: 10, maxTotalBytes: 500_000 })).toEqual({
      ok: false,
      problem: 'it would unpack to more than 500000 bytes',
    })
  })

  it('never unpacks past the declared size, whatever the data says', () => {
    const zip = Buffer.from(zipSync({ 'a.txt': new Uint8Array(100_000) }))
    // The uncompressed size sits at offset 22 of the local header and 24 of the central one.
    zip.writeUInt32LE(10, 22)
    zip.writeUInt32LE(10, zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2])) + 24)
    const read = readZip(zip)
    expect(read.ok && read.files.get('a.txt')?.byteLength).toBe(10)
  })

  it('reports a file that is not a zip, and skips directory entries', () => {
    expect(readZip(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false })
    const read = readZip(zipSync({ 'items/': new Uint8Array(0), 'items/a': ONE }))
    expect(read.ok && [...read.files.keys()]).toEqual(['items/a'])
  })

  it('writes only safe names, once each', () => {
    const at = new Date('2026-11-22T09:00:00Z')
    expect(() => writeZip([{ name: '../x', bytes: ONE }], at)).toThrow(/refusing/)
    expect(() =>
      writeZip(
        [
          { name: 'a', bytes: ONE },
          { name: 'a', bytes: ONE },
        ],
        at,
      ),
    ).toThrow(/refusing/)
  })
})
