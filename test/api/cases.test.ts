import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy.js'
import { dialects } from '../dialects.js'
import { closeHarness, decisionInput, INTIMATE_DECLARATIONS, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

interface CaseSummary {
  id: string
  status: string
  queue: string
  priority: number
  slaDeadline: string
  createdAt: string
}

describe.each(dialects())('cases on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  let subjects = 0
  function subject(overrides: Record<string, unknown> = {}) {
    subjects += 1
    return { id: `case-subject-${subjects}`, kind: 'text', text: 'something', ...overrides }
  }

  async function file(
    harm: string,
    options: { role?: 'platform' | 'trusted_flagger'; subject?: Record<string, unknown> } = {},
  ): Promise<{ caseId: string; reference: string; queue: string; expectedDecisionBy: string }> {
    const res = await h.call(
      options.role ?? 'platform',
      'POST',
      '/v1/reports',
      reportInput({
        harm,
        subject: options.subject ?? subject(),
        // An intimate-image report needs the OSA s.20 declarations.
        ...(harm === 'illegal.intimate_image_abuse' ? { declarations: INTIMATE_DECLARATIONS } : {}),
      }),
    )
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }

  async function list(query = ''): Promise<CaseSummary[]> {
    const res = await h.call('moderator', 'GET', `/v1/cases?limit=200${query}`)
    expect(res.statusCode).toBe(200)
    return res.json().cases
  }

  async function view(id: string) {
    const res = await h.call('moderator', 'GET', `/v1/cases/${id}`)
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  it('lists open cases by priority, then oldest first', async () => {
    const fraudOld = await file('illegal.fraud')
    h.clock.advance(60_000)
    const threat = await file('illegal.harassment.threat_to_life')
    h.clock.advance(60_000)
    const fraudNew = await file('illegal.fraud')
    h.clock.advance(60_000)
    const bullying = await file('children_priority.bullying')
    const mine = new Set([fraudOld.caseId, threat.caseId, fraudNew.caseId, bullying.caseId])
    const order = (await list()).filter((c) => mine.has(c.id)).map((c) => c.id)
    expect(order).toEqual([threat.caseId, fraudOld.caseId, fraudNew.caseId, bullying.caseId])
    const cases = await list()
    for (let i = 1; i < cases.length; i += 1) {
      const [a, b] = [cases[i - 1] as CaseSummary, cases[i] as CaseSummary]
      expect(
        a.priority > b.priority || (a.priority === b.priority && a.createdAt <= b.createdAt),
      ).toBe(true)
    }
  })

  it('routes a report to its queue with the SLA deadline in the receipt', async () => {
    const opened = new Date(h.clock.now())
    const csea = await file('illegal.csea.grooming')
    const c = await view(csea.caseId)
    expect(c).toMatchObject({ queue: 'child_safety', status: 'open', overdue: false })
    expect(c.slaDeadline).toBe(new Date(opened.getTime() + 3_600_000).toISOString())
    expect(c.slaRemainingSeconds).toBe(3600)
    expect(csea.queue).toBe('Child safety')
    expect(csea.expectedDecisionBy).toBe(c.slaDeadline)
    const flagged = await file('illegal.fraud', { role: 'trusted_flagger' })
    expect((await view(flagged.caseId)).queue).toBe('trusted_flaggers')
  })

  it('shows a case as overdue once its deadline has passed', async () => {
    const { caseId } = await file('illegal.terrorism')
    h.clock.advance(3_600_000 + 1_000)
    const c = await view(caseId)
    expect(c.overdue).toBe(true)
    expect(c.slaRemainingSeconds).toBe(-1)
  })

  it('filters by status and by queue', async () => {
    const open = await file('illegal.intimate_image_abuse')
    const decided = await file('illegal.intimate_image_abuse')
    const res = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${decided.caseId}/decisions`,
      decisionInput({ harm: 'illegal.intimate_image_abuse' }),
    )
    expect(res.statusCode).toBe(201)
    const openCases = await list('&status=open')
    expect(openCases.every((c) => c.status === 'open')).toBe(true)
    expect(openCases.map((c) => c.id)).toContain(open.caseId)
    expect(openCases.map((c) => c.id)).not.toContain(decided.caseId)
    const decidedCases = await list('&status=decided')
    expect(decidedCases.every((c) => c.status === 'decided')).toBe(true)
    expect(decidedCases.map((c) => c.id)).toContain(decided.caseId)
    expect(decidedCases.map((c) => c.id)).not.toContain(open.caseId)
    const queue = await list('&queue=intimate_images')
    expect(queue.map((c) => c.id).sort()).toEqual([open.caseId, decided.caseId].sort())
    const both = await h.call('moderator', 'GET', '/v1/cases?status=open&queue=intimate_images')
    expect(both.json()).toMatchObject({ total: 1, cases: [{ id: open.caseId }] })
  })

  it('pages with limit and offset and gives the total', async () => {
    const all = await h.call('moderator', 'GET', '/v1/cases?limit=200')
    const total = all.json().total
    expect(total).toBe(all.json().cases.length)
    const page = await h.call('moderator', 'GET', '/v1/cases?limit=2&offset=1')
    expect(page.json().total).toBe(total)
    expect(page.json().cases.map((c: CaseSummary) => c.id)).toEqual(
      all
        .json()
        .cases.slice(1, 3)
        .map((c: CaseSummary) => c.id),
    )
  })

  it('joins a second report on the same subject to the open case', async () => {
    const target = subject()
    const first = await file('illegal.hate', { subject: target })
    const second = await file('illegal.hate', { subject: target })
    expect(second.caseId).toBe(first.caseId)
    const c = await view(first.caseId)
    expect(c.reports.map((r: { reference: string }) => r.reference).sort()).toEqual(
      [first.reference, second.reference].sort(),
    )
  })

  it('opens a new case for a subject whose case was decided', async () => {
    const target = subject()
    const first = await file('illegal.hate', { subject: target })
    const decided = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${first.caseId}/decisions`,
      decisionInput({ harm: 'illegal.hate' }),
    )
    expect(decided.statusCode).toBe(201)
    const again = await file('illegal.hate', { subject: target })
    expect(again.caseId).not.toBe(first.caseId)
  })

  it('raises priority, queue and deadline for a more severe report, never lowers them', async () => {
    const target = subject()
    const opened = h.clock.now()
    const first = await file('illegal.fraud', { subject: target })
    const before = await view(first.caseId)
    expect(before).toMatchObject({ queue: 'general' })
    h.clock.advance(10 * 60_000)
    await file('illegal.terrorism', { subject: target })
    const raised = await view(first.caseId)
    expect(raised.priority).toBeGreaterThan(before.priority)
    expect(raised.queue).toBe('terrorism')
    expect(raised.slaDeadline).toBe(new Date(opened.getTime() + 3_600_000).toISOString())
    await file('children_priority.bullying', { subject: target })
    const after = await view(first.caseId)
    expect(after).toMatchObject({
      priority: raised.priority,
      queue: 'terrorism',
      slaDeadline: raised.slaDeadline,
    })
  })

  it('keeps a CSEA case in child_safety when another report raises it', async () => {
    const target = subject()
    const csea = await file('illegal.csea', { subject: target })
    await file('illegal.terrorism', { subject: target, role: 'trusted_flagger' })
    expect(await view(csea.caseId)).toMatchObject({ harm: 'illegal.csea', queue: 'child_safety' })
  })

  it('answers a decision on an unknown case with 404 not_found', async () => {
    const id = crypto.randomUUID()
    const res = await h.call('moderator', 'POST', `/v1/cases/${id}/decisions`, decisionInput())
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toMatchObject({ code: 'not_found', details: { entity: 'case', id } })
    const get = await h.call('moderator', 'GET', `/v1/cases/${id}`)
    expect(get.statusCode).toBe(404)
  })

  it('refuses geo_restrict without territories with 400, and accepts it with them', async () => {
    const { caseId } = await file('illegal.hate')
    const url = `/v1/cases/${caseId}/decisions`
    const refused = await h.call(
      'moderator',
      'POST',
      url,
      decisionInput({ harm: 'illegal.hate', actions: [{ type: 'geo_restrict' }] }),
    )
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toMatchObject({ code: 'invalid_input' })
    expect((await view(caseId)).status).toBe('open')
    const accepted = await h.call(
      'moderator',
      'POST',
      url,
      decisionInput({
        harm: 'illegal.hate',
        actions: [{ type: 'geo_restrict', territories: ['DE', 'FR'] }],
      }),
    )
    expect(accepted.statusCode).toBe(201)
    expect(accepted.json()).toMatchObject({
      caseId,
      actions: [{ type: 'geo_restrict', territories: ['DE', 'FR'] }],
    })
    expect((await view(caseId)).status).toBe('decided')
  })

  it('lists the harm taxonomy', async () => {
    const res = await h.call('trusted_flagger', 'GET', '/v1/taxonomy')
    expect(res.statusCode).toBe(200)
    const harms: { id: string; dsaCategory: string }[] = res.json().harms
    expect(harms.map((n) => n.id)).toEqual(DEFAULT_TAXONOMY.nodes.map((n) => n.id))
    expect(harms.find((n) => n.id === 'illegal.csea')).toMatchObject({
      dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
      severity: 5,
    })
  })

  it('publishes /v1/content and the other paths in openapi.json', async () => {
    const res = await h.call('none', 'GET', '/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(doc.paths['/v1/content']).toHaveProperty('post')
    expect(doc.paths['/v1/content'].post.requestBody.content).toHaveProperty('application/json')
    expect(doc.paths['/v1/cases/{id}/decisions']).toHaveProperty('post')
  })
})
