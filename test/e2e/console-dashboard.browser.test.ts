import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import type { DashboardStats } from '../../src/core/dashboard-stats.js'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { createConsoleUser } from '../../src/services/console-users.js'
import { extraKey, postDecision, postReport } from '../api-steps.js'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, openBrowser } from '../browser.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5, the dashboard in Chromium: the figures on the page are the API's, each chart's
// numbers are in a table for screen readers, the period picker works, and axe finds nothing.

const HOUR = 3_600_000
const DAY = 24 * HOUR
const USER = { email: 'grace@example.org', name: 'Grace Hopper', role: 'auditor' } as const
const PASSWORD = 'quiet harbour lantern 42'
const THREAT = 'illegal.harassment.threat_to_life'

let n = 0
function report(harm: string, reporterKind = 'user') {
  n += 1
  return {
    subject: { id: `dash-e2e-${n}`, kind: 'text', text: 'x', author: { id: `author-e2e-${n}` } },
    harm,
    reporter: { kind: reporterKind, id: `reporter-e2e-${n}` },
  }
}

/** Four cases five and four days ago, two decisions (one partly automated), one appeal reversed. */
async function seed(h: TestHarness, now: Date): Promise<void> {
  const second = await extraKey(h, 'moderator', 'appeals moderator')
  h.clock.set(new Date(now.getTime() - 5 * DAY))
  const threat = await postReport(h, report(THREAT))
  await postReport(h, report(THREAT))
  const fraud = await postReport(h, report('illegal.fraud', 'authority'))
  h.clock.advance(2 * HOUR)
  const decided = await postDecision(h, threat.caseId, { harm: THREAT })
  h.clock.advance(DAY)
  await postReport(h, report('illegal.hate'))
  await postDecision(h, fraud.caseId, {
    harm: 'illegal.fraud',
    ground: { type: 'illegal', offence: 'Fraud Act 2006 s.2 (fraud by false representation)' },
    automatedDecision: 'partially',
  })
  const appeal = await h.call('platform', 'POST', '/v1/appeals', {
    kind: 'decision',
    decisionId: decided.id,
    appellant: { id: 'author-e2e-1' },
    grounds: 'It was a quote from a film, not a threat.',
  })
  expect(appeal.statusCode, appeal.body).toBe(201)
  h.clock.advance(HOUR)
  const outcome = await second('POST', `/v1/appeals/${appeal.json().appealId}/decision`, {
    outcome: 'reversed',
    reasons: 'Read in context, it quotes a film; it threatens nobody.',
  })
  expect(outcome.statusCode, outcome.body).toBe(200)
  h.clock.set(now)
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.trim())
}

async function expectFiguresOf(page: Page, stats: DashboardStats): Promise<void> {
  const share = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`)
  expect(await texts(page, '#automated-share .big-figure-value')).toEqual([
    share(stats.automation.share),
  ])
  expect(await texts(page, '#reversal-rate .big-figure-value')).toEqual([
    share(stats.appeals.share),
  ])
  expect(await texts(page, '#table-volume tbody th')).toEqual(stats.volume.days.map((d) => d.day))
  expect(await texts(page, '#table-volume tbody td[data-total]')).toEqual(
    stats.volume.days.map((d) => String(d.total)),
  )
  expect(await texts(page, '#table-sources tbody td')).toEqual(
    stats.volume.sources.map((s) => String(s.count)),
  )
  for (const q of stats.sla) {
    const row = `#table-sla tr[data-queue="${q.queue}"]`
    expect(await texts(page, `${row} [data-count="withinSla"]`)).toEqual([String(q.withinSla)])
    expect(await texts(page, `${row} [data-count="late"]`)).toEqual([String(q.late)])
    expect(await texts(page, `${row} [data-count="openOverdue"]`)).toEqual([String(q.openOverdue)])
  }
}

describe('the console dashboard in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  const problems: string[] = []

  beforeAll(async () => {
    const now = new Date()
    h = await createTestHarness('pglite', {}, fixedClock(now))
    await createConsoleUser(h.ctx, SYSTEM_ACTOR, USER, PASSWORD)
    await seed(h, now)
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

  it('signs in and shows the figures the API gives, each chart with its numbers', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/console`)
    await page.fill('#email', USER.email)
    await page.fill('#password', PASSWORD)
    await page.press('#password', 'Enter')
    await page.waitForSelector('nav a[href="/console/dashboard"]')
    const answer = page.waitForResponse((r) => r.url().includes('/v1/stats/dashboard'))
    await page.click('nav a[href="/console/dashboard"]')
    const shown = (await (await answer).json()) as DashboardStats
    await page.waitForSelector('#automated-share')
    expect(await texts(page, 'h1')).toEqual(['Dashboard'])
    expect(await page.getAttribute('nav a[aria-current="page"]', 'href')).toBe('/console/dashboard')
    const query = `from=${encodeURIComponent(shown.from)}&to=${encodeURIComponent(shown.to)}`
    const api = await (await s.api('moderator', 'GET', `/v1/stats/dashboard?${query}`)).json()
    expect(api).toEqual(shown)
    expect(shown.volume.days).toHaveLength(30)
    expect(shown.volume.total).toBe(4)
    expect(shown.automation).toMatchObject({ decisions: 3, partially: 1, not: 2 })
    expect(shown.appeals).toEqual({ decided: 1, reversed: 1, share: 1 })
    await expectFiguresOf(page, shown)
    expect(await texts(page, '#automated-share .big-figure-value')).toEqual(['33%'])
    expect(await texts(page, '#reversal-rate .big-figure-value')).toEqual(['100%'])
    for (const chart of ['#chart-volume', '#chart-sources', '#chart-sla']) {
      expect(await page.locator(`${chart} figcaption h2`).count()).toBe(1)
      expect(await page.locator(`${chart} .visually-hidden table caption`).count()).toBe(1)
      expect(await page.getAttribute(`${chart} svg.chart-svg`, 'aria-hidden')).toBe('true')
    }
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-dashboard')
  })

  it('shows the last 7 days when the period is changed from the keyboard', async () => {
    const { page } = s
    const answer = page.waitForResponse((r) => r.url().includes('/v1/stats/dashboard'))
    await page.focus('input[name="period"][value="30"]')
    await page.keyboard.press('ArrowLeft')
    expect(await page.isChecked('input[name="period"][value="7"]')).toBe(true)
    const shown = (await (await answer).json()) as DashboardStats
    await expect.poll(() => page.locator('#table-volume tbody tr').count()).toBe(7)
    expect(shown.volume.days).toHaveLength(7)
    await expectFiguresOf(page, shown)
    expect(await seriousAxeViolations(page)).toEqual([])
    // @NOTE The signed-out session check answers 401 and the favicon 404; nothing else may fail.
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([])
  })
})
