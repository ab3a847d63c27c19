import { existsSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runPreservation } from '../../src/services/evidence-preserve-job.js'
import { sweepOrphanBlobs } from '../../src/services/evidence-retention.js'
import { takeOverQuarantined } from '../../src/storage/repos/evidence-item-repo.js'
import { addBank } from '../api-steps.js'
import { dialects } from '../dialects.js'
import {
  auditOf,
  blobFiles,
  createEvidenceHarness,
  type EvidenceHarness,
  listEvidence,
  PNG,
  removeForCsea,
  sha256,
} from '../evidence-steps.js'
import { contentInput } from '../factories.js'

const DAY_MS = 86_400_000
const PURPOSE = 'NCA report NCA-2026-0042: the image as uploaded'
/** Another image: the same PNG with a byte after its end, so its SHA-256 differs. */
const OTHER = Buffer.concat([PNG, Buffer.from([0])])
const inline = (bytes: Buffer) => ({ base64: bytes.toString('base64'), mimeType: 'image/png' })

describe.each(dialects())('inline media sealed at ingest on %s', (dialect) => {
  let h: EvidenceHarness
  beforeAll(async () => {
    h = await createEvidenceHarness(dialect)
    const csam = { name: 'csam-sha256', kind: 'sha256', harm: 'illegal.csea.image_csam' }
    await addBank(h, { ...csam, action: 'block' }, [sha256(PNG)])
    const fraud = { name: 'scam-images', kind: 'sha256', harm: 'illegal.fraud', action: 'review' }
    await addBank(h, fraud, [sha256(OTHER)])
  })
  afterAll(() => h.closeAll())

  const later = (days: number, from = h.clock.now()) =>
    new Date(from.getTime() + days * DAY_MS).toISOString()

  async function ingest(media: Record<string, unknown>[]) {
    const res = await h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ kind: 'image', media: media as never }),
    )
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as { subjectId: string; caseId?: string; verdict: string }
  }

  const rowsOfSubject = (subjectId: string) =>
    h.ctx.db.selectFrom('evidence_item').selectAll().where('subject_id', '=', subjectId).execute()

  const blobPath = (key: string | null) => join(h.evidenceDir, ...(key ?? '').split('/'))

  const open = (id: unknown) =>
    h.call('admin', 'GET', `/v1/evidence/${id}/content?purpose=${encodeURIComponent(PURPOSE)}`)

  it('seals inline media hitting a CSAM bank before answering: quarantined, ciphertext only', async () => {
    const blobsBefore = blobFiles(h.evidenceDir).length
    const at = h.clock.now()
    const ingested = await ingest([inline(PNG), inline(OTHER), { url: `${h.mediaBase}/image.png` }])
    expect(ingested.verdict).toBe('block')
    const items = await listEvidence(h, ingested.caseId as string)
    expect(items.map((i) => i.label).sort()).toEqual(['ingest:media[0]', 'ingest:media[1]'])
    const first = items.find((i) => i.label === 'ingest:media[0]')
    expect(first).toMatchObject({
      kind: 'media',
      recordType: 'content',
      subjectId: ingested.subjectId,
      harm: 'illegal.csea.image_csam',
      contentType: 'image/png',
      sha256: sha256(PNG),
      size: PNG.length,
      available: true,
      preservedBy: 'system',
      reason: 'detected at ingest as illegal.csea.image_csam',
      retainUntil: later(30, at),
    })
    expect(items.find((i) => i.label === 'ingest:media[1]')).toMatchObject({
      sha256: sha256(OTHER),
    })
    const files = blobFiles(h.evidenceDir)
    expect(files).toHaveLength(blobsBefore + 2)
    for (const row of await rowsOfSubject(ingested.subjectId)) {
      expect(existsSync(blobPath(row.blob_key))).toBe(true)
    }
    expect(files.every((f) => !f.bytes.includes(PNG))).toBe(true)
    const audit = await auditOf(h, 'evidence.preserved', ingested.caseId)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'system' })
    expect(audit[0]?.data).toMatchObject({
      reason: 'detected at ingest as illegal.csea.image_csam',
      quarantineUntil: later(30, at),
      items: expect.arrayContaining([expect.objectContaining({ sha256: sha256(PNG) })]),
    })
    const opened = await open(first?.id)
    expect(opened.statusCode, opened.body).toBe(200)
    expect(opened.rawPayload.equals(PNG)).toBe(true)
  })

  it('seals nothing without a preserving signal: allowed posts and other harms pay nothing', async () => {
    const blobsBefore = blobFiles(h.evidenceDir).length
    const allowed = await ingest([inline(Buffer.from('a holiday photo'))])
    expect(allowed.verdict).toBe('allow')
    const fraud = await ingest([inline(OTHER)])
    expect(fraud.verdict).toBe('review')
    expect(await listEvidence(h, fraud.caseId as string)).toEqual([])
    expect(await rowsOfSubject(allowed.subjectId)).toEqual([])
    expect(blobFiles(h.evidenceDir)).toHaveLength(blobsBefore)
  })

  it("hands the sealed copy to the CSEA decision, which keeps it for the harm's year", async () => {
    const ingested = await ingest([inline(PNG), { url: `${h.mediaBase}/image.png` }, inline(PNG)])
    const caseId = ingested.caseId as string
    const sealedItems = await listEvidence(h, caseId)
    expect(sealedItems.map((i) => i.label)).toEqual(['ingest:media[0]'])
    const [sealed] = sealedItems
    const blobsBefore = blobFiles(h.evidenceDir).length
    h.clock.advance(2 * DAY_MS)
    await removeForCsea(h, caseId)

    const items = await listEvidence(h, caseId)
    const media = items.find((i) => i.label === 'media[0]')
    expect(media).toMatchObject({
      id: sealed?.id,
      sha256: sha256(PNG),
      available: true,
      preservedAt: sealed?.preservedAt,
      retainUntil: later(366),
    })
    expect(media?.preservationId).not.toBe(sealed?.preservationId)
    expect(items.filter((i) => String(i.label).startsWith('ingest:'))).toEqual([])
    expect(items.find((i) => i.label === 'media[1]')).toMatchObject({ available: true })
    expect(items.find((i) => i.label === 'media[2]')).toMatchObject({
      available: false,
      sha256: sha256(PNG),
      unavailableReason: 'the same file as media[0], which holds its bytes',
    })
    const stored = items.filter((i) => i.available && i.id !== sealed?.id)
    expect(blobFiles(h.evidenceDir)).toHaveLength(blobsBefore + stored.length)
    const opened = await open(media?.id)
    expect(opened.statusCode, opened.body).toBe(200)
    expect(opened.rawPayload.equals(PNG)).toBe(true)
    const audit = (await auditOf(h, 'evidence.preserved', caseId)).at(-1)
    expect(audit?.data.items).toContainEqual({
      id: sealed?.id,
      label: 'media[0]',
      sha256: sha256(PNG),
      sealedAtIngest: sealed?.preservedAt,
    })

    const job = {
      preservationId: media?.preservationId as string,
      caseId,
      harm: 'illegal.csea.image_csam',
      reason: 'a retry',
      requestedBy: 'system',
    }
    expect(await runPreservation(h.ctx, job, { lastAttempt: true })).toBe(0)
    expect(await listEvidence(h, caseId)).toHaveLength(items.length)

    const again = await h.call('admin', 'POST', `/v1/cases/${caseId}/evidence`, {
      reason: 'police asked for a second copy',
    })
    expect(again.statusCode, again.body).toBe(202)
    await h.worker.drain()
    const copies = (await listEvidence(h, caseId)).filter(
      (i) => i.label === 'media[0]' && i.preservationId === again.json().preservationId,
    )
    expect(copies).toHaveLength(1)
    expect(copies[0]).toMatchObject({ available: true, sha256: sha256(PNG) })
    expect((await open(copies[0]?.id)).rawPayload.equals(PNG)).toBe(true)
  })

  it('erases a quarantined copy nobody decided on, and a later preservation says why', async () => {
    const ingested = await ingest([inline(PNG)])
    const caseId = ingested.caseId as string
    const [sealed] = await listEvidence(h, caseId)
    const [row] = await rowsOfSubject(ingested.subjectId)
    h.clock.advance(29 * DAY_MS)
    await h.worker.drain()
    expect((await listEvidence(h, caseId))[0]).toMatchObject({ erasedAt: null })

    h.clock.advance(2 * DAY_MS)
    await h.worker.drain()
    const [erased] = await listEvidence(h, caseId)
    expect(erased).toMatchObject({
      id: sealed?.id,
      available: false,
      erasureReason: 'retention period ended',
      sha256: sha256(PNG),
    })
    expect(existsSync(blobPath(row?.blob_key ?? null))).toBe(false)
    const keys = await h.ctx.db
      .selectFrom('evidence_key')
      .selectAll()
      .where('item_id', '=', sealed?.id as string)
      .execute()
    expect(keys).toEqual([])

    const takeOver = { preservationId: crypto.randomUUID(), caseId, label: 'media[0]', harm: null }
    const late = { ...takeOver, retainUntil: new Date(later(366)) }
    expect(await takeOverQuarantined(h.ctx.db, sealed?.id as string, late)).toBeUndefined()

    await removeForCsea(h, caseId)
    const media = (await listEvidence(h, caseId)).find((i) => i.label === 'media[0]')
    expect(media).toMatchObject({ available: false, sha256: sha256(PNG) })
    expect(media?.unavailableReason).toMatch(
      /sealed at ingest .* its quarantine ended before any preservation took it over/,
    )
  })

  it('deletes blobs no item points at once they are a day old, and keeps live ones', async () => {
    const ingested = await ingest([inline(PNG)])
    const [row] = await rowsOfSubject(ingested.subjectId)
    const live = blobPath(row?.blob_key ?? null)
    await h.ctx.evidence.blobs.put('ab/orphan-old.0000', Buffer.from('left by a crash'))
    await h.ctx.evidence.blobs.put('ab/orphan-young.0000', Buffer.from('about to commit'))
    const age = (path: string, ms: number) => {
      const when = new Date(h.clock.now().getTime() - ms)
      utimesSync(path, when, when)
    }
    age(live, 3 * DAY_MS)
    age(join(h.evidenceDir, 'ab', 'orphan-old.0000'), DAY_MS + 60_000)
    age(join(h.evidenceDir, 'ab', 'orphan-young.0000'), DAY_MS - 60_000)

    expect(await sweepOrphanBlobs(h.ctx)).toBe(1)
    expect(await h.ctx.evidence.blobs.exists('ab/orphan-old.0000')).toBe(false)
    expect(await h.ctx.evidence.blobs.exists('ab/orphan-young.0000')).toBe(true)
    expect(existsSync(live)).toBe(true)

    h.clock.advance(2 * 3_600_000)
    await h.worker.drain()
    expect(await h.ctx.evidence.blobs.exists('ab/orphan-young.0000')).toBe(false)
    expect(existsSync(live)).toBe(true)
    const [item] = await listEvidence(h, ingested.caseId as string)
    expect((await open(item?.id)).rawPayload.equals(PNG)).toBe(true)
  })
})
