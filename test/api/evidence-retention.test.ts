import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asSession, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import {
  auditOf,
  blobFiles,
  caseWithMedia,
  createEvidenceHarness,
  type EvidenceHarness,
  listEvidence,
  removeForCsea,
} from '../evidence-steps.js'

const DAY_MS = 86_400_000
const PURPOSE = 'checking the retention sweep'

describe.each(dialects())('evidence retention and legal holds on %s', (dialect) => {
  let h: EvidenceHarness
  beforeAll(async () => {
    h = await createEvidenceHarness(dialect)
  })
  afterAll(() => h.closeAll())

  const later = (days: number) => new Date(h.clock.now().getTime() + days * DAY_MS).toISOString()
  const keyRows = (ids: readonly unknown[]) =>
    h.ctx.db
      .selectFrom('evidence_key')
      .select('item_id')
      .where('item_id', 'in', ids as string[])
      .execute()
  const open = (id: unknown) =>
    h.call('admin', 'GET', `/v1/evidence/${id}/content?purpose=${encodeURIComponent(PURPOSE)}`)

  async function preservedCase(): Promise<string> {
    const { caseId } = await caseWithMedia(h, 'illegal.csea.image_csam')
    await removeForCsea(h, caseId)
    expect(await listEvidence(h, caseId)).toHaveLength(6)
    return caseId
  }

  async function hold(body: Record<string, unknown>, expected = 201) {
    const res = await h.call('admin', 'POST', '/v1/legal-holds', body)
    expect(res.statusCode, res.body).toBe(expected)
    return res.json()
  }

  it('erases expired items but not held ones, and the held ones once their hold expires', async () => {
    const free = await preservedCase()
    const held = await preservedCase()
    const released = await preservedCase()
    const heldHold = await hold({
      caseId: held,
      reason: 'litigation',
      requester: 'Legal team',
      expiresAt: later(500),
    })
    const subjectId = (await listEvidence(h, released))[0]?.subjectId
    const brief = await hold({ subjectId, reason: 'until checked', requester: 'Legal team' })
    const release = `/v1/legal-holds/${brief.id}/release`
    expect((await h.call('admin', 'POST', release, { reason: 'checked' })).statusCode).toBe(200)
    expect((await h.call('admin', 'POST', release, { reason: 'again' })).statusCode).toBe(409)
    const blobsBefore = blobFiles(h.evidenceDir).length

    h.clock.advance(365 * DAY_MS)
    await h.worker.drain()
    expect(await auditOf(h, 'evidence.erased')).toHaveLength(0)

    h.clock.advance(2 * DAY_MS)
    await h.worker.drain()
    for (const caseId of [free, released]) {
      const items = await listEvidence(h, caseId)
      expect(items.every((i) => i.erasedAt !== null && !i.available)).toBe(true)
      expect(items.every((i) => i.erasureReason === 'retention period ended')).toBe(true)
      expect(items.find((i) => i.label === 'media[0]')?.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(await keyRows(items.map((i) => i.id))).toEqual([])
      const opened = await open(items[0]?.id)
      expect(opened.statusCode).toBe(404)
      expect(opened.json().error.details).toMatchObject({ reason: 'erased' })
    }
    expect(blobFiles(h.evidenceDir)).toHaveLength(blobsBefore - 12)
    const erased = await auditOf(h, 'evidence.erased')
    expect(erased).toHaveLength(12)
    expect(erased.every((e) => e.actor === 'system')).toBe(true)
    expect(erased[0]?.data).toMatchObject({ purpose: 'retention period ended' })

    const kept = await listEvidence(h, held)
    expect(kept.every((i) => i.erasedAt === null)).toBe(true)
    expect(await keyRows(kept.map((i) => i.id))).toHaveLength(6)
    expect((await open(kept.find((i) => i.label === 'media[0]')?.id)).statusCode).toBe(200)

    const active = await h.call('admin', 'GET', `/v1/legal-holds?caseId=${held}&active=true`)
    expect(active.json().holds.map((x: { id: string }) => x.id)).toEqual([heldHold.id])
    h.clock.set(heldHold.expiresAt)
    h.clock.advance(1000)
    await h.worker.drain()
    const gone = await listEvidence(h, held)
    expect(gone.every((i) => i.erasedAt !== null)).toBe(true)
    expect(await keyRows(gone.map((i) => i.id))).toEqual([])
  })

  it('refuses holds that name both or neither target, lapse in the past, or name nothing known', async () => {
    const caseId = (await caseWithMedia(h, 'illegal.fraud')).caseId
    const base = { reason: 'r', requester: 'court' }
    await hold({ ...base }, 400)
    await hold({ ...base, caseId, subjectId: crypto.randomUUID() }, 400)
    await hold({ ...base, caseId, expiresAt: later(-1) }, 400)
    await hold({ ...base, caseId: crypto.randomUUID() }, 404)
    await hold({ ...base, subjectId: crypto.randomUUID() }, 404)
  })

  it('tracks a preservation request: preserved, held past its deadline, met or overdue', async () => {
    const { caseId } = await caseWithMedia(h, 'illegal.terrorism')
    const liaison = asSession(h, await signedIn(h, 'law_enforcement_liaison'))
    const request = {
      authority: 'Metropolitan Police Service',
      reference: 'MPS-2026-77',
      caseId,
      preserveBy: later(2),
      notes: 'account and posts',
    }
    const bad = await liaison('POST', '/v1/preservation-requests', {
      ...request,
      preserveBy: later(-1),
    })
    expect(bad.statusCode).toBe(400)
    const res = await liaison('POST', '/v1/preservation-requests', request)
    expect(res.statusCode, res.body).toBe(201)
    const recorded = res.json()
    expect(recorded).toMatchObject({ status: 'pending', met: false, overdue: false })
    const holds = (await h.call('admin', 'GET', `/v1/legal-holds?caseId=${caseId}`)).json().holds
    expect(holds).toEqual([
      expect.objectContaining({
        id: recorded.holdId,
        requester: 'Metropolitan Police Service',
        expiresAt: new Date(Date.parse(request.preserveBy) + 90 * DAY_MS).toISOString(),
        active: true,
      }),
    ])
    await h.worker.drain()
    const list = await liaison('GET', `/v1/preservation-requests?caseId=${caseId}`)
    expect(list.json().requests).toEqual([
      expect.objectContaining({ id: recorded.id, status: 'preserved', met: true, overdue: false }),
    ])
    const items = await listEvidence(h, caseId)
    expect(items).toHaveLength(6)
    expect(items[0]?.reason).toBe(
      'preservation request MPS-2026-77 from Metropolitan Police Service',
    )
    expect(await auditOf(h, 'preservation_request.preserved', recorded.id)).toHaveLength(1)

    const late = await liaison('POST', '/v1/preservation-requests', {
      ...request,
      reference: 'MPS-2026-78',
      preserveBy: later(1 / 24),
    })
    h.clock.advance(2 * 3_600_000)
    const overdue = (
      await h.call('admin', 'GET', '/v1/preservation-requests?status=pending')
    ).json()
    expect(overdue.requests).toEqual([
      expect.objectContaining({ id: late.json().id, met: false, overdue: true }),
    ])
    await h.worker.drain()
    const after = (
      await h.call('admin', 'GET', `/v1/preservation-requests?caseId=${caseId}`)
    ).json()
    expect(after.requests.find((r: { id: string }) => r.id === late.json().id)).toMatchObject({
      status: 'preserved',
      met: false,
      overdue: false,
    })
    const auditor = asSession(h, await signedIn(h, 'auditor'))
    expect((await auditor('POST', '/v1/preservation-requests', request)).statusCode).toBe(403)
    expect(
      (await auditor('POST', '/v1/legal-holds', { caseId, reason: 'r', requester: 'x' }))
        .statusCode,
    ).toBe(403)
  })
})
