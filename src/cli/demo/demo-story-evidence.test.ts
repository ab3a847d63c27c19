import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../../test/dialects.js'
import { createTestHarness, type TestHarness } from '../../../test/harness.js'
import { type DemoSummary, loadDemoData } from './demo-data.js'
import { CSAM_STAND_INS } from './demo-story-evidence.js'

interface Item {
  label: string
  sha256: string | null
  preservedAt: string
}

interface Request {
  reference: string
  caseId: string
  status: string
  met: boolean
  overdue: boolean
}

// @NOTE The demo's story of issues 6 and 7 (demo-story-evidence.ts, demo-story-compliance.ts),
// read back through the API the console calls. PostgreSQL without VIGIL_EVIDENCE_KEYS keeps no
// evidence, so there the story places its hold but records no preservation request.

describe.each(dialects())('the demo story of evidence, CSEA and compliance on %s', (dialect) => {
  let h: TestHarness
  let summary: DemoSummary
  let preserving: boolean
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    preserving = h.ctx.evidence.keyring !== undefined
    summary = await loadDemoData(h.ctx, { subjects: 10 })
  })
  afterAll(async () => {
    await h.close()
  })

  async function caseOf(externalId: string): Promise<string> {
    const row = await h.ctx.db
      .selectFrom('moderation_case')
      .innerJoin('subject', 'subject.id', 'moderation_case.subject_id')
      .select('moderation_case.id')
      .where('subject.external_id', '=', externalId)
      .executeTakeFirstOrThrow()
    return row.id
  }

  async function evidenceOf(caseId: string): Promise<Item[]> {
    const res = await h.call('admin', 'GET', `/v1/cases/${caseId}/evidence`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json().items
  }

  it('blocks the stand-in CSAM upload and preserves the copy sealed at ingest when it is removed', async () => {
    const caseId = await caseOf('forum-image-960')
    const view = (await h.call('admin', 'GET', `/v1/cases/${caseId}`)).json()
    expect(view.subject.verdict).toBe('block')
    expect(view.decisions.map((d: { harm: string }) => d.harm)).toEqual(['illegal.csea.image_csam'])
    const items = await evidenceOf(caseId)
    if (!preserving) return expect(items).toEqual([])
    const sha256 = createHash('sha256')
      .update(CSAM_STAND_INS[0] as Buffer)
      .digest('hex')
    const media = items.find((i) => i.label === 'media[0]')
    expect(media?.sha256).toBe(sha256)
    expect(items.map((i) => i.label)).toEqual(
      expect.arrayContaining(['subject', 'signals', 'decisions']),
    )
  })

  it('drafts an NCA report with the platform’s details, naming the Schedule 1 items it lacks', async () => {
    const caseId = await caseOf('forum-image-960')
    const list = (await h.call('admin', 'GET', `/v1/csea-reports?caseId=${caseId}`)).json()
    expect(list.reports).toHaveLength(1)
    expect(list.reports[0]).toMatchObject({ channel: 'nca', status: 'draft', approvedAt: null })
    const report = (await h.call('admin', 'GET', `/v1/csea-reports/${list.reports[0].id}`)).json()
    const missing = report.missing.map((m: { path: string }) => m.path)
    expect(missing).toEqual(expect.arrayContaining(['account.phones', 'exif', 'declaration']))
    expect(missing).not.toContain('account.username')
    expect(missing).not.toContain('upload.ip')
    const drafts = (await h.call('admin', 'GET', '/v1/csea-reports?status=draft')).json()
    expect(summary.cseaDrafts).toBe(drafts.total)
  })

  it('preserves a decided threat at the moment of the decision', async () => {
    const caseId = await caseOf('forum-post-962')
    const decision = (await h.call('admin', 'GET', `/v1/cases/${caseId}`)).json().decisions[0]
    const items = await evidenceOf(caseId)
    if (!preserving) return expect(items).toEqual([])
    expect(items.map((i) => i.preservedAt)).toContain(decision.createdAt)
    expect(summary.evidence.preservations).toBeGreaterThan(2)
  })

  it('holds the terrorism case until released, and meets one preservation request', async () => {
    const holds = (await h.call('admin', 'GET', '/v1/legal-holds?active=true')).json().holds
    const terror = await caseOf('forum-image-961')
    expect(holds).toContainEqual(
      expect.objectContaining({ caseId: terror, expiresAt: null, active: true }),
    )
    const requests: Request[] = (await h.call('admin', 'GET', '/v1/preservation-requests')).json()
      .requests
    if (!preserving) return expect(requests).toEqual([])
    expect(requests.map((r) => [r.reference, r.status, r.met, r.overdue]).sort()).toEqual([
      ['NPPU/2026/0412', 'preserved', true, false],
      ['NSMH-2026-1187', 'pending', false, false],
    ])
    expect(summary.evidence).toMatchObject({ holds: 1, requestsMet: 1, requestsPending: 1 })
    await h.worker.drain()
    const later: Request[] = (await h.call('admin', 'GET', '/v1/preservation-requests')).json()
      .requests
    expect(later.map((r) => r.met)).toEqual([true, true])
  })

  it('approves a risk assessment whose matrix shows measures met, gaps and an alternative', async () => {
    const { assessments } = (await h.call('admin', 'GET', '/v1/risk-assessments')).json()
    expect(assessments).toHaveLength(1)
    expect(assessments[0]).toMatchObject({ version: 1, status: 'approved' })
    expect(assessments[0].levels).toMatchObject({
      'illegal.hate': 'medium',
      'illegal.drugs': 'low',
    })
    const res = await h.call('admin', 'GET', '/v1/compliance/measures')
    expect(res.statusCode, res.body).toBe(200)
    const matrix = res.json()
    const owed = matrix.measures.filter((m: { owed: boolean }) => m.owed)
    const statuses = owed.map((m: { status: { status: string } }) => m.status.status)
    expect(statuses).toEqual(expect.arrayContaining(['met', 'partly', 'not_met']))
    expect(matrix.applicability).toMatchObject({
      large: { value: false },
      multiRisk: { value: true },
    })
    expect(matrix.gaps.length).toBeGreaterThan(0)
    const d2 = matrix.measures.find((m: { key: string }) => m.key === 'ICU D2')
    expect(d2.alternatives).toHaveLength(1)
    expect(summary.compliance).toEqual({ assessmentVersion: 1, alternatives: 1 })
  })
})
