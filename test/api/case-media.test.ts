import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { disableConsoleUser } from '../../src/services/console-users.js'
import { postReport } from '../api-steps.js'
import { asSession, createUser, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, freshReportFields } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** A loopback server: /image.png answers the PNG, /page.html some HTML, anything else 404. */
async function startImageServer(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/image.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
    else if (req.url === '/page.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>')
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe.each(dialects())('case media on %s', (dialect) => {
  let h: TestHarness
  let image: { server: Server; base: string }
  beforeAll(async () => {
    h = await createTestHarness(dialect)
    image = await startImageServer()
  })
  afterAll(async () => {
    await closeHarness(h)
    await new Promise((resolve) => image.server.close(resolve))
  })

  /** Ingests an image post with `media` and opens a case on it by a report for `harm`. */
  async function caseWithMedia(harm: string, media: Record<string, unknown>[]): Promise<string> {
    const content = contentInput({ kind: 'image', media: media as never })
    const ingested = await h.call('platform', 'POST', '/v1/content', content)
    expect(ingested.statusCode, ingested.body).toBeLessThan(300)
    const fields = freshReportFields({ harm, subject: { id: content.id, kind: 'image' } })
    return (await postReport(h, fields)).caseId
  }

  const mediaViews = async (caseId: string) => {
    const rows = await h.ctx.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', caseId)
      .where('action', '=', 'media.viewed')
      .execute()
    return { rows }
  }

  it('serves a non-CSEA image to a moderator key, not cached, and audits the opening', async () => {
    const caseId = await caseWithMedia('illegal.harassment', [{ url: `${image.base}/image.png` }])
    const res = await h.call('moderator', 'GET', `/v1/cases/${caseId}/media/0`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['cache-control']).toBe('private, no-store')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.rawPayload.equals(PNG)).toBe(true)
    const { rows } = await mediaViews(caseId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ entity_type: 'case', actor: expect.stringMatching(/^key:/) })
    expect(rows[0]?.data).toMatchObject({ index: 0, contentType: 'image/png' })
    const view = (await h.call('moderator', 'GET', `/v1/cases/${caseId}`)).json()
    expect(view.subject.media[0]).toMatchObject({ sourceUrl: `${image.base}/image.png` })
    expect(view.subject.media[0]).not.toHaveProperty('withheld')
  })

  it('answers 404 for no such item, inline media, and what is not an image', async () => {
    const inline = { base64: PNG.toString('base64'), mimeType: 'image/png' }
    const caseId = await caseWithMedia('illegal.fraud', [
      inline,
      { url: `${image.base}/page.html` },
    ])
    for (const index of [0, 1, 2]) {
      const res = await h.call('moderator', 'GET', `/v1/cases/${caseId}/media/${index}`)
      expect(res.statusCode, `${index}: ${res.body}`).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
    const bad = await h.call('moderator', 'GET', `/v1/cases/${caseId}/media/first`)
    expect(bad.statusCode).toBe(400)
    expect((await mediaViews(caseId)).rows).toHaveLength(0)
  })

  it('opens CSEA media to a child_safety session only, never to a key, not even an admin', async () => {
    const caseId = await caseWithMedia('illegal.csea.image_csam', [
      { url: `${image.base}/image.png` },
    ])
    const url = `/v1/cases/${caseId}/media/0`
    const admin = asSession(h, await signedIn(h, 'admin'))
    const moderator = asSession(h, await signedIn(h, 'moderator'))
    const refusals = [
      await h.call('moderator', 'GET', url),
      await h.call('admin', 'GET', url),
      await admin('GET', url),
      await moderator('GET', url),
    ]
    for (const res of refusals) {
      expect(res.statusCode).toBe(403)
      expect(res.json().error).toMatchObject({
        code: 'forbidden',
        details: { reason: 'csea_media' },
      })
      expect(res.json().error.message).toMatch(/child safety/)
    }
    const adminView = (await admin('GET', `/v1/cases/${caseId}`)).json()
    expect(adminView.subject.media[0].withheld).toBe('csea')
    expect(adminView.subject.media[0]).not.toHaveProperty('sourceUrl')
    expect((await mediaViews(caseId)).rows).toHaveLength(0)

    const specialist = await signedIn(h, 'child_safety')
    const childSafety = asSession(h, specialist)
    const view = (await childSafety('GET', `/v1/cases/${caseId}`)).json()
    expect(view.subject.media[0]).not.toHaveProperty('withheld')
    const res = await childSafety('GET', url)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.rawPayload.equals(PNG)).toBe(true)
    const { rows } = await mediaViews(caseId)
    expect(rows.map((r) => r.actor)).toEqual([`user:${specialist.userId}`])
  })

  it('withholds media when only a signal, not the report, is CSEA', async () => {
    const caseId = await caseWithMedia('illegal.fraud', [{ url: `${image.base}/image.png` }])
    const found = await h.ctx.db
      .selectFrom('moderation_case')
      .select('subject_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    await h.ctx.db
      .insertInto('signal')
      .values({
        id: crypto.randomUUID(),
        subject_id: found.subject_id,
        source: 'hash',
        harm: 'illegal.csea.image_csam',
        score: 1,
        action: 'block',
        matcher: 'test',
        evidence: JSON.stringify({}),
        created_at: h.clock.now(),
      } as never)
      .execute()
    const res = await h.call('admin', 'GET', `/v1/cases/${caseId}/media/0`)
    expect(res.json().error?.details).toEqual({ reason: 'csea_media' })
  })
})

describe.each(dialects())('console preferences and assigning to a person on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('changes revealMedia with the CSRF header only, keeps it, and audits it', async () => {
    const session = await signedIn(h, 'moderator')
    const url = '/console/api/session/preferences'
    const noCsrf = await asSession(h, session, false)('PATCH', url, { revealMedia: true })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().error.details).toEqual({ reason: 'csrf' })
    const bad = await asSession(h, session)('PATCH', url, { revealMedia: 'yes' })
    expect(bad.statusCode).toBe(400)
    const res = await asSession(h, session)('PATCH', url, { revealMedia: true })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().user).toMatchObject({
      id: session.userId,
      preferences: { revealMedia: true },
    })
    const again = await asSession(h, session)('GET', '/console/api/session')
    expect(again.json().user.preferences).toEqual({ revealMedia: true })
    const audit = await h.ctx.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'console_user.preferences_changed')
      .where('entity_id', '=', session.userId)
      .execute()
    expect(audit.map((a) => a.data)).toEqual([{ preferences: { revealMedia: true } }])
    const signedOut = await h.app.inject({ method: 'PATCH', url, payload: { revealMedia: false } })
    expect(signedOut.statusCode).toBe(401)
  })

  it('assigns a case to an active console user who may decide, not to a read-only or disabled one', async () => {
    const { caseId } = await postReport(h, freshReportFields())
    const url = `/v1/cases/${caseId}/assign`
    const triage = await createUser(h, 'triage')
    const res = await h.call('admin', 'POST', url, { assignee: `user:${triage.id}` })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ assignee: `user:${triage.id}`, claimed: true })
    const auditor = await createUser(h, 'auditor')
    const readOnly = await h.call('admin', 'POST', url, { assignee: `user:${auditor.id}` })
    expect(readOnly.statusCode).toBe(400)
    expect(readOnly.json().error.details).toMatchObject({ field: 'assignee' })
    const leaver = await createUser(h, 'moderator')
    await disableConsoleUser(h.ctx, SYSTEM_ACTOR, leaver.email)
    const disabled = await h.call('admin', 'POST', url, { assignee: `user:${leaver.id}` })
    expect(disabled.statusCode).toBe(400)
    const nobody = await h.call('admin', 'POST', url, { assignee: `user:${crypto.randomUUID()}` })
    expect(nobody.statusCode).toBe(400)
  })
})
