import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { exportBankFile } from '../../src/services/bank-files/export-bank-file.js'
import { importBankFile } from '../../src/services/bank-files/import-bank-file.js'
import { createBank } from '../../src/services/banks.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const hash = (n: number) => n.toString(16).padStart(2, '0').repeat(32)
const open = (text: string) => () => Readable.from([Buffer.from(text)])

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

describe.each(dialects())('bank import and export on %s', (dialect) => {
  let h: TestHarness
  const bank = async (name: string, kind: 'pdq' | 'url' = 'pdq') =>
    createBank(h.ctx, SYSTEM_ACTOR, {
      name,
      kind,
      harm: 'illegal.csea.image_csam',
      source: 'exchange',
      action: 'block',
    })
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('imports HMA CSV, skipping other signal types and values already there', async () => {
    const target = await bank('hma-import')
    const csv = [
      'signal_type,signal_value,note',
      `pdq,${hash(1)},first`,
      `video_md5,${'a'.repeat(32)},a video`,
      `PDQ,${hash(2).toUpperCase()},`,
      `pdq,${hash(1)},again`,
    ].join('\n')
    const phases = new Set<string>()
    const summary = await importBankFile(h.ctx, SYSTEM_ACTOR, target.id, {
      format: 'hma-csv',
      open: open(csv),
      onProgress: (phase) => phases.add(phase),
    })
    expect(summary).toEqual({ rows: 3, added: 2, duplicates: 1, otherSignalType: 1 })
    expect([...phases].sort()).toEqual(['check', 'write'])
    const exported = await collect(exportBankFile(h.ctx, target.id, 'hma-csv'))
    expect(exported.trim().split('\n').sort()).toEqual(
      [
        'signal_type,signal_value,note,quality,external_ref',
        `pdq,${hash(1)},first,,`,
        `pdq,${hash(2)},,,`,
      ].sort(),
    )
  })

  it('refuses a whole file with a bad line, naming each bad line, and writes nothing', async () => {
    const target = await bank('refused')
    const jsonl = [
      JSON.stringify({ value: hash(3) }),
      '{not json',
      JSON.stringify({ value: 'xyz' }),
      JSON.stringify({ value: hash(4), quality: 500 }),
    ].join('\n')
    const attempt = importBankFile(h.ctx, SYSTEM_ACTOR, target.id, {
      format: 'jsonl',
      open: open(jsonl),
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_input',
      details: {
        count: 3,
        problems: [
          'line 2: is not valid JSON',
          expect.stringMatching(/^line 3: value: a pdq entry is 64 hex digits/),
          expect.stringMatching(/^line 4: quality: /),
        ],
      },
    })
    const rows = await h.ctx.db
      .selectFrom('bank_entry')
      .select('id')
      .where('bank_id', '=', target.id)
      .execute()
    expect(rows).toEqual([])
  })

  it('round-trips JSON lines with provenance and state into another bank', async () => {
    const source = await bank('round-trip-a')
    const jsonl = [
      JSON.stringify({
        value: hash(5),
        harm: 'illegal.terrorism',
        source: 'exchange',
        externalRef: 'NCMEC:991',
        quality: 88,
        note: 'from the hash list',
        addedBy: 'analyst-3',
        createdAt: '2026-10-01T08:00:00.000Z',
        expiresAt: '2027-10-01T08:00:00.000Z',
      }),
      JSON.stringify({
        value: hash(6),
        retractedAt: '2026-11-01T08:00:00.000Z',
        retractionReason: 'false positive',
      }),
    ].join('\n')
    await importBankFile(h.ctx, SYSTEM_ACTOR, source.id, { format: 'jsonl', open: open(jsonl) })
    const first = await collect(exportBankFile(h.ctx, source.id, 'jsonl'))
    const header = JSON.parse(first.split('\n')[0] as string)
    expect(header).toEqual({
      format: 'vigil-bank/1',
      bank: expect.objectContaining({ name: 'round-trip-a', kind: 'pdq', action: 'block' }),
    })
    const copy = await bank('round-trip-b')
    const summary = await importBankFile(h.ctx, SYSTEM_ACTOR, copy.id, {
      format: 'jsonl',
      open: open(first),
    })
    expect(summary).toMatchObject({ rows: 2, added: 2 })
    const second = await collect(exportBankFile(h.ctx, copy.id, 'jsonl'))
    const body = (text: string) => text.split('\n').slice(1).sort()
    expect(body(second)).toEqual(body(first))
    expect(body(first).join('\n')).toContain('"externalRef":"NCMEC:991"')
    expect(body(first).join('\n')).toContain('"addedBy":"analyst-3"')
  })

  it('refuses a JSON-lines file made for another kind of bank', async () => {
    const urls = await bank('url-list', 'url')
    const header = {
      format: 'vigil-bank/1',
      bank: {
        name: 'x',
        kind: 'pdq',
        harm: 'illegal.terrorism',
        action: 'block',
        source: 'local',
        description: null,
      },
    }
    const attempt = importBankFile(h.ctx, SYSTEM_ACTOR, urls.id, {
      format: 'jsonl',
      open: open(`${JSON.stringify(header)}\n${JSON.stringify({ value: 'evil.example' })}`),
    })
    await expect(attempt).rejects.toMatchObject({
      details: { problems: [expect.stringContaining('holds pdq entries')] },
    })
  })

  it('writes big files in batches, each its own bank revision', async () => {
    const target = await bank('batched')
    const lines = Array.from({ length: 2_500 }, (_, i) =>
      JSON.stringify({ value: i.toString(16).padStart(64, '0') }),
    )
    const before = await h.ctx.db
      .selectFrom('bank_revision')
      .select('revision')
      .executeTakeFirstOrThrow()
    const summary = await importBankFile(h.ctx, SYSTEM_ACTOR, target.id, {
      format: 'jsonl',
      open: open(lines.join('\n')),
      batchSize: 1_000,
    })
    expect(summary).toMatchObject({ rows: 2_500, added: 2_500 })
    const after = await h.ctx.db
      .selectFrom('bank_revision')
      .select('revision')
      .executeTakeFirstOrThrow()
    expect(Number(after.revision) - Number(before.revision)).toBe(3)
  })
})
