import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { createConsoleUser } from '../../src/services/console-users.js'
import { openCase } from '../api-steps.js'
import { seriousAxeViolations } from '../axe.js'
import {
  type BrowserSession,
  focusedId,
  openBrowser,
  tabTo,
  unlabelledControls,
} from '../browser.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5, first slice, in Chromium: sign in, the queues with their counts, one queue's
// cases in priority order with countdowns, claim and release, sign out; axe on every page. The
// harness serves the real build in dist/web (test/console-build.ts makes it once per run).

const HOUR = 3_600_000
const ADA = { email: 'ada@example.org', name: 'Ada Lovelace', role: 'moderator' } as const
const PASSWORD = 'quiet harbour lantern 42'

interface QueueRow {
  id: string
  label: string
  open: number
  overdue: number
}

async function expectNoSeriousAxe(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([])
}

async function cellText(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim()
}

describe('the moderator console in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  let userId: string
  const problems: string[] = []

  beforeAll(async () => {
    // @NOTE The server clock starts at the real time, so the browser keeps the session cookie.
    h = await createTestHarness('pglite', {}, fixedClock(new Date()))
    const user = await createConsoleUser(h.ctx, SYSTEM_ACTOR, ADA, PASSWORD)
    userId = user.id
    await openCase(h, { harm: 'illegal.harassment.threat_to_life' })
    h.clock.advance(80 * HOUR)
    await openCase(h, { harm: 'illegal.hate' })
    await openCase(h, { harm: 'illegal.harassment.threat_to_life' })
    await openCase(h, { harm: 'illegal.fraud' })
    s = await openBrowser(h)
    s.page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    s.page.on('pageerror', (error) => problems.push(error.message))
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  it('signs in from the keyboard, and reads out a wrong password', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/console`)
    await page.waitForSelector('h1')
    expect(await page.textContent('h1')).toBe('Sign in to the console')
    expect(await page.locator('h1').count()).toBe(1)
    expect(await unlabelledControls(page)).toBe(0)
    await expectNoSeriousAxe(page)
    await s.screenshot('console-sign-in')

    await tabTo(page, 'email')
    await page.keyboard.type(ADA.email)
    await tabTo(page, 'password')
    await page.keyboard.type('not the password at all')
    await page.keyboard.press('Enter')
    const alert = page.locator('[role="alert"]')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/email or password/i)
    expect(await page.getAttribute('#password', 'aria-invalid')).toBe('true')
    await expectNoSeriousAxe(page)
    await s.screenshot('console-sign-in-error')

    await page.fill('#password', PASSWORD)
    await page.focus('#password')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#queue-table')
    expect(await cellText(page, '#account-name')).toBe(ADA.name)
    expect(await cellText(page, '#account-role')).toBe('Moderator')
  })

  it('shows each queue with the counts the API gives, overdue marked', async () => {
    const { page } = s
    expect(await page.textContent('h1')).toBe('Queues')
    expect(await page.getAttribute('nav a[aria-current="page"]', 'href')).toBe('/console/queues')
    const api = (await (await s.api('moderator', 'GET', '/v1/queues')).json()) as {
      queues: QueueRow[]
    }
    for (const q of api.queues) {
      const row = `tr[data-queue="${q.id}"]`
      expect(await cellText(page, `${row} th`)).toBe(q.label)
      expect(await cellText(page, `${row} [data-count="open"]`)).toBe(String(q.open))
      expect(await cellText(page, `${row} [data-count="overdue"]`)).toBe(String(q.overdue))
    }
    expect(api.queues.reduce((sum, q) => sum + q.open, 0)).toBe(4)
    const overdue = api.queues.filter((q) => q.overdue > 0)
    expect(overdue.length).toBeGreaterThan(0)
    for (const q of overdue) {
      expect(
        await page.getAttribute(`tr[data-queue="${q.id}"] [data-count="overdue"]`, 'class'),
      ).toContain('overdue')
    }
    await expectNoSeriousAxe(page)
    await s.screenshot('console-queues')
  })

  it('opens a queue: cases by priority with countdowns; claims and releases one', async () => {
    const { page } = s
    const queues = (await (await s.api('moderator', 'GET', '/v1/queues')).json()) as {
      queues: QueueRow[]
    }
    const busiest = [...queues.queues].sort((a, b) => b.open - a.open)[0] as QueueRow
    await page.click(`tr[data-queue="${busiest.id}"] a`)
    await page.waitForSelector('#case-table')
    expect(page.url()).toBe(`${s.baseUrl}/console/queues/${busiest.id}`)
    expect(await page.textContent('h1')).toBe(busiest.label)
    expect(await focusedId(page)).toBe('')
    const listed = (await (
      await s.api('moderator', 'GET', `/v1/cases?queue=${busiest.id}&status=open`)
    ).json()) as { cases: { id: string; overdue: boolean }[] }
    const rows = await page.$$eval('#case-table tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-case')),
    )
    expect(rows).toEqual(listed.cases.map((c) => c.id))
    const countdowns = await page.$$eval('#case-table tbody time', (ts) =>
      ts.map((t) => t.textContent ?? ''),
    )
    listed.cases.forEach((c, i) => {
      expect(countdowns[i]).toMatch(c.overdue ? /^overdue by / : / left$/)
    })
    await expectNoSeriousAxe(page)
    await s.screenshot('console-queue')

    const first = listed.cases[0]?.id as string
    await tabTo(page, `claim-${first}`)
    await page.keyboard.press('Enter')
    await page.locator('#queue-status', { hasText: 'You claimed case' }).waitFor()
    expect(await focusedId(page)).toBe(`release-${first}`)
    expect(await cellText(page, `tr[data-case="${first}"] [data-cell="claim"]`)).toBe(
      'Claimed by you',
    )
    const claimed = (await (await s.api('moderator', 'GET', `/v1/cases/${first}`)).json()) as {
      assignee: string
    }
    expect(claimed.assignee).toBe(`user:${userId}`)
    await expectNoSeriousAxe(page)
    await s.screenshot('console-queue-claimed')

    await page.selectOption('#filter-assignee', { label: `${ADA.name} (Moderator)` })
    await page.waitForURL(`**/console/queues/${busiest.id}?assignee=user%3A${userId}`)
    await page.locator('#queue-count', { hasText: /^1 case$/ }).waitFor()
    expect(await page.$$eval('#case-table tbody tr', (trs) => trs.length)).toBe(1)
    await page.selectOption('#filter-assignee', 'anyone')
    await page.waitForURL(`**/console/queues/${busiest.id}`)
    await page.waitForSelector(`#release-${first}`)
    await page.focus(`#release-${first}`)

    await page.keyboard.press('Enter')
    await page.locator('#queue-status', { hasText: 'You released case' }).waitFor()
    expect(await focusedId(page)).toBe(`claim-${first}`)
    const released = (await (await s.api('moderator', 'GET', `/v1/cases/${first}`)).json()) as {
      claimed: boolean
    }
    expect(released.claimed).toBe(false)
  })

  it('serves a deep link after a reload, then signs out', async () => {
    const { page } = s
    await page.reload()
    await page.waitForSelector('#case-table')
    await page.click('#sign-out')
    await page.waitForSelector('#sign-in-notice')
    expect(await page.textContent('h1')).toBe('Sign in to the console')
    expect(await cellText(page, '#sign-in-notice')).toBe('You have signed out.')
    const status = await page.evaluate<number>(
      "fetch('/console/api/session', { credentials: 'same-origin' }).then((r) => r.status)",
    )
    expect(status).toBe(401)
    await s.screenshot('console-signed-out')
    expect(problems.filter((p) => !/401|Failed to load resource/.test(p))).toEqual([])
  })
})
