import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleRole } from '../../src/core/roles.js'
import { readEvidenceForExport } from '../../src/services/evidence-items.js'
import { runPreservation } from '../../src/services/evidence-preserve-job.js'
import { INLINE_MEDIA } from '../../src/services/evidence-snapshot.js'
import { postDecision } from '../api-steps.js'
import { asSession, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import {
  auditOf,
  blobFiles,
  caseWithMedia,
  createEvidenceHarness,
  type EvidenceHarness,
  listEvidence,
  PNG,
  removeForCsea,
  sha256,
} from '../evidence-steps.js'

const PURPOSE = 'NCA report NCA-2026-0001: attach the image'
const DAY_MS = 86_400_000

describe.each(dialects())('evidence preservation and custody on %s', (dialect) => {
  let h: EvidenceHarness
  let csea: { caseId: string; externalId: string }
  beforeAll(async () => {
    h = await createEvidenceHarness(dialect)
    csea = await caseWithMedia(h, 'illegal.csea.image_csam', [
      { url: `${h.mediaBase}/image.png` },
      { base64: PNG.toString('base64'), mimeType: 'image/png' },
      { url: `${h.mediaBase}/vanishing` },
    ])
    await removeForCsea(h, csea.caseId)
  })
  afterAll(() => h.closeAll())

  const mediaItem = async (caseId: string) =>
    (await listEvidence(h, caseId)).find((i) => i.label === 'media[0]') as { id: string }

  it('preserves the subject, its records and media when a CSEA decision removes it', async () => {
    const items = await listEvidence(h, csea.caseId)
    expect(items.map((i) => i.label).sort()).toEqual([
      'decisions',
      'media[0]',
      'media[1]',
      'media[2]',
      'reports',
      'signals',
      'statements',
      'subject',
    ])
    const byLabel = Object.fromEntries(items.map((i) => [i.label, i]))
    expect(byLabel['media[0]']).toMatchObject({
      kind: 'media',
      recordType: 'content',
      harm: 'illegal.csea.image_csam',
      contentType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
      available: true,
      retainUntil: new Date(h.clock.now().getTime() + 366 * DAY_MS).toISOString(),
    })
    expect(byLabel['media[1]']).toMatchObject({
      available: false,
      unavailableReason: INLINE_MEDIA,
      sha256: sha256(PNG),
    })
    expect(byLabel['media[2]']).toMatchObject({ available: false, sha256: sha256(PNG) })
    expect(byLabel['media[2]']?.unavailableReason).toMatch(/HTTP 404/)
    expect(byLabel.reports).toMatchObject({ kind: 'reports', recordType: 'records' })
    const preserved = await auditOf(h, 'evidence.preserved', csea.caseId)
    expect(preserved).toHaveLength(1)
    expect(preserved[0]?.data).toMatchObject({ reason: expect.stringMatching(/^decision /) })
  })

  it('keeps only ciphertext on disk, one blob per stored item', async () => {
    const files = blobFiles(h.evidenceDir)
    const stored = (await listEvidence(h, csea.caseId)).filter((i) => i.available)
    expect(files).toHaveLength(stored.length)
    for (const file of files) {
      expect(file.bytes.includes(PNG)).toBe(false)
      expect(file.bytes.toString('latin1')).not.toContain(csea.externalId)
    }
  })

  it('does not preserve twice when the same job runs again', async () => {
    const before = await listEvidence(h, csea.caseId)
    const first = before[0] as { preservationId: string }
    const job = {
      preservationId: first.preservationId,
      caseId: csea.caseId,
      harm: 'illegal.csea.image_csam',
      reason: 'a retry',
      requestedBy: 'system',
    }
    expect(await runPreservation(h.ctx, job, { lastAttempt: true })).toBe(0)
    expect(await listEvidence(h, csea.caseId)).toHaveLength(before.length)
  })

  it('preserves nothing for other harms, nor for a decision that restricts nothing', async () => {
    const fraud = await caseWithMedia(h, 'illegal.fraud')
    await postDecision(h, fraud.caseId, { harm: 'illegal.fraud' })
    const kept = await caseWithMedia(h, 'illegal.csea.image_csam')
    await postDecision(h, kept.caseId, {
      harm: 'illegal.csea.image_csam',
      actions: [{ type: 'no_action' }],
    })
    await h.worker.drain()
    expect(await listEvidence(h, fraud.caseId)).toEqual([])
    expect(await listEvidence(h, kept.caseId)).toEqual([])
  })

  it('preserves a case on request, with the reason, and audits the request', async () => {
    const other = await caseWithMedia(h, 'illegal.fraud')
    const url = `/v1/cases/${other.caseId}/evidence`
    expect((await h.call('admin', 'POST', url, {})).statusCode).toBe(400)
    const res = await h.call('admin', 'POST', url, { reason: 'police asked on the phone' })
    expect(res.statusCode, res.body).toBe(202)
    expect(res.json()).toMatchObject({ caseId: other.caseId, status: 'queued' })
    await h.worker.drain()
    const items = await listEvidence(h, other.caseId)
    expect(items).toHaveLength(6)
    expect(items.every((i) => i.reason === 'police asked on the phone')).toBe(true)
    expect(items.find((i) => i.label === 'media[0]')).toMatchObject({ sha256: sha256(PNG) })
    const requested = await auditOf(h, 'evidence.preservation_requested', other.caseId)
    expect(requested.map((a) => a.data)).toEqual([
      { preservationId: res.json().preservationId, reason: 'police asked on the phone' },
    ])
    const unknown = `/v1/cases/${crypto.randomUUID()}/evidence`
    expect((await h.call('admin', 'POST', unknown, { reason: 'x' })).statusCode).toBe(404)
  })

  it('opens an item only with a purpose, auditing the purpose before the bytes go out', async () => {
    const item = await mediaItem(csea.caseId)
    const url = `/v1/evidence/${item.id}/content`
    for (const query of ['', '?purpose=', '?purpose=because']) {
      const res = await h.call('admin', 'GET', `${url}${query}`)
      expect(res.statusCode, query).toBe(400)
      expect(res.json().error.code).toBe('purpose_required')
    }
    expect(await auditOf(h, 'evidence.viewed', item.id)).toHaveLength(0)
    const res = await h.call('admin', 'GET', `${url}?purpose=${encodeURIComponent(PURPOSE)}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.rawPayload.equals(PNG)).toBe(true)
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'cache-control': 'private, no-store',
      'x-evidence-sha256': sha256(PNG),
    })
    expect(res.headers['content-disposition']).toMatch(/^attachment/)
    const viewed = await auditOf(h, 'evidence.viewed', item.id)
    expect(viewed).toHaveLength(1)
    expect(viewed[0]).toMatchObject({
      entity_type: 'evidence_item',
      actor: expect.stringMatching(/^key:/),
    })
    expect(viewed[0]?.data).toMatchObject({ purpose: PURPOSE, sha256: sha256(PNG) })
  })

  it('opens the subject snapshot as canonical JSON, and 404s what was never kept', async () => {
    const items = await listEvidence(h, csea.caseId)
    const subject = items.find((i) => i.label === 'subject') as { id: string }
    const query = `?purpose=${encodeURIComponent(PURPOSE)}`
    const res = await h.call('admin', 'GET', `/v1/evidence/${subject.id}/content${query}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ externalId: csea.externalId, kind: 'image' })
    const inline = items.find((i) => i.label === 'media[1]') as { id: string }
    const missing = await h.call('admin', 'GET', `/v1/evidence/${inline.id}/content${query}`)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.details).toMatchObject({ reason: 'unavailable' })
  })

  it('reads a case for export: every item audited with the purpose, bytes where kept', async () => {
    const actor = { id: 'user:liaison', role: 'moderator' as const, name: 'Liaison' }
    const liaison = { ...actor, consoleRole: 'law_enforcement_liaison' as const }
    await expect(readEvidenceForExport(h.ctx, actor, csea.caseId, PURPOSE)).rejects.toThrow(
      /evidence is for admin API keys/,
    )
    await expect(readEvidenceForExport(h.ctx, liaison, csea.caseId, 'short')).rejects.toThrow(
      /purpose of at least 10/,
    )
    const opened = await readEvidenceForExport(h.ctx, liaison, csea.caseId, PURPOSE)
    expect(opened).toHaveLength(8)
    const media = opened.find((o) => o.item.label === 'media[0]')
    expect(media?.bytes?.equals(PNG)).toBe(true)
    expect(opened.find((o) => o.item.label === 'media[1]')?.bytes).toBeUndefined()
    const exported = await auditOf(h, 'evidence.exported')
    expect(exported.map((e) => e.entity_id).sort()).toEqual(opened.map((o) => o.item.id).sort())
    expect(exported.every((e) => e.actor === 'user:liaison' && e.data.purpose === PURPOSE)).toBe(
      true,
    )
  })

  it('says preservation is off, and queues nothing, when there is no key (PostgreSQL unset)', async () => {
    const vault = h.ctx.evidence
    h.ctx.evidence = { ...vault, keyring: undefined, disabledReason: 'set VIGIL_EVIDENCE_KEYS' }
    try {
      const other = await caseWithMedia(h, 'illegal.csea.image_csam')
      const url = `/v1/cases/${other.caseId}/evidence`
      const res = await h.call('admin', 'POST', url, { reason: 'please keep it' })
      expect(res.statusCode).toBe(409)
      expect(res.json().error).toMatchObject({
        message: 'evidence preservation is off: set VIGIL_EVIDENCE_KEYS',
        details: { reason: 'evidence_disabled' },
      })
      await removeForCsea(h, other.caseId)
      h.ctx.evidence = vault
      await h.worker.drain()
      expect(await listEvidence(h, other.caseId)).toEqual([])
    } finally {
      h.ctx.evidence = vault
    }
  })

  it('lets admins and the evidence console roles in, and refuses the others naming who may', async () => {
    const item = await mediaItem(csea.caseId)
    const content = `/v1/evidence/${item.id}/content?purpose=${encodeURIComponent(PURPOSE)}`
    const list = `/v1/cases/${csea.caseId}/evidence`
    for (const role of ['moderator', 'platform', 'trusted_flagger'] as const) {
      expect((await h.call(role, 'GET', content)).statusCode, role).toBe(403)
    }
    const allowed: ConsoleRole[] = ['admin', 'child_safety', 'law_enforcement_liaison']
    for (const role of allowed) {
      const session = asSession(h, await signedIn(h, role))
      expect((await session('GET', list)).statusCode, role).toBe(200)
      const opened = await session('GET', content)
      expect(opened.statusCode, `${role}: ${opened.body}`).toBe(200)
      expect(opened.rawPayload.equals(PNG)).toBe(true)
    }
    for (const role of ['moderator', 'triage', 'auditor', 'appeals_reviewer'] as const) {
      const session = asSession(h, await signedIn(h, role))
      for (const res of [await session('GET', content), await session('GET', list)]) {
        expect(res.statusCode, role).toBe(403)
        expect(res.json().error.message).toContain('child_safety, law_enforcement_liaison')
      }
    }
    const auditor = asSession(h, await signedIn(h, 'auditor'))
    const trail = await auditor(
      'GET',
      `/v1/audit/entries?action=evidence.viewed&entityId=${item.id}`,
    )
    expect(trail.statusCode, trail.body).toBe(200)
    expect(trail.json().entries.length).toBeGreaterThanOrEqual(allowed.length + 1)
  })
})
