import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditActions, decideOnPost, extraKey } from '../api-steps.js'
import {
  cseaCase,
  cseaSettings,
  DECLARED,
  decideCsea,
  draftedNcaReport,
  reportsOfCase,
  reportView,
} from '../csea-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { type NcaTestServer, startNcaServer } from '../nca-server.js'

const HOUR = 3_600_000

describe.each(dialects())('CSEA reports to the NCA on %s', (dialect) => {
  let h: TestHarness
  let nca: NcaTestServer
  beforeAll(async () => {
    nca = await startNcaServer()
    h = await createTestHarness(dialect, cseaSettings(nca))
  })
  afterAll(async () => {
    await closeHarness(h)
    await nca.close()
  })

  const approve = (id: string, body: object = DECLARED) =>
    h.call('admin', 'POST', `/v1/csea-reports/${id}/approve`, body)

  it('drafts an NCA report when a decision removes CSEA content, P2 due in 24 hours', async () => {
    const { caseId } = await cseaCase(h)
    const decision = await decideCsea(h, caseId)
    const reports = await reportsOfCase(h, caseId)
    expect(reports).toHaveLength(1)
    const created = new Date(decision.createdAt).getTime()
    expect(reports[0]).toMatchObject({
      channel: 'nca',
      status: 'draft',
      priority: 'P2',
      decisionId: decision.id,
      dueAt: new Date(created + 24 * HOUR).toISOString(),
      overdue: false,
      createdBy: 'system',
      externalReference: null,
      duplicateOf: null,
    })
    expect(await auditActions(h, reports[0]?.id as string)).toEqual(['csea_report.drafted'])
    const other = await decideOnPost(h, { authorId: 'user-harass' })
    expect(await reportsOfCase(h, other.caseId)).toEqual([])
  })

  it('shows the Schedule 1 items it lacks as not available, and what it holds', async () => {
    const { report } = await draftedNcaReport(h, { image: 'bridge-mods/shrink-a-lot.jpg' })
    const missing = report.missing.map((m: { path: string }) => m.path)
    expect(missing).toEqual([
      'upload.at',
      'upload.ip',
      'upload.port',
      'exif',
      'media.url',
      'account.username',
      'account.emails',
      'account.phones',
      'account.billing',
      'account.profileUrl',
      'account.loginIps',
      'declaration',
    ])
    expect(report.declarationText).toContain('section 69 of the Online Safety Act 2023')
    const { payload } = report
    expect(payload.reporter).toEqual({
      providerName: 'Forum Example Ltd',
      ncaRegistrationId: 'NCA-REG-0001',
      contact: { name: 'Sam Safety', email: 'safety@forum.example', phone: null },
    })
    expect(payload.content).toMatchObject({
      harm: 'illegal.csea.image_csam',
      offence: 'Protection of Children Act 1978 s.1',
      kind: 'image',
    })
    const methods = payload.content.detectedBy.map((d: { method: string }) => d.method)
    expect(methods).toEqual(['user_report', 'moderator'])
    expect(payload.media[0]).toMatchObject({
      url: null,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(payload.account).toMatchObject({
      id: expect.stringMatching(/^author-csea-/),
      emails: [],
    })
    expect(payload.upload).toMatchObject({ at: null, ip: null, port: null })
    expect(payload.platform).toMatchObject({
      surface: 'public',
      contentUrl: expect.stringMatching(/^https:\/\/forum\.example\/posts\//),
    })
  })

  it('takes the account and upload details the platform attaches, checking addresses', async () => {
    const { caseId, report } = await draftedNcaReport(h, { image: 'misc-images/wee.jpg' })
    const url = `/v1/cases/${caseId}/csea-account-details`
    for (const bad of [
      { upload: { ip: '999.1.2.3' } },
      { upload: { port: 70_000 } },
      { account: { loginIps: [{ ip: 'localhost' }] } },
    ]) {
      const res = await h.call('platform', 'POST', url, bad)
      expect(res.statusCode, JSON.stringify(bad)).toBe(400)
    }
    expect((await h.call('moderator', 'POST', url, { exif: { Make: 'x' } })).statusCode).toBe(403)
    const attached = await h.call('platform', 'POST', url, {
      account: {
        username: 'groomer99',
        profileUrl: 'https://forum.example/u/groomer99',
        emails: [{ address: 'someone@mail.example', verified: true }],
        phones: [{ number: '+44 7700 900123', verified: false }],
        billing: { name: 'A Person', country: 'GB' },
        loginIps: [{ ip: '203.0.113.7', port: 50123, at: '2026-11-20T10:00:00Z' }],
      },
      upload: { at: '2026-11-21T08:00:00Z', ip: '2001:db8::5', port: 443 },
      exif: { Make: 'Canon', Model: 'EOS' },
    })
    expect(attached.statusCode, attached.body).toBe(200)
    const paths = attached.json().reports[0].missing.map((m: { path: string }) => m.path)
    expect(paths).toEqual(['media.url', 'declaration'])
    const { payload } = await reportView(h, report.id)
    expect(payload.account).toMatchObject({
      username: 'groomer99',
      emails: [{ address: 'someone@mail.example', verified: true }],
      phones: [{ number: '+44 7700 900123', verified: false }],
      loginIps: [{ ip: '203.0.113.7', port: 50123, at: '2026-11-20T10:00:00.000Z' }],
    })
    expect(payload.upload).toMatchObject({ ip: '2001:db8::5', port: 443 })
    expect(payload.exif).toEqual({ Make: 'Canon', Model: 'EOS' })
    const audit = await h.ctx.db
      .selectFrom('audit_entry')
      .select('data')
      .where('entity_id', '=', report.id)
      .where('action', '=', 'csea_report.details_attached')
      .executeTakeFirstOrThrow()
    expect(audit.data).toEqual({ caseId, channel: 'nca', sections: ['account', 'exif', 'upload'] })
  })

  it('sends an approved report through the worker and keeps the reference five years', async () => {
    const { report } = await draftedNcaReport(h, { image: 'misc-images/c.png' })
    expect((await approve(report.id, {})).statusCode).toBe(400)
    const approved = await approve(report.id)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedBy: expect.stringMatching(/^key:/),
    })
    expect(approved.json().payload.declaration).toMatchObject({ truthful: true })
    expect((await approve(report.id)).statusCode).toBe(409)
    await h.worker.drain()
    const sent = await reportView(h, report.id)
    const received = nca.received.find((r) => r.report.id === report.id)
    expect(received?.idempotencyKey).toBe(report.id)
    expect(sent).toMatchObject({
      status: 'sent',
      externalReference: expect.stringMatching(/^NCA-/),
      attempts: 1,
    })
    const until = new Date(sent.sentAt)
    until.setUTCFullYear(until.getUTCFullYear() + 5)
    expect(sent.referenceRetainUntil).toBe(until.toISOString())
    expect(await auditActions(h, report.id)).toEqual([
      'csea_report.drafted',
      'csea_report.approved',
      'csea_report.sent',
    ])
  })

  it('lists earlier references about the same account as prior reports', async () => {
    const first = await draftedNcaReport(h, { image: 'bridge-mods/aaa-orig.jpg' })
    expect((await approve(first.report.id)).statusCode).toBe(200)
    await h.worker.drain()
    const { externalReference } = await reportView(h, first.report.id)
    const second = await draftedNcaReport(h, { image: 'bridge-mods/aaa-orig.jpg' })
    const methods = second.report.payload.content.detectedBy.map(
      (d: { method: string }) => d.method,
    )
    expect(methods[0]).toBe('hash_match')
    expect(methods.slice(-2)).toEqual(['user_report', 'moderator'])
    expect(second.report.payload.priorReports).toEqual([
      expect.objectContaining({ channel: 'nca', reference: externalReference, about: 'content' }),
    ])
  })

  it('sends a P1 at once and before the other reports', async () => {
    const p2 = await draftedNcaReport(h, { image: 'bridge-mods/blur-a-little.jpg' })
    const p1 = await draftedNcaReport(h, { image: 'bridge-mods/blur-a-lot.jpg' })
    expect((await approve(p2.report.id)).statusCode).toBe(200)
    const urgent = await approve(p1.report.id, { ...DECLARED, priority: 'P1' })
    expect(urgent.json()).toMatchObject({
      priority: 'P1',
      dueAt: p1.report.createdAt,
      overdue: true,
    })
    const before = nca.received.length
    await h.worker.runOnce()
    const order = nca.received.slice(before).map((r) => r.report.id)
    expect(order).toEqual([p1.report.id, p2.report.id])
    expect(nca.received.at(-2)?.report.priority).toBe('P1')
  })

  it('marks a failed send failed with the error and retries it until it is sent', async () => {
    const { report } = await draftedNcaReport(h, { image: 'bridge-mods/high-contrast.jpg' })
    nca.failNext(503)
    expect((await approve(report.id)).statusCode).toBe(200)
    await h.worker.drain()
    const failed = await reportView(h, report.id)
    expect(failed).toMatchObject({ status: 'failed', retrying: true, attempts: 1 })
    expect(failed.lastError).toBe('the NCA endpoint answered HTTP 503: try again later')
    const early = await h.call('admin', 'POST', `/v1/csea-reports/${report.id}/send`)
    expect(early.statusCode).toBe(409)
    const deadline = Date.now() + 10_000
    while ((await reportView(h, report.id)).status !== 'sent' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      await h.worker.drain()
    }
    expect(await reportView(h, report.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    })
    expect(await auditActions(h, report.id)).toEqual([
      'csea_report.drafted',
      'csea_report.approved',
      'csea_report.failed',
      'csea_report.sent',
    ])
  })

  it('waits for a person after a permanent refusal, and sends again when asked', async () => {
    const { report } = await draftedNcaReport(h, { image: 'bridge-mods/high-saturation.jpg' })
    nca.failNext(422)
    expect((await approve(report.id)).statusCode).toBe(200)
    await h.worker.drain()
    expect(await reportView(h, report.id)).toMatchObject({ status: 'failed', retrying: false })
    const again = await h.call('admin', 'POST', `/v1/csea-reports/${report.id}/send`)
    expect(again.statusCode, again.body).toBe(202)
    await h.worker.drain()
    expect(await reportView(h, report.id)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('asks a second person to approve: not the one who decided', async () => {
    const { caseId } = await cseaCase(h, { image: 'bridge-mods/sharpen-a-lot.jpg' })
    await decideCsea(h, caseId, 'admin')
    const [report] = await reportsOfCase(h, caseId)
    const own = await approve(report?.id as string)
    expect(own.statusCode).toBe(403)
    expect(own.json().error.details).toMatchObject({ reason: 'four_eyes' })
    const other = await extraKey(h, 'admin', 'second admin')
    const res = await other('POST', `/v1/csea-reports/${report?.id}/approve`, DECLARED)
    expect(res.statusCode, res.body).toBe(200)
  })
})
