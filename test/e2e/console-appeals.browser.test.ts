import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { createConsoleUser } from '../../src/services/console-users.js'
import { decideOnPost, postReport } from '../api-steps.js'
import { seriousAxeViolations } from '../axe.js'
import {
  type BrowserSession,
  openBrowser,
  signInToConsole,
  tabTo,
  unlabelledControls,
} from '../browser.js'
import { closeHarness, decisionInput, INTIMATE_DECLARATIONS } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5: a decision made by moderator A in the console, appealed by its author through
// the platform's API, refused to A on the appeals page (A made it), reversed by moderator B; the
// auditor then finds the decision and the reversal in the audit log and verifies the chain.

const PASSWORD = 'quiet harbour lantern 42'
const ADA = { email: 'ada@example.org', name: 'Ada Lovelace', role: 'moderator' } as const
const BEA = { email: 'bea@example.org', name: 'Bea Hopper', role: 'moderator' } as const
const AUD = { email: 'aud@example.org', name: 'Audrey Tang', role: 'auditor' } as const

async function expectNoSeriousAxe(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([])
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim()
}

function signInAs(s: BrowserSession, email: string): Promise<void> {
  return signInToConsole(s, email, PASSWORD)
}

async function signOut(page: Page): Promise<void> {
  await page.click('#sign-out')
  await page.waitForSelector('#sign-in-notice')
}

/** A POST with the page's session cookie and CSRF token, as the console makes it. */
async function postAsSession(
  page: Page,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ path, body }) => {
      const session = (await (await fetch('/console/api/session')).json()) as {
        csrfToken: string
      }
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      })
      return { status: res.status, json: (await res.json()) as Record<string, unknown> }
    },
    { path, body },
  )
}

async function openAppeal(s: BrowserSession, reference: string): Promise<void> {
  const { page } = s
  await page.click('nav >> text=Appeals')
  await page.waitForSelector('#appeal-table')
  await page.click(`#appeal-table a:text("${reference}")`)
  await page.waitForSelector('#appeal-decision-form, #appeal-settled, #decide-not-allowed')
}

/** A victim's appeal against a refusal to act on an intimate image: expedited (OSA s.21(2A)). */
async function fileExpeditedAppeal(s: BrowserSession, h: TestHarness) {
  const { decisionId } = await decideOnPost(h, {
    authorId: 'author-10',
    reporterId: 'victim-10',
    harm: 'illegal.intimate_image_abuse',
    report: { declarations: INTIMATE_DECLARATIONS },
    decision: {
      harm: 'illegal.intimate_image_abuse',
      actions: [{ type: 'no_action' }],
      statement: 'We could not find the picture at the address given.',
    },
  })
  const filed = await s.api('platform', 'POST', '/v1/appeals', {
    kind: 'decision',
    decisionId,
    appellant: { id: 'victim-10' },
    grounds: 'The picture is of me and is still there.',
  })
  expect(filed.status).toBe(201)
  return (await filed.json()) as { appealId: string; reference: string }
}

describe('appeals and the audit log in the console, in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  let decisionId: string
  let appeal: { appealId: string; reference: string }
  let expedited: { appealId: string; reference: string }
  const problems: string[] = []

  beforeAll(async () => {
    h = await createTestHarness('pglite', {}, fixedClock(new Date()))
    for (const user of [ADA, BEA, AUD]) await createConsoleUser(h.ctx, SYSTEM_ACTOR, user, PASSWORD)
    s = await openBrowser(h)
    s.page.setDefaultTimeout(10_000)
    s.page.on('pageerror', (error) => problems.push(error.message))
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  it('records moderator A’s decision and takes the author’s appeal through the API', async () => {
    const { caseId } = await postReport(h, {
      subject: {
        id: 'post-film-quote',
        kind: 'text',
        text: 'I will end you',
        author: { id: 'author-9' },
      },
      reporter: { kind: 'user', id: 'reporter-9' },
      harm: 'illegal.harassment.threat_to_life',
    })
    await signInAs(s, ADA.email)
    const decided = await postAsSession(s.page, `/v1/cases/${caseId}/decisions`, decisionInput())
    expect(decided.status, JSON.stringify(decided.json)).toBe(201)
    decisionId = decided.json.id as string
    const filed = await s.api('platform', 'POST', '/v1/appeals', {
      kind: 'decision',
      decisionId,
      appellant: { id: 'author-9' },
      grounds: 'It was a quote from a film, not a threat.',
    })
    expect(filed.status).toBe(201)
    appeal = (await filed.json()) as { appealId: string; reference: string }
    expedited = await fileExpeditedAppeal(s, h)
  })

  it('lists the appeal with its deadline; A sees the refusal for their own decision', async () => {
    const { page } = s
    await page.click('nav >> text=Appeals')
    await page.waitForSelector('#appeal-table')
    expect(await text(page, 'h1')).toBe('Appeals')
    const order = await page.$$eval('#appeal-table tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-appeal')),
    )
    expect(order).toEqual([expedited.appealId, appeal.appealId])
    expect(await text(page, `tr[data-appeal="${expedited.appealId}"] th`)).toContain('Expedited')
    const row = `tr[data-appeal="${appeal.appealId}"]`
    expect(await text(page, `${row} th`)).toContain(appeal.reference)
    expect(await text(page, `${row} [data-cell="deadline"]`)).toMatch(/ left$/)
    expect(await unlabelledControls(page)).toBe(0)
    await expectNoSeriousAxe(page)
    await s.screenshot('console-appeals')

    await page.click(`${row} a`)
    await page.waitForSelector('#appeal-decision-form')
    expect(await text(page, 'h1')).toBe(`Appeal ${appeal.reference}`)
    expect(await text(page, '#appeal-grounds')).toBe('It was a quote from a film, not a threat.')
    expect(await text(page, '#decision-statement')).toBe(decisionInput().statement)
    expect(await text(page, '#own-decision-note')).toMatch(/you made the decision/i)
    await tabTo(page, 'outcome-upheld')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, 'appeal-reasons')
    await page.keyboard.type('On reflection it reads as a film quote.')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#decision-error')
    expect(await text(page, '#decision-error')).toMatch(
      /you made the decision under appeal, so a different person must decide the appeal/,
    )
    await expectNoSeriousAxe(page)
    await signOut(page)
  })

  it('moderator B reverses it on the appeals page', async () => {
    const { page } = s
    await signInAs(s, BEA.email)
    expect(await page.locator('nav >> text=Audit log').count()).toBe(0)
    await openAppeal(s, appeal.reference)
    expect(await page.locator('#own-decision-note').count()).toBe(0)
    await page.check('#outcome-reversed')
    await page.fill(
      '#appeal-reasons',
      'The post quotes a film; it threatens nobody. We restore it.',
    )
    await expectNoSeriousAxe(page)
    await s.screenshot('console-appeal')
    await page.click('#decide-appeal')
    await page.waitForSelector('#appeal-settled')
    expect(await text(page, '#appeal-status')).toBe('reversed')
    expect(await text(page, '#decide-status')).toMatch(/reversed/)
    const stored = (await (
      await s.api('moderator', 'GET', `/v1/appeals/${appeal.appealId}`)
    ).json()) as { status: string; decidedBy: string }
    expect(stored.status).toBe('reversed')
    expect(stored.decidedBy).toMatch(/^user:/)
    await expectNoSeriousAxe(page)
    await s.screenshot('console-appeal-reversed')

    await openAppeal(s, expedited.reference)
    await page.check('#outcome-reversed')
    await page.waitForSelector('#new-decision')
    await page.waitForSelector('#new-harm option[value="illegal.intimate_image_abuse"]', {
      state: 'attached',
    })
    await page.fill('#appeal-reasons', 'The picture is there; we take it down.')
    await page.selectOption('#new-harm', 'illegal.intimate_image_abuse')
    await page.selectOption('#new-ground', 'illegal')
    await page.fill('#new-offence', 'Sexual Offences Act 2003 s.66B (sharing intimate images)')
    await page.fill('#new-statement', 'The post shares an intimate image without consent.')
    expect(await unlabelledControls(page)).toBe(0)
    await expectNoSeriousAxe(page)
    await page.click('#decide-appeal')
    await page.waitForSelector('#appeal-settled')
    const settled = (await (
      await s.api('moderator', 'GET', `/v1/appeals/${expedited.appealId}`)
    ).json()) as { status: string }
    expect(settled.status).toBe('reversed')
    await signOut(page)
  })

  it('the auditor finds the decision and the reversal in the audit log and verifies the chain', async () => {
    const { page } = s
    await h.worker.drain()
    const complaint = await s.api('platform', 'POST', '/v1/appeals', {
      kind: 'other',
      appellant: { id: 'user-11' },
      grounds: 'Your terms are hard to read.',
    })
    expect(complaint.status).toBe(201)
    const { reference } = (await complaint.json()) as { reference: string }
    await signInAs(s, AUD.email)
    await openAppeal(s, reference)
    expect(await text(page, '#decide-not-allowed')).toMatch(/does not decide appeals/)
    expect(await page.locator('#appeal-decision-form').count()).toBe(0)
    await page.click('nav >> text=Audit log')
    await page.waitForSelector('#audit-table')
    expect(await text(page, 'h1')).toBe('Audit log')
    const actions = await page.$$eval('#audit-table tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-action')),
    )
    for (const action of ['decision.recorded', 'decision.reversed', 'appeal.decided']) {
      expect(actions).toContain(action)
    }
    const recorded = page.locator(
      `tr[data-action="decision.recorded"][data-entity-id="${decisionId}"]`,
    )
    expect(await recorded.locator('[data-cell="actor"]').textContent()).toContain(ADA.name)
    const reversed = page.locator('tr[data-action="decision.reversed"]').first()
    expect(await reversed.locator('[data-cell="actor"]').textContent()).toContain(BEA.name)

    await page.click('#audit-verify')
    await page.waitForSelector('[data-verify]')
    expect(await page.getAttribute('[data-verify]', 'data-verify')).toBe('intact')
    expect(await text(page, '#verify-result')).toMatch(/^Intact: all \d+ sealed entries/)
    expect(await unlabelledControls(page)).toBe(0)
    await expectNoSeriousAxe(page)
    await s.screenshot('console-audit')

    await page.fill('#audit-entityType', 'appeal')
    await page.click('#audit-apply')
    await page.waitForFunction(
      `[...document.querySelectorAll('#audit-table tbody tr')].every((tr) => tr.getAttribute('data-entity-type') === 'appeal')`,
    )
    await expectNoSeriousAxe(page)
    expect(problems).toEqual([])
  })
})
