import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoConsoleUser, ensureDemoConsoleUsers } from '../../src/cli/demo/demo-console-users.js'
import { loadDemoData } from '../../src/cli/demo/demo-data.js'
import { fixedClock } from '../../src/core/clock.js'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, openBrowser, signInToConsole, tabTo } from '../browser.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5 in Chromium over the demo data set, loaded by the demo's own loader, with the
// demo console users `serve --demo` makes: the demo moderator sees every queue with open cases,
// and the general queue filtered to overdue cases through a link that keeps the filter; the demo
// admin finds the story of issues 6 and 7 on the evidence, CSEA and compliance pages.

interface QueueRow {
  id: string
  label: string
  open: number
  overdue: number
}

interface ListedCase {
  id: string
  overdue: boolean
  escalation: string | null
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim()
}

function countText(n: number): string {
  return n === 1 ? '1 case' : `${n} cases`
}

describe('the console over the demo data set in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  let dataDir: string
  let password: string
  const problems: string[] = []

  beforeAll(async () => {
    // @NOTE The server clock starts at the real time, so the browser keeps the session cookie.
    h = await createTestHarness('pglite', {}, fixedClock(new Date()))
    await loadDemoData(h.ctx, { subjects: 40 })
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-console-demo-'))
    const path = await ensureDemoConsoleUsers({ ...h.ctx, config: { ...h.ctx.config, dataDir } })
    password = /^password: (\S+)$/m.exec(readFileSync(path, 'utf8'))?.[1] ?? ''
    s = await openBrowser(h)
    s.page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    s.page.on('pageerror', (error) => problems.push(error.message))
    const { page } = s
    await page.goto(`${s.baseUrl}/console`)
    await page.waitForSelector('#email')
    await page.fill('#email', demoConsoleUser('moderator').email)
    await page.fill('#password', password)
    await page.focus('#password')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#queue-table')
  }, 120_000)
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows every queue with open cases, with the counts the API gives', async () => {
    const { page } = s
    expect(await text(page, 'h1')).toBe('Queues')
    expect(await text(page, '#account-name')).toBe(demoConsoleUser('moderator').name)
    const api = (await (await s.api('moderator', 'GET', '/v1/queues')).json()) as {
      queues: QueueRow[]
    }
    const busy = api.queues.filter((q) => q.open > 0)
    expect(busy.map((q) => q.id)).toEqual(
      expect.arrayContaining(['terrorism', 'intimate_images', 'general', 'appeals']),
    )
    for (const q of busy) {
      const row = `tr[data-queue="${q.id}"]`
      expect(await text(page, `${row} th`)).toBe(q.label)
      expect(await text(page, `${row} [data-count="open"]`)).toBe(String(q.open))
      expect(await text(page, `${row} [data-count="overdue"]`)).toBe(String(q.overdue))
    }
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-demo-queues')
  })

  it('filters the general queue to overdue cases from the keyboard, and a link keeps it', async () => {
    const { page } = s
    await page.click('tr[data-queue="general"] a')
    await page.waitForSelector('#queue-filters')
    const all = (await (
      await s.api('moderator', 'GET', '/v1/cases?queue=general&status=open&limit=200')
    ).json()) as { total: number }
    await page.locator('#queue-count', { hasText: countText(all.total) }).waitFor()
    expect(await text(page, '#queue-filters legend')).toBe('Filter cases')
    const unlabelled = await page.evaluate<number>(
      `[...document.querySelectorAll('#queue-filters select')].filter((el) => el.labels.length !== 1).length`,
    )
    expect(unlabelled).toBe(0)

    await tabTo(page, 'filter-escalation')
    await page.selectOption('#filter-escalation', 'overdue')
    await page.waitForURL(/\?escalation=overdue$/)
    const listed = (await (
      await s.api(
        'moderator',
        'GET',
        '/v1/cases?queue=general&status=open&escalation=overdue&limit=200',
      )
    ).json()) as { cases: ListedCase[]; total: number }
    await page.locator('#queue-count', { hasText: countText(listed.total) }).waitFor()
    expect(listed.total).toBeGreaterThan(0)

    await page.reload()
    await page.locator('#queue-count', { hasText: countText(listed.total) }).waitFor()
    expect(page.url()).toBe(`${s.baseUrl}/console/queues/general?escalation=overdue`)
    expect(await page.inputValue('#filter-escalation')).toBe('overdue')
    const rows = await page.$$eval('tbody tr[data-case]', (trs) =>
      trs.map((tr) => tr.getAttribute('data-case')),
    )
    expect(rows).toEqual(listed.cases.map((c) => c.id))
    const countdowns = await page.$$eval('tbody tr[data-case] time', (ts) =>
      ts.map((t) => t.textContent ?? ''),
    )
    for (const [i, c] of listed.cases.entries()) {
      expect(c.escalation).toBe('overdue')
      expect(c.overdue).toBe(true)
      expect(countdowns[i]).toMatch(/^overdue by /)
    }
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-demo-queue-overdue')
    expect(problems.filter((p) => !/401|Failed to load resource/.test(p))).toEqual([])
  })

  it('shows the admin the demo’s holds, preservation requests, CSEA reports and code measures', async () => {
    const { page } = s
    await page.click('#sign-out')
    await page.waitForSelector('#email')
    await signInToConsole(s, demoConsoleUser('admin').email, password)
    const rows = (selector: string) => page.$$eval(selector, (trs) => trs.length)
    await page.click('nav >> text=Evidence')
    await page.waitForSelector('#requests-table')
    const standing = await page.$$eval('#requests-table [data-cell="standing"]', (tds) =>
      tds.map((td) => (td.textContent ?? '').split(':')[0]),
    )
    expect(standing.sort()).toEqual(['met', 'pending'])
    expect(await rows('#holds-table tbody tr[data-state="active"]')).toBe(3)
    await s.screenshot('console-demo-holds')
    await page.click('#requests-table tr:has-text("met: preserved") a')
    await page.waitForSelector('#evidence-table')
    expect(await rows('#evidence-table tr[data-evidence="decisions"]')).toBe(2)
    expect(await page.textContent('#evidence-holds')).toContain('NPPU/2026/0412')

    await page.click('nav >> text=CSEA reports')
    await page.waitForSelector('#csea-table')
    const csea = (await (await s.api('admin', 'GET', '/v1/csea-reports')).json()) as {
      total: number
    }
    expect(await rows('#csea-table tbody tr')).toBe(csea.total)
    expect(csea.total).toBeGreaterThan(0)

    await page.click('nav >> text=Code measures')
    await page.waitForSelector('#measure-table')
    expect(await rows('#measure-table tr[data-applies="yes"]')).toBeGreaterThan(10)
    expect(await rows('#measure-table [data-status="met"]')).toBeGreaterThan(0)
    expect(await rows('#gap-list li')).toBeGreaterThan(0)
    expect(await page.textContent('#measure-table tr[data-measure="ICU D2"]')).toContain(
      'in-app report form',
    )
    await page.click('nav >> text=Risk assessment')
    await page.waitForSelector('#harm-table')
    expect(await rows('#harm-table tbody tr')).toBeGreaterThanOrEqual(21)
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-demo-assessment')
  })
})
