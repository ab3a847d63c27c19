import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type BrowserSession,
  focusedId,
  focusedTag,
  openBrowser,
  tabTo,
  unlabelledControls,
} from '../browser.js'
import { closeHarness, countRows, decisionInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 4 point 9 in Chromium: report → acknowledgement → decision → outcome message,
// filled with the keyboard only, and bad input to each public form answered on the page.

const TABLES = ['report', 'subject', 'moderation_case', 'notification', 'signal'] as const

async function submitWithKeyboard(page: Page): Promise<number> {
  await page.keyboard.press('Tab')
  expect(await focusedTag(page)).toBe('BUTTON')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForNavigation(),
    page.keyboard.press('Enter'),
  ])
  return response.status()
}

describe('the report pages in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  beforeAll(async () => {
    h = await createTestHarness('pglite')
    s = await openBrowser(h)
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  it('takes a report from the keyboard alone, then shows the decision and the outcome message', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/report`)
    await s.screenshot('report-form')
    expect(await unlabelledControls(page)).toBe(0)
    await tabTo(page, 'kind')
    await page.keyboard.press('Space')
    await tabTo(page, 'surface')
    await page.keyboard.press('Space')
    await tabTo(page, 'urls')
    await page.keyboard.type('https://forum.example/posts/4242')
    await tabTo(page, 'reason')
    await page.keyboard.type('Hate against')
    expect(await page.inputValue('#reason')).toBe('illegal.hate')
    await tabTo(page, 'explanation')
    await page.keyboard.type('This post tells people to hate my neighbours for their religion.')
    await tabTo(page, 'name')
    await page.keyboard.type('Sam Taylor')
    await tabTo(page, 'email')
    await page.keyboard.type('sam@example.org')
    await tabTo(page, 'goodFaith')
    await page.keyboard.press('Space')
    expect(await submitWithKeyboard(page)).toBe(303)

    expect(page.url()).toMatch(/\/report\/status\/R-[2-9A-Z]{4}-[2-9A-Z]{4}\?token=.+&sent=1$/)
    expect(await page.textContent('h1')).toBe('Thank you. We got your report')
    const reference = (await page.textContent('.panel .big'))?.trim() as string
    expect(reference).toMatch(/^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    await expect(page.textContent('main')).resolves.toContain('We aim to decide by')
    await s.screenshot('report-acknowledgement')

    const statusLink = await page.getAttribute('a[href*="/report/status/"]', 'href')
    await page.goto(statusLink as string)
    expect(await page.textContent('h1')).toBe('Your report')
    await s.screenshot('report-status')

    const report = (await (await s.api('moderator', 'GET', `/v1/reports/${reference}`)).json()) as {
      caseId: string
    }
    h.clock.advance(3_600_000)
    const decided = await s.api('moderator', 'POST', `/v1/cases/${report.caseId}/decisions`, {
      ...decisionInput(),
      harm: 'illegal.hate',
      ground: { type: 'illegal', offence: 'Public Order Act 1986 s.29B' },
    })
    expect(decided.status).toBe(201)
    await page.reload()
    const main = (await page.textContent('main')) as string
    expect(main).toContain('We acted on your report.')
    expect(main).toContain(`What we decided about your report ${reference}`)
    expect(main).toContain('we took it down')
    expect(await page.getAttribute('a[href^="/appeal/new"]', 'href')).toContain(
      `report=${reference}`,
    )
    await s.screenshot('report-status-decided')
  })

  it('answers an empty report form on the page, links each problem to its field, stores nothing', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/report`)
    const before = await countRows(h.ctx.db, TABLES)
    await tabTo(page, 'goodFaith')
    expect(await submitWithKeyboard(page)).toBe(400)
    expect(await countRows(h.ctx.db, TABLES)).toEqual(before)
    expect(await page.title()).toBe('Error: Report something')
    const problems = await page.$$eval('.error-summary a', (as) => as.map((a) => a.textContent))
    expect(problems).toContain('Choose why you are reporting it')
    expect(problems).toContain('Tell us what is wrong with it')
    await s.screenshot('report-form-errors')
    await page.focus('.error-summary a[href="#explanation"]')
    await page.keyboard.press('Enter')
    expect(await focusedId(page)).toBe('explanation')
  })

  it('explains a too-long explanation and a bad web address, keeping the answers', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/report`)
    await page.check('#kind')
    await page.check('#surface')
    await page.fill('#urls', 'forum.example/no-scheme')
    await page.selectOption('#reason', 'illegal.fraud')
    await page.fill('#explanation', 'y'.repeat(4001))
    await page.fill('#name', 'Sam')
    await page.fill('#email', 'sam@example.org')
    await page.check('#goodFaith')
    const before = await countRows(h.ctx.db, TABLES)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForNavigation(),
      page.click('button[type=submit]'),
    ])
    expect(response.status()).toBe(400)
    expect(await countRows(h.ctx.db, TABLES)).toEqual(before)
    const main = (await page.textContent('main')) as string
    expect(main).toContain('Use 4,000 characters or fewer (you used 4,001)')
    expect(main).toContain('is not a full web address')
    expect(await page.inputValue('#name')).toBe('Sam')
    await s.screenshot('report-form-too-long-bad-url')
  })

  it('takes an intimate-image report only with every declaration, and shows the 48-hour duty', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/report/intimate-image`)
    await s.screenshot('intimate-image-form')
    await tabTo(page, 'kind')
    await page.keyboard.press('Space')
    await tabTo(page, 'surface')
    await page.keyboard.press('Space')
    await tabTo(page, 'urls')
    await page.keyboard.type('https://forum.example/img/9')
    await tabTo(page, 'intimateImage')
    await page.keyboard.press('Space')
    await tabTo(page, 'name')
    await page.keyboard.type('Alex')
    await tabTo(page, 'email')
    await page.keyboard.type('alex@example.org')
    await tabTo(page, 'goodFaith')
    const before = await countRows(h.ctx.db, TABLES)
    expect(await submitWithKeyboard(page)).toBe(400)
    expect(await countRows(h.ctx.db, TABLES)).toEqual(before)
    const problems = await page.$$eval('.error-summary a', (as) => as.map((a) => a.textContent))
    expect(problems).toEqual([
      'Tick the box to say you are the person in it, or you are reporting for them',
      'Tick the box to say that what you told us is true',
    ])
    await s.screenshot('intimate-image-form-errors')
    await page.check('#personShownOrActingForThem')
    await page.check('#goodFaith')
    await tabTo(page, 'goodFaith')
    expect(await submitWithKeyboard(page)).toBe(303)
    const main = (await page.textContent('main')) as string
    expect(main).toContain('The law says we must act by')
    await s.screenshot('intimate-image-acknowledgement')
  })

  it('answers a status link with a wrong token with a plain "not found" page', async () => {
    const { page } = s
    const before = await countRows(h.ctx.db, TABLES)
    const response = await page.goto(`${s.baseUrl}/report/status/R-2222-2222?token=guess`)
    expect(response?.status()).toBe(404)
    expect(await page.textContent('h1')).toBe('We could not find that report')
    expect(await countRows(h.ctx.db, TABLES)).toEqual(before)
    await s.screenshot('report-status-not-found')
  })

  it("can be embedded in another site's page", async () => {
    const outer: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.end(
        `<!doctype html><title>Forum</title><h1>A forum post</h1><iframe title="Report" src="${s.baseUrl}/report?subject=post-7&kind=text" width="900" height="700"></iframe>`,
      )
    })
    await new Promise<void>((resolve) => outer.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = outer.address() as AddressInfo
      const { page } = s
      await page.goto(`http://127.0.0.1:${port}/`)
      const frame = page.frameLocator('iframe[title="Report"]')
      await expect(frame.locator('h1').textContent()).resolves.toBe('Report something')
      await s.screenshot('report-embedded')
    } finally {
      await new Promise((resolve) => outer.close(resolve))
    }
  })
})
