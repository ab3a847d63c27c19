import { createHash } from 'node:crypto'
import type { Response } from 'light-my-request'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postDecision, postForm } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, expectNothingStored, INTIMATE_DECLARATIONS } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const TABLES = ['report', 'subject', 'moderation_case', 'notification', 'signal'] as const

function goodAnswers(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'text',
    surface: 'public',
    urls: `https://forum.example/posts/${crypto.randomUUID()}`,
    reason: 'illegal.hate',
    explanation: 'This post tells people to hate my neighbours because of their religion.',
    name: 'Sam Taylor',
    email: 'sam@example.org',
    followUp: 'yes',
    goodFaith: 'yes',
    ...overrides,
  }
}

describe.each(dialects())('the public report page on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  const post = (path: string, answers: Record<string, string>) => postForm(h, path, answers)

  /** Where a sent form redirected: the status page, its report's reference and token. */
  function statusLinkOf(res: Response) {
    const location = new URL(String(res.headers.location), 'http://vigil.test')
    const reference = location.pathname.split('/').at(-1) as string
    return { location, reference, token: location.searchParams.get('token') as string }
  }

  const storesNothing = (send: () => Promise<Response>) =>
    expectNothingStored(h.ctx.db, TABLES, send)

  it('serves a page anyone can open and embed, prefilled by the report button', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/report?subject=post-991&kind=image&url=https%3A%2F%2Fforum.example%2Fp%2F991&surface=private',
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.headers['content-security-policy']).toContain('frame-ancestors *')
    expect(res.headers['x-frame-options']).toBeUndefined()
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.body).toContain('<html lang="en">')
    expect(res.body.match(/<h1>/g)).toHaveLength(1)
    expect(res.body).toContain('href="#main"')
    expect(res.body).not.toContain('<script')
    expect(res.body).toContain('<input type="hidden" name="subject" value="post-991">')
    expect(res.body).toContain('https://forum.example/p/991</textarea>')
    expect(res.body).toMatch(/value="private" checked/)
    expect(res.body).toContain('Sexual pictures or videos of a child')
    expect(res.body).not.toContain('value="illegal.intimate_image_abuse"')
  })

  it('stores the report, acknowledges it and keeps only the hash of the status token', async () => {
    const res = await post('/report', goodAnswers())
    expect(res.statusCode).toBe(303)
    const { location, reference, token } = statusLinkOf(res)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const row = await h.ctx.db
      .selectFrom('report')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      channel: 'public_page',
      follow_up: true,
      reporter_email: 'sam@example.org',
      status_token_hash: createHash('sha256').update(token).digest('hex'),
    })
    expect(row.reporter_address).toMatch(/^[0-9a-f]{64}$/)
    const ack = await h.app.inject({ method: 'GET', url: `${location.pathname}${location.search}` })
    expect(ack.statusCode).toBe(200)
    expect(ack.headers['cache-control']).toBe('no-store')
    expect(ack.body).toContain('Thank you. We got your report')
    expect(ack.body).toContain(reference)
    expect(ack.body).toContain('We aim to decide by')
    expect(ack.body).toContain('What could happen')
    expect(ack.body).toContain(`/report/status/${reference}?token=${token}`)
  })

  it('takes a report about a private message with no link, and an anonymous child-abuse report', async () => {
    const message = await post(
      '/report',
      goodAnswers({
        kind: 'message',
        surface: 'private',
        urls: '',
        where: 'From @bully99 on 3 May',
      }),
    )
    expect(message.statusCode).toBe(303)
    const anonymous = await post(
      '/report',
      goodAnswers({ reason: 'illegal.csea.grooming', name: '', email: '', followUp: '' }),
    )
    expect(anonymous.statusCode).toBe(303)
    const rows = await h.ctx.db
      .selectFrom('report')
      .innerJoin('subject', 'subject.id', 'report.subject_id')
      .select(['report.harm', 'report.explanation', 'subject.surface', 'report.reporter_email'])
      .where('report.channel', '=', 'public_page')
      .orderBy('report.created_at')
      .execute()
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          surface: 'private',
          explanation: expect.stringContaining('Where to find it: From @bully99 on 3 May'),
        }),
        expect.objectContaining({ harm: 'illegal.csea.grooming', reporter_email: null }),
      ]),
    )
  })

  it('answers an empty form with a message per field, status 400 and nothing stored', async () => {
    const res = await storesNothing(() => post('/report', {}))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('<title>Error: Report something</title>')
    for (const message of [
      'Choose what you are reporting',
      'Choose where you saw it',
      'Enter the web address (link) of what you are reporting',
      'Choose why you are reporting it',
      'Tell us what is wrong with it',
      'Enter your name',
      'Enter your email address',
      'Tick the box to say that what you told us is true',
    ]) {
      expect(res.body).toContain(message)
    }
    expect(res.body).toContain('<a href="#kind">')
    expect(res.body).toMatch(
      /id="explanation" name="explanation" aria-describedby="explanation-hint explanation-error" aria-invalid="true"/,
    )
  })

  it('keeps the answers and explains a too-long text, a bad address and a bad email', async () => {
    const answers = goodAnswers({
      explanation: `<script>alert(1)</script>${'x'.repeat(4100)}`,
      urls: 'javascript:alert(1)',
      email: 'not-an-email',
    })
    const res = await storesNothing(() => post('/report', answers))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Use 4,000 characters or fewer (you used 4,125)')
    expect(res.body).toContain('is not a full web address')
    expect(res.body).toContain('Enter a real email address')
    expect(res.body).not.toContain('<script>alert(1)</script>')
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(res.body).toContain('value="Sam Taylor"')
  })

  it('sends intimate-image reports to their own form', async () => {
    const res = await storesNothing(() =>
      post('/report', goodAnswers({ reason: 'illegal.intimate_image_abuse' })),
    )
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('use the form for intimate pictures')
  })

  it('takes an intimate-image report with the declarations and shows the 48-hour duty', async () => {
    const res = await post('/report/intimate-image', {
      kind: 'image',
      surface: 'public',
      urls: 'https://forum.example/img/77',
      intimateImage: 'yes',
      personShownOrActingForThem: 'yes',
      goodFaith: 'yes',
      name: 'Alex',
      email: 'alex@example.org',
      followUp: 'yes',
    })
    expect(res.statusCode).toBe(303)
    const status = await h.app.inject({ method: 'GET', url: String(res.headers.location) })
    expect(status.body).toContain('The law says we must act by')
    expect(status.body).toContain('Tuesday, 24 November 2026 at 09:00')
    const row = await h.ctx.db
      .selectFrom('report')
      .select(['declarations', 'harm'])
      .where('harm', '=', 'illegal.intimate_image_abuse')
      .executeTakeFirstOrThrow()
    expect(row.declarations).toEqual(INTIMATE_DECLARATIONS)
  })

  it('refuses an intimate-image report missing a declaration, naming each', async () => {
    const res = await storesNothing(() =>
      post('/report/intimate-image', {
        kind: 'video',
        surface: 'public',
        urls: 'https://forum.example/img/78',
        intimateImage: 'yes',
        name: 'Alex',
        email: 'alex@example.org',
      }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain(
      'Tick the box to say you are the person in it, or you are reporting for them',
    )
    expect(res.body).toContain('Tick the box to say that what you told us is true')
    expect(res.body).not.toContain('Tick the box to say what the picture or video shows')
  })

  it('answers a wrong token, an unknown reference and a malformed one with the same 404', async () => {
    const { reference } = statusLinkOf(await post('/report', goodAnswers()))
    for (const url of [
      `/report/status/${reference}?token=wrong`,
      `/report/status/${reference}`,
      '/report/status/R-2222-2222?token=x',
      '/report/status/nope?token=x',
    ]) {
      const res = await storesNothing(() => h.app.inject({ method: 'GET', url }))
      expect(res.statusCode, url).toBe(404)
      expect(res.body).toContain('We could not find that report')
      expect(res.body).not.toContain(reference)
    }
  })

  it('shows the outcome and the message sent once a moderator decides', async () => {
    const filed = await post('/report', goodAnswers())
    const statusUrl = String(filed.headers.location).replace('&sent=1', '')
    const { reference } = statusLinkOf(filed)
    const receipt = (await h.call('moderator', 'GET', `/v1/reports/${reference}`)).json()
    h.clock.advance(3_600_000)
    await postDecision(h, receipt.caseId, {
      harm: 'illegal.hate',
      ground: { type: 'illegal', offence: 'Public Order Act 1986 s.29B' },
    })
    const page = await h.app.inject({ method: 'GET', url: statusUrl })
    expect(page.body).toContain('What we decided')
    expect(page.body).toContain('We acted on your report.')
    expect(page.body).toContain(`What we decided about your report ${reference}`)
    expect(page.body).toContain('It breaks the law (Public Order Act 1986 s.29B).')
    expect(page.body).toMatch(/href="\/appeal\/new\?report=R-[^&]+&amp;token=/)
  })

  it('renders other errors on the page as HTML, not JSON', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/report',
      payload: '<xml/>',
      headers: { 'content-type': 'application/xml' },
    })
    expect(res.statusCode).toBe(415)
    expect(res.headers['content-type']).toContain('text/html')
  })
})
