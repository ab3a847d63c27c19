import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  focusedId,
  submitWithKeyboard,
  tabTo,
  typeInto,
  unlabelledControls,
  useBrowser,
} from '../browser.js'
import { decisionInput, expectNothingStored } from '../factories.js'

// @NOTE Issue 4 point 9 in Chromium: report → acknowledgement → decision → outcome message,
// filled with the keyboard only, and bad input to each public form answered on the page.

const TABLES = ['report', 'subject', 'moderation_case', 'notification', 'signal'] as const

/** With the keyboard alone: the first kind, the first place seen, and the web address. */
async function fillWhereWithKeyboard(page: Page, url: string): Promise<void> {
  await tabTo(page, 'kind')
  await page.keyboard.press('Space')
  await tabTo(page, 'surface')
  await page.keyboard.press('Space')
  await typeInto(page, 'urls', url)
}

/** Clicks the submit button; the status of the POST. */
async function submitWithMouse(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForNavigation(),
    page.click('button[type=submit]'),
  ])
  return response.status()
}

describe('the report pages in Chromium', () => {
  const b = useBrowser()

  /** Fills the report form with the keyboard alone and sends it; the status of the POST. */
  async function reportWithKeyboard(page: Page): Promise<number> {
    await fillWhereWithKeyboard(page, 'https://forum.example/posts/4242')
    await typeInto(page, 'reason', 'Hate against')
    expect(await page.inputValue('#reason')).toBe('illegal.hate')
    const why = 'This post tells people to hate my neighbours for their religion.'
    await typeInto(page, 'explanation', why)
    await typeInto(page, 'name', 'Sam Taylor')
    await typeInto(page, 'email', 'sam@example.org')
    await tabTo(page, 'goodFaith')
    await page.keyboard.press('Space')
    return submitWithKeyboard(page)
  }

  it('takes a report from the keyboard alone, then shows the decision and the outcome message', async () => {
    const { h, s, page } = b
    await page.goto(`${s.baseUrl}/report`)
    await s.screenshot('report-form')
    expect(await unlabelledControls(page)).toBe(0)
    expect(await reportWithKeyboard(page)).toBe(303)

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
    const { h, s, page } = b
    await page.goto(`${s.baseUrl}/report`)
    await tabTo(page, 'goodFaith')
    const status = await expectNothingStored(h.ctx.db, TABLES, () => submitWithKeyboard(page))
    expect(status).toBe(400)
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
    const { h, s, page } = b
    await page.goto(`${s.baseUrl}/report`)
    await page.check('#kind')
    await page.check('#surface')
    await page.fill('#urls', 'forum.example/no-scheme')
    await page.selectOption('#reason', 'illegal.fraud')
    await page.fill('#explanation', 'y'.repeat(4001))
    await page.fill('#name', 'Sam')
    await page.fill('#email', 'sam@example.org')
    await page.check('#goodFaith')
    expect(await expectNothingStored(h.ctx.db, TABLES, () => submitWithMouse(page))).toBe(400)
    const main = (await page.textContent('main')) as string
    expect(main).toContain('Use 4,000 characters or fewer (you used 4,001)')
    expect(main).toContain('is not a full web address')
    expect(await page.inputValue('#name')).toBe('Sam')
    await s.screenshot('report-form-too-long-bad-url')
  })

  it('takes an intimate-image report only with every declaration, and shows the 48-hour duty', async () => {
    const { h, s, page } = b
    await page.goto(`${s.baseUrl}/report/intimate-image`)
    await s.screenshot('intimate-image-form')
    await fillWhereWithKeyboard(page, 'https://forum.example/img/9')
    await tabTo(page, 'intimateImage')
    await page.keyboard.press('Space')
    await typeInto(page, 'name', 'Alex')
    await typeInto(page, 'email', 'alex@example.org')
    await tabTo(page, 'goodFaith')
    const status = await expectNothingStored(h.ctx.db, TABLES, () => submitWithKeyboard(page))
    expect(status).toBe(400)
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
    const { h, s, page } = b
    const url = `${s.baseUrl}/report/status/R-2222-2222?token=guess`
    const response = await expectNothingStored(h.ctx.db, TABLES, () => page.goto(url))
    expect(response?.status()).toBe(404)
    expect(await page.textContent('h1')).toBe('We could not find that report')
    await s.screenshot('report-status-not-found')
  })

  it("can be embedded in another site's page", async () => {
    const { s } = b
    const outer: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.end(
        `<!doctype html><title>Forum</title><h1>A forum post</h1><iframe title="Report" src="${s.baseUrl}/report?subject=post-7&kind=text" width="900" height="700"></iframe>`,
      )
    })
    await new Promise<void>((resolve) => outer.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = outer.address() as AddressInfo
      const { page } = b
      await page.goto(`http://127.0.0.1:${port}/`)
      const frame = page.frameLocator('iframe[title="Report"]')
      await expect(frame.locator('h1').textContent()).resolves.toBe('Report something')
      await s.screenshot('report-embedded')
    } finally {
      await new Promise((resolve) => outer.close(resolve))
    }
  })
})
