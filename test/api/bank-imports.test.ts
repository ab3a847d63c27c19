import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBankImport } from '../../src/services/bank-files/run-bank-import.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const hash = (n: number) => n.toString(16).padStart(2, '0').repeat(32)
const jsonl = (...values: string[]) => values.map((value) => JSON.stringify({ value })).join('\n')
const BODY_LIMIT = 64 * 1024

describe.each(dialects())('bank imports as jobs on %s', (dialect) => {
  let h: TestHarness
  let counter = 0
  const newBank = async () => {
    counter += 1
    const created = await h.call('admin', 'POST', '/v1/banks', {
      name: `imported-${counter}`,
      kind: 'sha256',
      harm: 'illegal.terrorism',
      action: 'block',
    })
    return created.json().id as string
  }
  const upload = (bankId: string, content: string, role: 'admin' | 'moderator' = 'admin') =>
    h.call(role, 'POST', `/v1/banks/${bankId}/imports`, { format: 'jsonl', content })
  const importOf = async (bankId: string, importId: string) =>
    (await h.call('admin', 'GET', `/v1/banks/${bankId}/imports/${importId}`)).json()
  const valuesIn = async (bankId: string) =>
    (await h.call('moderator', 'GET', `/v1/banks/${bankId}/entries`))
      .json()
      .entries.map((e: { value: string }) => e.value)
      .sort()
  const auditActions = async (bankId: string) => {
    const rows = await h.ctx.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', bankId)
      .orderBy('id')
      .execute()
    return rows.map((r) => r.action)
  }

  beforeAll(async () => {
    h = await createTestHarness(dialect, { VIGIL_BODY_LIMIT_BYTES: String(BODY_LIMIT) })
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('stores the file, answers 202, and the job writes it with its counts', async () => {
    const bankId = await newBank()
    const res = await upload(bankId, `${jsonl(hash(1), hash(2), hash(1))}\n`)
    expect(res.statusCode).toBe(202)
    const started = res.json()
    expect(res.headers.location).toBe(`/v1/banks/${bankId}/imports/${started.id}`)
    expect(started).toMatchObject({ bankId, status: 'queued', linesTotal: 3, linesChecked: 0 })
    expect(await valuesIn(bankId)).toEqual([])
    await h.worker.drain()
    const done = await importOf(bankId, started.id)
    expect(done).toMatchObject({
      status: 'done',
      linesTotal: 3,
      linesChecked: 3,
      entriesTotal: 3,
      entriesWritten: 2,
      entriesSkipped: 1,
      problems: [],
      error: null,
      startedBy: expect.stringMatching(/^key:/),
    })
    expect(done.finishedAt).not.toBeNull()
    expect(await valuesIn(bankId)).toEqual([hash(1), hash(2)])
    expect(await auditActions(bankId)).toEqual([
      'bank.created',
      'bank.import_started',
      'bank.entries_imported',
      'bank.import_finished',
    ])
    const file = await h.ctx.db
      .selectFrom('bank_import')
      .select('file')
      .where('id', '=', started.id)
      .executeTakeFirstOrThrow()
    expect(file.file).toBeNull()
  })

  it('refuses a file with bad lines, naming each line, and writes no entry', async () => {
    const bankId = await newBank()
    const content = [jsonl(hash(3)), '{not json', jsonl('xyz'), jsonl(hash(4))].join('\n')
    const started = (await upload(bankId, content)).json()
    await h.worker.drain()
    const failed = await importOf(bankId, started.id)
    expect(failed).toMatchObject({
      status: 'failed',
      linesChecked: 4,
      entriesWritten: 0,
      problemCount: 2,
      problems: [
        { line: 2, problem: 'is not valid JSON' },
        { line: 3, problem: expect.stringMatching(/^value: a sha256 entry is 64 hex digits/) },
      ],
      error: expect.stringContaining('nothing was written'),
    })
    expect(await valuesIn(bankId)).toEqual([])
    expect(await auditActions(bankId)).toEqual([
      'bank.created',
      'bank.import_started',
      'bank.import_failed',
    ])
  })

  it('records its progress after the checking pass and after each batch', async () => {
    const bankId = await newBank()
    await h.call('admin', 'POST', `/v1/banks/${bankId}/entries`, { entries: [{ value: hash(7) }] })
    const values = [5, 6, 7, 8, 9].map(hash)
    const started = (await upload(bankId, jsonl(...values))).json()
    const seen: unknown[] = []
    await runBankImport(h.ctx, {
      importId: started.id,
      batchSize: 2,
      onSaved: async () => {
        const now = await importOf(bankId, started.id)
        seen.push([now.status, now.linesChecked, now.entriesTotal, now.entriesWritten])
      },
    })
    expect(seen).toEqual([
      ['checking', 0, null, 0],
      ['checking', 2, null, 0],
      ['checking', 4, null, 0],
      ['writing', 5, 5, 0],
    ])
    const done = await importOf(bankId, started.id)
    expect(done).toMatchObject({ status: 'done', entriesWritten: 4, entriesSkipped: 1 })
    const batches = (await auditActions(bankId)).filter((a) => a === 'bank.entries_imported')
    expect(batches).toHaveLength(3)

    await h.worker.drain()
    expect(await importOf(bankId, started.id)).toEqual(done)
    expect(await auditActions(bankId)).toHaveLength(7)
  })

  it('resumes an interrupted import after the batch it had written', async () => {
    const bankId = await newBank()
    const started = (await upload(bankId, jsonl(hash(10), hash(11), hash(12)))).json()
    // @NOTE What a crash after the first batch leaves: its entries and its counts, committed together.
    await h.call('admin', 'POST', `/v1/banks/${bankId}/entries`, { entries: [{ value: hash(10) }] })
    await h.ctx.db
      .updateTable('bank_import')
      .set({ status: 'writing', entries_written: 1, started_at: new Date() })
      .where('id', '=', started.id)
      .execute()
    await h.worker.drain()
    expect(await importOf(bankId, started.id)).toMatchObject({
      status: 'done',
      entriesWritten: 3,
      entriesSkipped: 0,
    })
    expect(await valuesIn(bankId)).toEqual([hash(10), hash(11), hash(12)])
  })

  it('marks the import failed when its last attempt fails, and not before', async () => {
    const bankId = await newBank()
    const started = (await upload(bankId, jsonl(hash(13)))).json()
    const broken = { importId: started.id, onSaved: () => Promise.reject(new Error('disk gone')) }
    await expect(runBankImport(h.ctx, broken)).rejects.toThrow('disk gone')
    expect((await importOf(bankId, started.id)).status).toBe('checking')
    await expect(runBankImport(h.ctx, { ...broken, final: true })).rejects.toThrow('disk gone')
    expect(await importOf(bankId, started.id)).toMatchObject({
      status: 'failed',
      error: 'the import stopped after its last attempt: disk gone',
    })
    await h.worker.drain()
    expect(await valuesIn(bankId)).toEqual([])
  })

  it('lists the newest imports first', async () => {
    const bankId = await newBank()
    const first = (await upload(bankId, jsonl(hash(14)))).json()
    h.clock.advance(1_000)
    const second = (await upload(bankId, jsonl(hash(15)))).json()
    await h.worker.drain()
    const list = await h.call('admin', 'GET', `/v1/banks/${bankId}/imports?limit=10`)
    expect(list.statusCode).toBe(200)
    expect(list.json().imports.map((i: { id: string }) => i.id)).toEqual([second.id, first.id])
  })

  it('refuses other roles, unknown banks and imports, and files over the body limit', async () => {
    const bankId = await newBank()
    expect((await upload(bankId, jsonl(hash(16)), 'moderator')).statusCode).toBe(403)
    expect((await h.call('moderator', 'GET', `/v1/banks/${bankId}/imports`)).statusCode).toBe(403)
    const unknown = crypto.randomUUID()
    const missingBank = await upload(unknown, jsonl(hash(16)))
    expect(missingBank.statusCode).toBe(404)
    expect(missingBank.json().error.code).toBe('not_found')
    const missing = await h.call('admin', 'GET', `/v1/banks/${bankId}/imports/${unknown}`)
    expect(missing.statusCode).toBe(404)
    const big = await upload(bankId, jsonl(...Array.from({ length: 1_000 }, (_, i) => hash(i))))
    expect(big.statusCode).toBe(413)
    expect(big.json().error.code).toBe('payload_too_large')
    const count = await h.ctx.db
      .selectFrom('bank_import')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('bank_id', 'in', [bankId, unknown])
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })
})
