import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../src/services/audit-verify.js'
import { verifyEvidencePackage } from '../../src/services/evidence-package/verify-package.js'
import { asSession, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import {
  auditOf,
  caseWithMedia,
  createEvidenceHarness,
  type EvidenceHarness,
  listEvidence,
  PNG,
  removeForCsea,
  sha256,
} from '../evidence-steps.js'

const PURPOSE = 'Kent Police request 24/1187: the image and its history'

describe.each(dialects())('evidence packages over the API on %s', (dialect) => {
  let h: EvidenceHarness
  let caseId: string
  const packageUrl = (id: string, purpose = PURPOSE) =>
    `/v1/cases/${id}/evidence/package?purpose=${encodeURIComponent(purpose)}`
  beforeAll(async () => {
    h = await createEvidenceHarness(dialect)
    caseId = (
      await caseWithMedia(h, 'illegal.csea.image_csam', [
        { url: `${h.mediaBase}/image.png` },
        { base64: PNG.toString('base64'), mimeType: 'image/png' },
      ])
    ).caseId
    await removeForCsea(h, caseId)
  })
  afterAll(() => h.closeAll())

  it('downloads a signed package of every item that verifies against the pinned key', async () => {
    const res = await h.call('admin', 'GET', packageUrl(caseId))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    expect(res.headers['content-disposition']).toBe(`attachment; filename="evidence-${caseId}.zip"`)
    const key = h.ctx.evidenceSigningKey()
    expect(res.headers['x-evidence-signing-key-id']).toBe(key.keyId)
    const result = verifyEvidencePackage(res.rawPayload, { trustedPublicKey: key.publicKeyPem })
    expect(result.findings.filter((f) => f.status === 'fail')).toEqual([])
    const manifest = result.manifest
    if (!manifest) throw new Error('no manifest')
    const items = await listEvidence(h, caseId)
    expect(manifest.items.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort())
    const image = manifest.items.find((i) => i.label === 'media[0]')
    expect(image).toMatchObject({ sha256: sha256(PNG), size: PNG.length, absentReason: null })
    expect(Buffer.from(unzipSync(res.rawPayload)[image?.path ?? ''] ?? []).equals(PNG)).toBe(true)
    const inline = manifest.items.find((i) => i.label === 'media[1]')
    expect(inline).toMatchObject({ path: null, sha256: sha256(PNG) })
    expect(inline?.absentReason).toMatch(/^never kept: /)
    expect(manifest).toMatchObject({
      caseId,
      purpose: PURPOSE,
      exporter: { id: expect.any(String) },
    })
  })

  it('records each item as exported, with the purpose, and ships those entries sealed', async () => {
    const res = await h.call('admin', 'GET', packageUrl(caseId))
    const manifest = verifyEvidencePackage(res.rawPayload).manifest
    if (!manifest) throw new Error('no manifest')
    const actions = manifest.custody.map((c) => c.action)
    expect(actions).toContain('evidence.preserved')
    const exported = manifest.custody.filter((c) => c.action === 'evidence.exported')
    expect(exported).toHaveLength(manifest.items.length * 2)
    expect(exported.every((c) => c.purpose === PURPOSE && c.chainSeq !== null)).toBe(true)
    expect(manifest.auditChain.anchor.allSealed).toBe(true)
    expect(manifest.auditChain.entries).toHaveLength(manifest.custody.length)
    const chain = await verifyAuditChain(h.ctx.db)
    expect(chain.ok).toBe(true)
    expect(manifest.auditChain.anchor.headSeq).toBeLessThanOrEqual(chain.sealed)
  })

  it('needs a purpose and writes nothing without one', async () => {
    const before = (await auditOf(h, 'evidence.exported')).length
    const res = await h.call('admin', 'GET', packageUrl(caseId, 'because'))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('purpose_required')
    expect(await auditOf(h, 'evidence.exported')).toHaveLength(before)
  })

  it('answers 409 for a case without evidence, and 404 for an unknown case', async () => {
    const bare = await caseWithMedia(h, 'illegal.harassment.threat_to_life')
    const res = await h.call('admin', 'GET', packageUrl(bare.caseId))
    expect(res.statusCode, res.body).toBe(409)
    expect(res.json().error.message).toContain('has no preserved evidence')
    const unknown = await h.call('admin', 'GET', packageUrl(crypto.randomUUID()))
    expect(unknown.statusCode).toBe(404)
  })

  it('is for admin keys and the evidence console roles only', async () => {
    expect((await h.call('moderator', 'GET', packageUrl(caseId))).statusCode).toBe(403)
    const liaison = asSession(h, await signedIn(h, 'law_enforcement_liaison'))
    expect((await liaison('GET', packageUrl(caseId))).statusCode).toBe(200)
    const auditor = asSession(h, await signedIn(h, 'auditor'))
    expect((await auditor('GET', packageUrl(caseId))).statusCode).toBe(403)
  })
})
