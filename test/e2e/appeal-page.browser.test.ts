import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportInputSchema } from '../../src/core/report.js'
import { PUBLIC_PAGE_ACTOR } from '../../src/http/routes/public/routes.js'
import { fileReport } from '../../src/services/file-report.js'
import { extraKey } from '../api/appeal-helpers.js'
import { type BrowserSession, openBrowser } from '../browser.js'
import { closeHarness, countRows, decisionInput, reportInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 4 points 5 and 9 in Chromium: the public appeal page reached with the author's
// appeal link and with a reporter's status token, filled with the keyboard alone; bad input is
// answered on the page and nothing is stored.

const TABLES = ['appeal', 'moderation_case', 'notification'] as const

/** Presses Tab until the element with `id` has focus; fails if it never does. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab')
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return
  }
  throw new Error(`Tab never reached #${id}`)
}

/** From the last field, Tab to the submit button and press Enter; the POST's status. */
async function submitWithKeyboard(page: Page): Promise<number> {
  await page.keyboard.press('Tab')
  if ((await page.evaluate(() => document.activeElement?.tagName)) !== 'BUTTON') {
    await page.keyboard.press('Tab')
  }
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForNavigation(),
    page.keyboard.press('Enter'),
  ])
  await page.waitForLoadState()
  return response.status()
}

async function clearFocused(page: Page): Promise<void> {
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
}

describe('the public appeal page in Chromium', () => {
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

  async function decidedPost(authorId: string, actions = [{ type: 'remove' }]) {
    const filed = await h.call(
      'platform',
      'POST',
      '/v1/reports',
      reportInput({ subject: { id: `post-${authorId}`, kind: 'text', author: { id: authorId } } }),
    )
    const decided = await h.call(
      'moderator',
      'POST',
      `/v1/cases/${filed.json().caseId}/decisions`,
      decisionInput({ actions }),
    )
    expect(decided.statusCode, decided.body).toBe(201)
    return decided.json().id as string
  }

  /** The author's appeal link, as sent in the statement of reasons. */
  async function appealLinkOf(decisionId: string): Promise<string> {
    const statement = await h.ctx.db
      .selectFrom('notification')
      .select('body')
      .where('kind', '=', 'statement_of_reasons')
      .where('decision_id', '=', decisionId)
      .executeTakeFirstOrThrow()
    const link = /\/appeal\/new\?decision=\S+/.exec(statement.body)?.[0]
    expect(link).toBeDefined()
    return link as string
  }

  it('takes an author’s appeal from the keyboard alone after showing bad input clearly', async () => {
    const { page } = s
    const decisionId = await decidedPost('author-web')
    await page.goto(`${s.baseUrl}${await appealLinkOf(decisionId)}`)
    expect(await page.textContent('h1')).toBe('Ask us to look again')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    const unlabelled = await page.$$eval(
      'input:not([type=hidden]), textarea',
      (els) => els.filter((el) => (el as HTMLInputElement).labels?.length === 0).length,
    )
    expect(unlabelled).toBe(0)
    await s.screenshot('appeal-form')

    const before = await countRows(h.ctx.db, TABLES)
    await tabTo(page, 'email')
    await page.keyboard.type('not-an-email')
    await tabTo(page, 'followUp')
    expect(await submitWithKeyboard(page)).toBe(400)
    expect(await page.title()).toBe('Error: Ask us to look again')
    const summary = await page.textContent('.error-summary')
    expect(summary).toContain('Tell us why you think our decision is wrong')
    expect(summary).toContain('Enter an email address like name@example.com, or leave it empty')
    expect(await page.getAttribute('#grounds', 'aria-invalid')).toBe('true')
    expect(await page.getAttribute('#grounds', 'aria-describedby')).toContain('grounds-error')
    expect(await page.inputValue('#email')).toBe('not-an-email')
    expect(await countRows(h.ctx.db, TABLES)).toEqual(before)
    await s.screenshot('appeal-form-errors')

    await tabTo(page, 'grounds')
    await page.keyboard.type('It was a line from a film we were quoting to each other.')
    await tabTo(page, 'email')
    await clearFocused(page)
    await page.keyboard.type('author@example.org')
    await tabTo(page, 'followUp')
    expect(await submitWithKeyboard(page)).toBe(303)
    expect(page.url()).toMatch(/\/appeal\/status\/A-[2-9A-Z]{4}-[2-9A-Z]{4}\?token=.+&sent=1$/)
    expect(await page.textContent('h1')).toBe('Thank you. We got your appeal')
    const reference = (await page.textContent('.panel .big'))?.trim() as string
    await expect(page.textContent('main')).resolves.toContain('We aim to answer by')
    await s.screenshot('appeal-acknowledgement')

    const stored = await h.ctx.db
      .selectFrom('appeal')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({
      appellant_role: 'author',
      appellant_id: 'author-web',
      appellant_email: 'author@example.org',
      channel: 'web',
      follow_up: true,
    })
    const statusUrl = page.url().replace('&sent=1', '')
    const second = await extraKey(h, 'moderator', 'appeals reviewer')
    const decided = await second('POST', `/v1/appeals/${stored.id}/decision`, {
      outcome: 'reversed',
      reasons: 'Quoting a film line between friends is not a threat.',
    })
    expect(decided.statusCode, decided.body).toBe(200)
    await page.goto(statusUrl)
    await expect(page.textContent('main')).resolves.toContain(
      'We looked again and changed our decision.',
    )
    await s.screenshot('appeal-status-decided')

    await page.goto(`${s.baseUrl}${await appealLinkOf(decisionId)}`)
    expect(await page.textContent('h1')).toBe('You have already asked us to look again')
  })

  it('takes a reporter’s appeal with their status token, and refuses a bad link', async () => {
    const { page } = s
    const input = reportInputSchema.parse(
      reportInput({ reporter: { kind: 'non_user', email: 'seen-it@example.org' } }),
    )
    const filed = await fileReport(h.ctx, PUBLIC_PAGE_ACTOR, input, { channel: 'public_page' })
    await h.call(
      'moderator',
      'POST',
      `/v1/cases/${filed.body.caseId}/decisions`,
      decisionInput({ actions: [{ type: 'no_action' }], statement: 'We found no threat.' }),
    )
    const query = new URLSearchParams({
      report: filed.body.reference,
      token: filed.statusToken ?? '',
    })
    await page.goto(`${s.baseUrl}/appeal/new?${query}`)
    await expect(page.textContent('main')).resolves.toContain('to leave it as it is')
    await tabTo(page, 'grounds')
    await page.keyboard.type('The message says it will hurt me. Please look again.')
    await tabTo(page, 'followUp')
    expect(await submitWithKeyboard(page)).toBe(303)
    expect(await page.textContent('h1')).toBe('Thank you. We got your appeal')
    const reference = (await page.textContent('.panel .big'))?.trim() as string
    const stored = await h.ctx.db
      .selectFrom('appeal')
      .select(['appellant_role', 'appellant_email', 'report_id'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({
      appellant_role: 'reporter',
      appellant_email: 'seen-it@example.org',
      report_id: filed.body.reportId,
    })

    const before = await countRows(h.ctx.db, TABLES)
    const bad = new URLSearchParams({ report: filed.body.reference, token: 'wrong-token' })
    const res = await page.goto(`${s.baseUrl}/appeal/new?${bad}`)
    expect(res?.status()).toBe(404)
    expect(await page.textContent('h1')).toBe('We could not find that appeal link')
    expect(await countRows(h.ctx.db, TABLES)).toEqual(before)
    await s.screenshot('appeal-link-not-found')
  })
})
