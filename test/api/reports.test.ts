import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postDecision, postReport } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, countRows, createFlaggerWithKey, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const HOUR = 3_600_000

describe.each(dialects())('reporting through the API on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const file = (overrides: Record<string, unknown> = {}) => postReport(h, overrides)

  it('acknowledges with a reference, the queue label from the policy and the deadline (D4)', async () => {
    const receipt = await file()
    const view = (await h.call('moderator', 'GET', `/v1/cases/${receipt.caseId}`)).json()
    const queue = h.ctx.policy.queues.definitions.find((q) => q.id === view.queue)
    expect(receipt).toMatchObject({
      reference: expect.stringMatching(/^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
      status: 'received',
      queue: queue?.label,
      expectedDecisionBy: new Date(view.slaDeadline).toISOString(),
      legalDeadline: null,
      followUp: true,
    })
    const status = (await h.call('platform', 'GET', `/v1/reports/${receipt.reference}`)).json()
    expect(status).toMatchObject({ status: 'received', channel: 'api', outcome: null })
    expect(status.messages).toEqual([
      expect.objectContaining({
        kind: 'report_acknowledged',
        status: 'queued',
        subjectLine: `We got your report ${receipt.reference}`,
        body: expect.stringContaining('What could happen'),
      }),
    ])
  })

  it('records the acknowledgement as suppressed when the reporter opts out (D6)', async () => {
    const receipt = await file({ followUp: false })
    expect(receipt.followUp).toBe(false)
    const status = (await h.call('admin', 'GET', `/v1/reports/${receipt.reference}`)).json()
    expect(status.followUp).toBe(false)
    expect(status.messages.map((m: { status: string }) => m.status)).toEqual(['suppressed'])
  })

  it('sends no acknowledgement when the reporter left no id or email', async () => {
    const receipt = await file({ reporter: { kind: 'non_user' } })
    const status = (await h.call('moderator', 'GET', `/v1/reports/${receipt.reference}`)).json()
    expect(status.messages).toEqual([])
  })

  it('tells every reporter the outcome with how to appeal once the case is decided (D5)', async () => {
    const first = await file({ subject: { id: 'post-outcome', kind: 'text' } })
    const second = await file({
      subject: { id: 'post-outcome', kind: 'text' },
      reporter: { kind: 'user', id: 'user-8', email: 'second@example.org' },
      followUp: false,
    })
    expect(second.caseId).toBe(first.caseId)
    h.clock.advance(HOUR)
    const decided = await postDecision(h, first.caseId)
    const a = (await h.call('platform', 'GET', `/v1/reports/${first.reference}`)).json()
    expect(a).toMatchObject({
      status: 'decided',
      outcome: { result: 'action_taken', decisionId: decided.id, actions: ['remove'] },
    })
    const outcome = a.messages.find((m: { kind: string }) => m.kind === 'report_outcome')
    expect(outcome).toMatchObject({ status: 'queued' })
    expect(outcome.body).toContain('We acted on your report.')
    expect(outcome.body).toContain('we took it down')
    expect(outcome.body).toContain('A person made this decision.')
    expect(outcome.body).toMatch(/ask us to look again until .*2027/)
    expect(outcome.body).toContain('/appeal')
    const b = (await h.call('platform', 'GET', `/v1/reports/${second.reference}`)).json()
    const kinds = b.messages.map((m: { kind: string; status: string }) => `${m.kind}:${m.status}`)
    expect(kinds).toEqual(['report_acknowledged:suppressed', 'report_outcome:suppressed'])
  })

  it('says the content stays up when the decision takes no action', async () => {
    const receipt = await file()
    h.clock.advance(HOUR)
    await postDecision(h, receipt.caseId, { actions: [{ type: 'no_action' }] })
    const status = (await h.call('platform', 'GET', `/v1/reports/${receipt.reference}`)).json()
    expect(status.outcome.result).toBe('no_action')
    const outcome = status.messages.at(-1)
    expect(outcome.body).toContain('left the content up')
    expect(outcome.body).toContain('did not find that it breaks the law or our rules')
  })

  it('lists notices with status and time filters', async () => {
    h.clock.advance(HOUR)
    const t0 = h.clock.now().toISOString()
    const open = await file()
    const decided = await file()
    await postDecision(h, decided.caseId)
    const all = (await h.call('admin', 'GET', `/v1/reports?from=${encodeURIComponent(t0)}`)).json()
    const refs = all.reports.map((r: { reference: string }) => r.reference)
    expect(refs).toEqual(expect.arrayContaining([open.reference, decided.reference]))
    const onlyDecided = (
      await h.call('admin', 'GET', `/v1/reports?status=decided&from=${encodeURIComponent(t0)}`)
    ).json()
    expect(onlyDecided.reports.map((r: { reference: string }) => r.reference)).toEqual([
      decided.reference,
    ])
    expect(onlyDecided.reports[0]).not.toHaveProperty('reporterEmail')
    const before = (await h.call('admin', 'GET', `/v1/reports?to=${encodeURIComponent(t0)}`)).json()
    expect(before.reports.map((r: { reference: string }) => r.reference)).not.toContain(
      open.reference,
    )
    const bad = await h.call('admin', 'GET', '/v1/reports?status=lost')
    expect(bad.statusCode).toBe(400)
  })

  it('answers an unknown or malformed reference with 404 or 400', async () => {
    expect((await h.call('platform', 'GET', '/v1/reports/R-2222-2222')).statusCode).toBe(404)
    expect((await h.call('platform', 'GET', '/v1/reports/nope')).statusCode).toBe(400)
  })

  it("lets a trusted flagger read its own notices and no one else's", async () => {
    const flagger = await createFlaggerWithKey(h)
    const other = await createFlaggerWithKey(h)
    const own = await flagger.call('POST', '/v1/reports', reportInput())
    expect(own.statusCode, own.body).toBe(201)
    const ref = own.json().reference
    const platformReport = await file()
    const read = await flagger.call('GET', `/v1/reports/${ref}`)
    expect(read.statusCode).toBe(200)
    expect(read.json()).toMatchObject({
      flaggerId: flagger.flaggerId,
      reporterKind: 'trusted_flagger',
    })
    expect((await other.call('GET', `/v1/reports/${ref}`)).statusCode).toBe(404)
    expect((await flagger.call('GET', `/v1/reports/${platformReport.reference}`)).statusCode).toBe(
      404,
    )
    const list = (await flagger.call('GET', '/v1/reports')).json()
    expect(list.reports.map((r: { reference: string }) => r.reference)).toEqual([ref])
    expect(list.total).toBe(1)
    expect((await other.call('GET', '/v1/reports')).json().total).toBe(0)
  })

  it('audits the filing with its channel and opt-in', async () => {
    const receipt = await file({ followUp: false })
    const entry = await h.ctx.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'report.filed')
      .where('entity_id', '=', receipt.reportId)
      .executeTakeFirstOrThrow()
    expect(entry.data).toMatchObject({ channel: 'api', followUp: false })
  })

  it('refuses a notice it cannot read and stores nothing', async () => {
    const before = await countRows(h.ctx.db, ['report', 'notification'])
    const res = await h.call('platform', 'POST', '/v1/reports', reportInput({ followUp: 'no' }))
    expect(res.statusCode).toBe(400)
    expect(await countRows(h.ctx.db, ['report', 'notification'])).toEqual(before)
  })
})
