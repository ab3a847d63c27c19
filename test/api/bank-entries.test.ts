import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const DATA = fileURLToPath(new URL('../../../shared/testdata/pdq/', import.meta.url))
const ORIGINAL_HASH = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22'
const edited = readFileSync(`${DATA}data/bridge-mods/shrink-a-lot.jpg`).toString('base64')

describe.each(dialects())('PDQ banks and entry states on %s', (dialect) => {
  let h: TestHarness
  let bankId: string
  let entryId: string
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    const bank = await h.call('admin', 'POST', '/v1/banks', {
      name: 'terror-pdq',
      kind: 'pdq',
      harm: 'illegal.terrorism',
      action: 'block',
      source: 'exchange',
    })
    expect(bank.statusCode).toBe(201)
    bankId = bank.json().id
    const added = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries`, {
      entries: [
        { value: ORIGINAL_HASH.toUpperCase(), externalRef: 'TAT:1234', quality: 100, note: 'x' },
      ],
    })
    expect(added.json()).toEqual({ added: 1, skipped: 0 })
    const page = await h.call('moderator', 'GET', `/v1/banks/${bankId}/entries`)
    entryId = page.json().entries[0].id
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const ingestEdited = () =>
    h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ kind: 'image', media: [{ base64: edited }] }),
    )

  it('lists entries with their provenance', async () => {
    const page = await h.call('moderator', 'GET', `/v1/banks/${bankId}/entries`)
    expect(page.json().entries).toEqual([
      expect.objectContaining({
        value: ORIGINAL_HASH,
        externalRef: 'TAT:1234',
        quality: 100,
        note: 'x',
        disabledAt: null,
        retractedAt: null,
      }),
    ])
  })

  it('blocks an edited copy of a banked image, with the entry and distance', async () => {
    const res = await ingestEdited()
    expect(res.json()).toMatchObject({
      verdict: 'block',
      signals: [{ matcher: 'pdq', evidence: { entryId, bank: 'terror-pdq', hashType: 'pdq' } }],
    })
    expect(res.json().signals[0].evidence.distance).toBeLessThanOrEqual(31)
    const opened = await h.call('moderator', 'GET', `/v1/cases/${res.json().caseId}`)
    const bytes = Buffer.from(edited, 'base64')
    expect(opened.json().subject.media).toEqual([
      {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        md5: createHash('md5').update(bytes).digest('hex'),
        pdq: res.json().signals[0].evidence.hash,
        pdqQuality: res.json().signals[0].evidence.quality,
        bytes: bytes.length,
      },
    ])
  })

  it('stops matching a disabled entry at once and matches again when it is enabled', async () => {
    const off = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries/${entryId}/disable`)
    expect(off.json()).toMatchObject({ id: entryId, disabledAt: expect.any(String) })
    expect((await ingestEdited()).json()).toMatchObject({ verdict: 'allow', signals: [] })
    await h.call('admin', 'POST', `/v1/banks/${bankId}/entries/${entryId}/enable`)
    expect((await ingestEdited()).json().verdict).toBe('block')
  })

  it('stops matching every entry of a disabled bank', async () => {
    const off = await h.call('admin', 'PATCH', `/v1/banks/${bankId}`, { enabled: false })
    expect(off.json()).toMatchObject({ enabled: false })
    expect((await ingestEdited()).json().verdict).toBe('allow')
    await h.call('admin', 'PATCH', `/v1/banks/${bankId}`, { enabled: true })
    expect((await ingestEdited()).json().verdict).toBe('block')
  })

  it('ignores an entry once it has expired', async () => {
    const added = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries`, {
      entries: [{ value: 'ab'.repeat(32), expiresAt: '2026-11-22T10:00:00Z' }],
    })
    expect(added.json().added).toBe(1)
    const banks = (await h.call('moderator', 'GET', '/v1/banks')).json().banks
    expect(banks[0]).toMatchObject({ entries: 2, activeEntries: 2 })
    h.clock.set('2026-11-22T11:00:00Z')
    const after = (await h.call('moderator', 'GET', '/v1/banks')).json().banks
    expect(after[0]).toMatchObject({ entries: 2, activeEntries: 1 })
  })

  it('retracts an entry for good, with its reason, and audits it', async () => {
    const res = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries/${entryId}/retract`, {
      reason: 'matched a news photo: false positive',
    })
    expect(res.json()).toMatchObject({
      retractedAt: expect.any(String),
      retractionReason: 'matched a news photo: false positive',
    })
    expect((await ingestEdited()).json().verdict).toBe('allow')
    const again = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries/${entryId}/enable`)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('conflict')
    const actions = await h.ctx.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', entryId)
      .execute()
    expect(actions.map((a) => a.action)).toEqual([
      'bank.entry_disabled',
      'bank.entry_enabled',
      'bank.entry_retracted',
    ])
  })

  it('refuses bad values, unknown entries and unknown harms with a 4xx and writes nothing', async () => {
    const bad = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries`, {
      entries: [{ value: 'ab'.repeat(31) }],
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('64 hex digits')
    const harm = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries`, {
      entries: [{ value: 'cd'.repeat(32), harm: 'illegal.nonsense' }],
    })
    expect(harm.statusCode).toBe(400)
    const missing = crypto.randomUUID()
    const gone = await h.call('admin', 'POST', `/v1/banks/${bankId}/entries/${missing}/disable`)
    expect(gone.statusCode).toBe(404)
    const page = await h.call('moderator', 'GET', `/v1/banks/${bankId}/entries`)
    expect(page.json().entries).toHaveLength(2)
  })
})
