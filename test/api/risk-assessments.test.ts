import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addBank, auditActions, decideOnPost, postReport } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, freshReportFields } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { assessmentInput } from '../risk-fixtures.js'

const APPROVER = { approvedBy: { name: 'Dana Reid', role: 'Chair, Risk Committee' } }
const HATE = 'illegal.hate'

describe.each(dialects())('the risk assessment on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const create = (body: unknown) => h.call('admin', 'POST', '/v1/risk-assessments', body)
  const approve = (id: string) =>
    h.call('admin', 'POST', `/v1/risk-assessments/${id}/approve`, APPROVER)

  it('drafts, edits, approves, refuses edits, and supersedes with a new version', async () => {
    const first = await create(assessmentInput({ levels: { [HATE]: 'medium' } }))
    expect(first.statusCode, first.body).toBe(201)
    const v1 = first.json()
    expect(v1).toMatchObject({ version: 1, status: 'draft', approvedAt: null, liveEvidence: null })
    expect(v1.harms).toHaveLength(21)

    const twin = await create(assessmentInput())
    expect(twin.statusCode).toBe(409)
    expect(twin.json().error.message).toMatch(/^version 1 is already a draft: edit it/)

    const edited = assessmentInput({ levels: { [HATE]: 'high' } })
    const put = await h.call('admin', 'PUT', `/v1/risk-assessments/${v1.id}`, edited)
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json().harms.find((x: { kind: string }) => x.kind === HATE).level).toBe('high')

    const approved = await approve(v1.id)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedBy: APPROVER.approvedBy,
      approvedAt: '2026-11-22T09:00:00.000Z',
    })
    expect(approved.json().liveEvidence.kinds).toHaveLength(22)

    const late = await h.call('admin', 'PUT', `/v1/risk-assessments/${v1.id}`, edited)
    expect(late.statusCode).toBe(409)
    expect(late.json().error.message).toBe(
      'version 1 is approved: an approved version is never changed; create a new version (POST /v1/risk-assessments), which supersedes it once approved',
    )
    expect((await approve(v1.id)).statusCode).toBe(409)

    h.clock.advance(86_400_000)
    const second = await create(assessmentInput({ levels: { [HATE]: 'medium' } }))
    expect(second.json()).toMatchObject({ version: 2, status: 'draft' })
    expect((await approve(second.json().id)).statusCode).toBe(200)

    const history = (await h.call('admin', 'GET', '/v1/risk-assessments')).json().assessments
    expect(history.map((a: { version: number; status: string }) => [a.version, a.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ])
    expect(history[1]).toMatchObject({ supersededAt: '2026-11-23T09:00:00.000Z' })
    expect(history[1].levels[HATE]).toBe('high')
    expect(await auditActions(h, v1.id)).toEqual([
      'risk_assessment.drafted',
      'risk_assessment.edited',
      'risk_assessment.approved',
      'risk_assessment.superseded',
    ])
  })

  it('has the database refuse to change an approved version or delete any', async () => {
    const history = (await h.call('admin', 'GET', '/v1/risk-assessments')).json().assessments
    const [current, old] = history as { id: string }[]
    await expect(
      sql`update risk_assessment set notes = 'rewritten' where id = ${current?.id}`.execute(
        h.ctx.db,
      ),
    ).rejects.toThrow(/never changed in place/)
    await expect(
      sql`delete from risk_assessment where id = ${old?.id}`.execute(h.ctx.db),
    ).rejects.toThrow(/kept for at least 3 years/)
    const rows = await sql<{ n: number }>`select count(*)::int as n from risk_assessment`.execute(
      h.ctx.db,
    )
    expect(rows.rows[0]?.n).toBe(2)
  })

  it('refuses to approve before the Risk Profiles are consulted, naming why', async () => {
    const input = assessmentInput()
    input.riskProfilesConsulted = { consulted: false }
    const draft = (await create(input)).json()
    const res = await approve(draft.id)
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({
      code: 'invalid_input',
      details: {
        problems: [
          'the Risk Profiles must be consulted (step 1) before the assessment is approved',
        ],
      },
    })
    const edited = await h.call(
      'admin',
      'PUT',
      `/v1/risk-assessments/${draft.id}`,
      assessmentInput(),
    )
    expect(edited.statusCode).toBe(200)
    expect((await approve(draft.id)).statusCode).toBe(200)
  })

  it('refuses an incomplete assessment with every problem named', async () => {
    const input = assessmentInput()
    input.harms = input.harms.filter((x) => x.kind !== 'illegal.fraud')
    const res = await create(input)
    expect(res.statusCode).toBe(400)
    expect(JSON.stringify(res.json().error.details)).toContain('missing: 11 illegal.fraud')
  })
})

describe.each(dialects())('live evidence in the assessment on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('counts reports, detections and restrictions per kind over two years, with the trend', async () => {
    h.clock.set('2025-06-01T12:00:00Z')
    for (let i = 0; i < 2; i += 1) await postReport(h, freshReportFields({ harm: HATE }))
    h.clock.set('2026-10-01T12:00:00Z')
    for (let i = 0; i < 3; i += 1) await postReport(h, freshReportFields({ harm: HATE }))
    await decideOnPost(h, { authorId: 'poster-9', harm: 'illegal.csea.grooming' })
    await addBank(h, { name: 'hate-words', kind: 'keyword', harm: HATE, action: 'review' }, [
      'vermin-word',
    ])
    const ingested = await h.call('platform', 'POST', '/v1/content', {
      ...contentInput({ text: 'they are vermin-word, all of them' }),
    })
    expect(ingested.json().signals).toHaveLength(1)
    h.clock.set('2026-11-22T09:00:00Z')
    const draft = (await h.call('admin', 'POST', '/v1/risk-assessments', assessmentInput())).json()
    const preview = (await h.call('admin', 'GET', `/v1/risk-assessments/${draft.id}`)).json()
    expect(preview.liveEvidenceAsOf).toBe('now')
    await h.call('admin', 'POST', `/v1/risk-assessments/${draft.id}/approve`, APPROVER)

    const exported = (await h.call('admin', 'GET', `/v1/risk-assessments/${draft.id}`)).json()
    expect(exported.liveEvidenceAsOf).toBe('approval')
    const kind = (id: string) =>
      exported.liveEvidence.kinds.find((k: { kind: string }) => k.kind === id)
    expect(kind(HATE)).toMatchObject({
      reports: { current: 3, previous: 2 },
      detections: { current: 1, previous: 0 },
      restricted: { current: 0, previous: 0 },
      trend: 'up',
      trendText: 'up: 2 → 4 reports and detections (+100%)',
    })
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    expect([total(kind(HATE).periods.slice(0, 12)), total(kind(HATE).periods.slice(12))]).toEqual([
      2, 4,
    ])
    // CSEA (row 2) counts its sub-kinds; the grooming row its own.
    for (const id of ['illegal.csea', 'illegal.csea.grooming']) {
      expect(kind(id)).toMatchObject({ reports: { current: 1 }, restricted: { current: 1 } })
    }
    expect(kind('illegal.csea.image_csam')).toMatchObject({
      trend: 'flat',
      reports: { current: 0 },
    })
  })

  it('exports a self-contained HTML page that escapes what people typed', async () => {
    const input = assessmentInput({
      profile: { serviceName: '<script>alert("x")</script> & Co' },
    })
    input.notes = '<img src=x onerror=alert(1)>'
    const draft = (await h.call('admin', 'POST', '/v1/risk-assessments', input)).json()
    const res = await h.call('admin', 'GET', `/v1/risk-assessments/${draft.id}?format=html`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co')
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(res.body).not.toContain('<script')
    expect(res.body).not.toContain('<img')
    expect(res.body).toContain('<svg class="trend"')
    expect(res.body).toContain('Step 4: review and update — version history')
  })
})
