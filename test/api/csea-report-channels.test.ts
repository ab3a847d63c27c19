import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditActions, openCase } from '../api-steps.js'
import { asSession, signedIn } from '../console-steps.js'
import {
  CSEA_POLICY,
  cseaCase,
  cseaSettings,
  DECLARED,
  decideCsea,
  reportsOfCase,
  reportView,
  testImage,
} from '../csea-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { type NcaTestServer, startNcaServer } from '../nca-server.js'
import { type NcmecTestServer, startNcmecServer } from '../ncmec-server.js'

const BOTH = { cseaReporting: { ...CSEA_POLICY.cseaReporting, channels: ['nca', 'ncmec'] } }

describe.each(dialects())('CSEA reports through NCA and NCMEC on %s', (dialect) => {
  let h: TestHarness
  let nca: NcaTestServer
  let ncmec: NcmecTestServer
  beforeAll(async () => {
    nca = await startNcaServer()
    ncmec = await startNcmecServer()
    h = await createTestHarness(dialect, {
      ...cseaSettings(nca, BOTH),
      VIGIL_NCMEC_URL: ncmec.url,
      VIGIL_NCMEC_USERNAME: ncmec.username,
      VIGIL_NCMEC_PASSWORD: ncmec.password,
    })
  })
  afterAll(async () => {
    await closeHarness(h)
    await nca.close()
    await ncmec.close()
  })

  const byChannel = async (caseId: string) => {
    const reports = await reportsOfCase(h, caseId)
    return Object.fromEntries(reports.map((r) => [r.channel, r])) as Record<string, { id: string }>
  }

  it('flags an NCA report that duplicates an NCMEC one and sends it only with a reason', async () => {
    const { caseId } = await cseaCase(h, { image: 'bridge-mods/square-128x128.jpg' })
    await decideCsea(h, caseId)
    const { nca: ncaReport, ncmec: ncmecReport } = await byChannel(caseId)
    const view = await reportView(h, ncaReport?.id as string)
    expect(view).toMatchObject({
      duplicateOf: ncmecReport?.id,
      duplicate: { id: ncmecReport?.id, channel: 'ncmec', status: 'draft' },
    })
    const url = `/v1/csea-reports/${ncaReport?.id}/approve`
    const refused = await h.call('admin', 'POST', url, DECLARED)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.details).toMatchObject({
      reason: 'duplicate',
      duplicateOf: ncmecReport?.id,
    })
    expect(refused.json().error.message).toContain('not to duplicate reports made to NCMEC')
    const reason = 'The NCA asked us for this report directly under a production order.'
    const overridden = await h.call('admin', 'POST', url, {
      ...DECLARED,
      duplicateOverride: { reason },
    })
    expect(overridden.statusCode, overridden.body).toBe(200)
    expect(overridden.json()).toMatchObject({ status: 'approved', overrideReason: reason })
  })

  it('finds a duplicate by media hash on another case', async () => {
    const first = await cseaCase(h, { image: 'bridge-mods/square-256x256.jpg' })
    const drafted = await h.call('admin', 'POST', '/v1/csea-reports', {
      caseId: first.caseId,
      channel: 'ncmec',
    })
    expect(drafted.statusCode, drafted.body).toBe(201)
    const again = await h.call('admin', 'POST', '/v1/csea-reports', {
      caseId: first.caseId,
      channel: 'ncmec',
    })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(drafted.json().id)
    const second = await cseaCase(h, { image: 'bridge-mods/square-256x256.jpg' })
    const ncaDraft = await h.call('admin', 'POST', '/v1/csea-reports', {
      caseId: second.caseId,
      channel: 'nca',
      priority: 'P3',
    })
    expect(ncaDraft.statusCode, ncaDraft.body).toBe(201)
    expect(ncaDraft.json()).toMatchObject({ priority: 'P3', duplicateOf: drafted.json().id })
    expect(ncaDraft.json().duplicate).toMatchObject({ channel: 'ncmec', status: 'draft' })
  })

  it('files an approved NCMEC report with the preserved file and stores its id', async () => {
    const image = Buffer.from(testImage('bridge-mods/square-512x512.jpg'), 'base64')
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(image),
    )
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
    const mediaUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/photo.jpg`
    const { caseId } = await cseaCase(h, { mediaUrl })
    await decideCsea(h, caseId)
    await h.worker.drain()
    server.close()
    const { ncmec: report } = await byChannel(caseId)
    const url = `/v1/csea-reports/${report?.id}/approve`
    expect((await h.call('admin', 'POST', url, DECLARED)).statusCode).toBe(200)
    await h.worker.drain()
    const sent = await reportView(h, report?.id as string)
    expect(sent).toMatchObject({
      status: 'sent',
      externalReference: expect.stringMatching(/^\d+$/),
    })
    const filed = ncmec.reports.get(sent.externalReference)
    expect(filed?.state).toBe('finished')
    expect(filed?.xml).toContain('Child Pornography')
    expect(filed?.files.map((f) => f.bytes.equals(image))).toEqual([true])
    const custody = await h.ctx.db
      .selectFrom('audit_entry')
      .select('data')
      .where('action', '=', 'evidence.viewed')
      .execute()
    expect(custody.map((c) => c.data.purpose)).toContain(
      `sent to NCMEC with CSEA report ${report?.id}`,
    )
  })

  it('retracts the unsent reports of a reversed decision', async () => {
    const { caseId } = await cseaCase(h, { image: 'bridge-mods/shrink-a-little.jpg' })
    const decision = await decideCsea(h, caseId)
    const reversed = await h.call('moderator', 'POST', `/v1/decisions/${decision.id}/reverse`, {
      reasons: 'On a second look the image is not of a child.',
    })
    expect(reversed.statusCode, reversed.body).toBe(201)
    for (const report of await reportsOfCase(h, caseId)) {
      expect(report.status).toBe('retracted')
      expect(await auditActions(h, report.id as string)).toEqual([
        'csea_report.drafted',
        'csea_report.retracted',
      ])
    }
  })

  it('drafts by hand only for a case about child sexual abuse', async () => {
    const { caseId } = await openCase(h)
    const res = await h.call('admin', 'POST', '/v1/csea-reports', { caseId, channel: 'nca' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toContain('not about child sexual abuse')
  })

  it('is for admin keys and the console roles admin and child_safety only', async () => {
    const { caseId } = await cseaCase(h, { image: 'bridge-mods/sharpen-a-little.jpg' })
    await decideCsea(h, caseId)
    const { nca: report } = await byChannel(caseId)
    for (const role of ['moderator', 'platform', 'trusted_flagger'] as const) {
      expect((await h.call(role, 'GET', '/v1/csea-reports')).statusCode, role).toBe(403)
    }
    const moderator = asSession(h, await signedIn(h, 'moderator'))
    const refused = await moderator('GET', '/v1/csea-reports')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.details).toMatchObject({ reason: 'role' })
    const childSafety = asSession(h, await signedIn(h, 'child_safety'))
    expect((await childSafety('GET', `/v1/csea-reports/${report?.id}`)).statusCode).toBe(200)
    const approved = await childSafety('POST', `/v1/csea-reports/${report?.id}/approve`, {
      ...DECLARED,
      duplicateOverride: { reason: 'Both authorities asked for this report.' },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().approvedBy).toMatch(/^user:/)
  })
})

describe.each(dialects())('CSEA reports with nowhere to send on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('drafts, lists the missing provider details, and refuses to approve', async () => {
    const { caseId } = await cseaCase(h)
    await decideCsea(h, caseId)
    const [report] = await reportsOfCase(h, caseId)
    const view = await reportView(h, report?.id as string)
    const paths = view.missing.map((m: { path: string }) => m.path)
    expect(paths).toEqual(
      expect.arrayContaining(['reporter.providerName', 'reporter.ncaRegistrationId']),
    )
    const res = await h.call('admin', 'POST', `/v1/csea-reports/${report?.id}/approve`, DECLARED)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details).toMatchObject({ reason: 'not_configured', channel: 'nca' })
  })
})
