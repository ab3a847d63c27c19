import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { reportInputSchema } from '../../src/core/report.js'
import { PUBLIC_PAGE_ACTOR } from '../../src/http/routes/public/routes.js'
import { fileReport } from '../../src/services/file-report.js'
import { extraKey, postDecision, postReport } from '../api-steps.js'
import { submitWithKeyboard, tabTo, typeInto, unlabelledControls, useBrowser } from '../browser.js'
import { expectNothingStored, reportInput } from '../factories.js'

// @NOTE Issue 4 points 5 and 9 in Chromium: the public appeal page reached with the author's
// appeal link and with a reporter's status token, filled with the keyboard alone; bad input is
// answered on the page and nothing is stored.

const TABLES = ['appeal', 'moderation_case', 'notification'] as const

async function clearFocused(page: Page): Promise<void> {
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
}

describe('the public appeal page in Chromium', () => {
  const b = useBrowser()

  async function decidedPost(authorId: string): Promise<string> {
    const subject = { id: `post-${authorId}`, kind: 'text', author: { id: authorId } }
    const { caseId } = await postReport(b.h, { subject })
    return (await postDecision(b.h, caseId)).id as string
  }

  /** The author's appeal link, as sent in the statement of reasons. */
  async function appealLinkOf(decisionId: string): Promise<string> {
    const statement = await b.h.ctx.db
      .selectFrom('notification')
      .select('body')
      .where('kind', '=', 'statement_of_reasons')
      .where('decision_id', '=', decisionId)
      .executeTakeFirstOrThrow()
    const link = /\/appeal\/new\?decision=\S+/.exec(statement.body)?.[0]
    expect(link).toBeDefined()
    return link as string
  }

  /** Sends the form with no grounds and a bad email: both are explained, nothing is stored. */
  async function sendBadAnswers(page: Page): Promise<void> {
    await typeInto(page, 'email', 'not-an-email')
    await tabTo(page, 'followUp')
    const send = () => submitWithKeyboard(page)
    expect(await expectNothingStored(b.h.ctx.db, TABLES, send)).toBe(400)
    expect(await page.title()).toBe('Error: Ask us to look again')
    const summary = await page.textContent('.error-summary')
    expect(summary).toContain('Tell us why you think our decision is wrong')
    expect(summary).toContain('Enter an email address like name@example.com, or leave it empty')
    expect(await page.getAttribute('#grounds', 'aria-invalid')).toBe('true')
    expect(await page.getAttribute('#grounds', 'aria-describedby')).toContain('grounds-error')
    expect(await page.inputValue('#email')).toBe('not-an-email')
  }

  /** Types the grounds (and an email), sends the form and checks the acknowledgement. */
  async function sendAppeal(page: Page, grounds: string, email?: string): Promise<string> {
    await typeInto(page, 'grounds', grounds)
    if (email !== undefined) {
      await tabTo(page, 'email')
      await clearFocused(page)
      await page.keyboard.type(email)
    }
    await tabTo(page, 'followUp')
    expect(await submitWithKeyboard(page)).toBe(303)
    expect(page.url()).toMatch(/\/appeal\/status\/A-[2-9A-Z]{4}-[2-9A-Z]{4}\?token=.+&sent=1$/)
    expect(await page.textContent('h1')).toBe('Thank you. We got your appeal')
    return (await page.textContent('.panel .big'))?.trim() as string
  }

  function storedAppeal(reference: string) {
    return b.h.ctx.db
      .selectFrom('appeal')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
  }

  it('takes an author’s appeal from the keyboard alone after showing bad input clearly', async () => {
    const { h, s, page } = b
    const decisionId = await decidedPost('author-web')
    await page.goto(`${s.baseUrl}${await appealLinkOf(decisionId)}`)
    expect(await page.textContent('h1')).toBe('Ask us to look again')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await unlabelledControls(page)).toBe(0)
    await s.screenshot('appeal-form')
    await sendBadAnswers(page)
    await s.screenshot('appeal-form-errors')

    const grounds = 'It was a line from a film we were quoting to each other.'
    const reference = await sendAppeal(page, grounds, 'author@example.org')
    await expect(page.textContent('main')).resolves.toContain('We aim to answer by')
    await s.screenshot('appeal-acknowledgement')
    const stored = await storedAppeal(reference)
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
    const main = page.textContent('main')
    await expect(main).resolves.toContain('We looked again and changed our decision.')
    await s.screenshot('appeal-status-decided')
    await page.goto(`${s.baseUrl}${await appealLinkOf(decisionId)}`)
    expect(await page.textContent('h1')).toBe('You have already asked us to look again')
  })

  it('takes a reporter’s appeal with their status token, and refuses a bad link', async () => {
    const { h, s, page } = b
    const input = reportInputSchema.parse(
      reportInput({ reporter: { kind: 'non_user', email: 'seen-it@example.org' } }),
    )
    const filed = await fileReport(h.ctx, PUBLIC_PAGE_ACTOR, input, { channel: 'public_page' })
    await postDecision(h, filed.body.caseId, {
      actions: [{ type: 'no_action' }],
      statement: 'We found no threat.',
    })
    const query = new URLSearchParams({
      report: filed.body.reference,
      token: filed.statusToken ?? '',
    })
    await page.goto(`${s.baseUrl}/appeal/new?${query}`)
    await expect(page.textContent('main')).resolves.toContain('to leave it as it is')
    const reference = await sendAppeal(page, 'The message says it will hurt me. Please look again.')
    expect(await storedAppeal(reference)).toMatchObject({
      appellant_role: 'reporter',
      appellant_email: 'seen-it@example.org',
      report_id: filed.body.reportId,
    })

    const bad = new URLSearchParams({ report: filed.body.reference, token: 'wrong-token' })
    const url = `${s.baseUrl}/appeal/new?${bad}`
    const res = await expectNothingStored(h.ctx.db, TABLES, () => page.goto(url))
    expect(res?.status()).toBe(404)
    expect(await page.textContent('h1')).toBe('We could not find that appeal link')
    await s.screenshot('appeal-link-not-found')
  })
})
