import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, openBrowser } from '../browser.js'
import { closeHarness, decisionInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 4 point 1: the public pages work with a screen reader. axe-core checks each page,
// in each state a person meets (empty, with errors, acknowledged, decided, appealing), for
// serious or critical WCAG 2.1 A/AA violations.

describe('the public pages pass axe-core in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  let page: Page
  beforeAll(async () => {
    h = await createTestHarness('pglite')
    s = await openBrowser(h)
    // @NOTE The pages' strict CSP refuses inline scripts; axe-core is injected as one.
    page = await (await s.browser.newContext({ bypassCSP: true })).newPage()
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  async function expectAccessible(name: string): Promise<void> {
    expect(await seriousAxeViolations(page), name).toEqual([])
  }

  async function submit(): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')])
  }

  it('catches a serious violation when there is one (the check is not vacuous)', async () => {
    await page.setContent('<html lang="en"><title>t</title><body><input type="text"></body></html>')
    const found = await seriousAxeViolations(page)
    expect(found.map((v) => v.id)).toContain('label')
  })

  it('has no serious or critical violation on any report or appeal page, in any state', async () => {
    await page.goto(`${s.baseUrl}/report`)
    await expectAccessible('report form')
    await submit()
    await expectAccessible('report form with errors')
    await page.goto(`${s.baseUrl}/report/intimate-image`)
    await expectAccessible('intimate-image form')
    await submit()
    await expectAccessible('intimate-image form with errors')

    await page.goto(`${s.baseUrl}/report`)
    await page.check('input[name=kind][value=text]')
    await page.check('input[name=surface][value=public]')
    await page.fill('#urls', 'https://forum.example/posts/9')
    await page.selectOption('#reason', 'illegal.hate')
    await page.fill('#explanation', 'It tells people to hate my neighbours.')
    await page.fill('#name', 'Sam Taylor')
    await page.fill('#email', 'sam@example.org')
    await page.check('#goodFaith')
    await submit()
    expect(page.url()).toMatch(/\/report\/status\//)
    await expectAccessible('acknowledgement')

    const reference = new URL(page.url()).pathname.split('/').pop() as string
    const report = (await (await s.api('moderator', 'GET', `/v1/reports/${reference}`)).json()) as {
      caseId: string
    }
    const decided = await s.api('moderator', 'POST', `/v1/cases/${report.caseId}/decisions`, {
      ...decisionInput(),
      actions: [{ type: 'no_action' }],
    })
    expect(decided.status).toBe(201)
    await page.reload()
    await expectAccessible('status page with the outcome')

    await Promise.all([page.waitForNavigation(), page.click('a[href*="/appeal/new"]')])
    await expectAccessible('appeal form')
    await submit()
    await expectAccessible('appeal form with errors')
  })
})
