import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, focusedId, openBrowser, unlabelledControls } from '../browser.js'
import { asSession, signedIn, TEST_PASSWORD, type TestSession } from '../console-steps.js'
import { cseaCase, cseaSettings, reportsOfCase } from '../csea-steps.js'
import { closeHarness, decisionInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { type NcaTestServer, startNcaServer } from '../nca-server.js'

// @NOTE Issue 6 in the console, in Chromium: a child-safety specialist decides a CSEA case (its
// evidence is preserved and its NCA report drafted), opens a preserved item giving a purpose that
// the custody log keeps, and cannot approve the report (a second person must); a colleague
// approves it and the NCA's reference comes back. A moderator sees no evidence; the law
// enforcement liaison places a legal hold and records a preservation request.

const PURPOSE = 'Kent Police request 24/1187'

async function servePng(): Promise<{ server: Server; url: string }> {
  const png = await sharp({
    create: { width: 96, height: 64, channels: 3, background: { r: 200, g: 90, b: 40 } },
  })
    .png()
    .toBuffer()
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}/picture.png` }
}

async function expectNoSeriousAxe(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([])
}

describe('evidence and CSEA reports in the console, in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  let nca: NcaTestServer
  let png: Awaited<ReturnType<typeof servePng>>
  let decider: TestSession
  let colleague: TestSession
  let caseId = ''
  const problems: string[] = []

  /** A new browser context signed in as `email`. */
  async function pageAs(email: string): Promise<Page> {
    const context = await s.browser.newContext({ viewport: { width: 1100, height: 800 } })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto(`${s.baseUrl}/console`)
    await page.fill('#email', email)
    await page.fill('#password', TEST_PASSWORD)
    await page.press('#password', 'Enter')
    await page.waitForSelector('#sign-out')
    return page
  }

  beforeAll(async () => {
    nca = await startNcaServer()
    png = await servePng()
    h = await createTestHarness('pglite', cseaSettings(nca), fixedClock(new Date()))
    decider = await signedIn(h, 'child_safety')
    colleague = await signedIn(h, 'child_safety')
    caseId = (await cseaCase(h, { mediaUrl: png.url })).caseId
    const decided = await asSession(h, decider)(
      'POST',
      `/v1/cases/${caseId}/decisions`,
      decisionInput({
        harm: 'illegal.csea.image_csam',
        ground: { type: 'illegal', offence: 'Protection of Children Act 1978 s.1' },
        statement: 'The image shows the sexual abuse of a child. We removed it.',
      }),
    )
    expect(decided.statusCode, decided.body).toBe(201)
    await h.worker.drain()
    s = await openBrowser(h)
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
    await nca?.close()
    await new Promise((resolve) => png?.server.close(resolve))
  })

  it('opens a preserved item for a stated purpose, kept in the custody log', async () => {
    const page = await pageAs(colleague.email)
    await page.goto(`${s.baseUrl}/console/cases/${caseId}`)
    await page.waitForSelector('#evidence-table')
    const labels = await page.$$eval('#evidence-table tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-evidence')),
    )
    expect(labels).toEqual(
      expect.arrayContaining(['subject', 'media[0]', 'signals', 'reports', 'decisions']),
    )
    await expectNoSeriousAxe(page)
    await s.screenshot('console-evidence-case', page)

    const media = page.locator('#evidence-table tr[data-evidence="media[0]"] button')
    await media.focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('#purpose-dialog[open]')
    expect(await focusedId(page)).toBe('purpose-dialog-text')
    expect(await unlabelledControls(page)).toBe(0)
    await page.keyboard.type('looking')
    await page.click('#purpose-dialog-submit')
    await page.locator('#purpose-dialog-error', { hasText: 'at least 10 characters' }).waitFor()
    await expectNoSeriousAxe(page)
    await s.screenshot('console-evidence-purpose', page)

    await page.fill('#purpose-dialog-text', PURPOSE)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#evidence-opened img')
    expect(await page.locator('#purpose-dialog').count()).toBe(0)
    await page.waitForFunction("document.querySelector('#evidence-opened img').naturalWidth > 0")
    expect(await page.getAttribute('#evidence-opened img', 'src')).toMatch(/^blob:/)
    await page.click('#evidence-image')
    await s.screenshot('console-evidence-opened', page)

    const res = await s.api('admin', 'GET', '/v1/audit/entries?action=evidence.viewed')
    const { entries } = (await res.json()) as {
      entries: { actor: string; data: { purpose: string; label: string } }[]
    }
    expect(entries.map((e) => [e.actor, e.data.label, e.data.purpose])).toEqual([
      [`user:${colleague.userId}`, 'media[0]', PURPOSE],
    ])

    await page.click('#evidence-package')
    await page.fill('#purpose-dialog-text', PURPOSE)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#purpose-dialog-submit'),
    ])
    expect(download.suggestedFilename()).toBe(`evidence-${caseId}.zip`)
    await page.context().close()
  })

  it('shows a moderator no evidence, and the API refuses them', async () => {
    const moderator = await signedIn(h, 'moderator')
    const page = await pageAs(moderator.email)
    await page.goto(`${s.baseUrl}/console/cases/${caseId}`)
    await page.waitForSelector('#case-content')
    expect(await page.locator('#case-evidence').count()).toBe(0)
    expect(await page.locator('nav >> text=Evidence').count()).toBe(0)
    expect(await page.locator('nav >> text=CSEA reports').count()).toBe(0)
    const status = await page.evaluate(
      `fetch('/v1/cases/${caseId}/evidence', { credentials: 'same-origin' }).then((r) => r.status)`,
    )
    expect(status).toBe(403)
    await page.context().close()
  })

  it('reviews the NCA report: missing items, the second-person rule, approval, the reference', async () => {
    const [report] = await reportsOfCase(h, caseId)
    const reportId = report?.id as string
    const page = await pageAs(decider.email)
    await page.click('nav >> text=CSEA reports')
    await page.waitForSelector('#csea-table')
    expect(await page.textContent(`tr[data-report="${reportId}"] [data-cell="priority"]`)).toBe(
      'P2',
    )
    await expectNoSeriousAxe(page)
    await s.screenshot('console-csea-list', page)

    await page.click(`#csea-open-${reportId}`)
    await page.waitForSelector('#missing-items')
    const missing = await page.$$eval('#missing-items li', (items) =>
      items.map((li) => li.getAttribute('data-missing')),
    )
    expect(missing).toEqual(expect.arrayContaining(['upload.ip', 'account.emails', 'declaration']))
    expect(await page.textContent('#declaration-text')).toContain(
      'section 69 of the Online Safety Act 2023',
    )
    await page.check('#approve-declaration')
    await page.click('#approve-submit')
    await page.locator('#approve-error', { hasText: 'approved by a second person' }).waitFor()
    await expectNoSeriousAxe(page)
    await s.screenshot('console-csea-refused', page)
    await page.context().close()

    const second = await pageAs(colleague.email)
    await second.goto(`${s.baseUrl}/console/csea-reports/${reportId}`)
    await second.check('#approve-declaration')
    await second.click('#approve-submit')
    await second.locator('#csea-status', { hasText: 'Approved' }).waitFor()
    await h.worker.drain()
    expect(nca.received.map((r) => r.report.id)).toEqual([reportId])
    await second.reload()
    const reference = await second.locator('#csea-reference').textContent()
    expect(reference).toContain((await reportsOfCase(h, caseId))[0]?.externalReference as string)
    await expectNoSeriousAxe(second)
    await s.screenshot('console-csea-sent', second)
    await second.context().close()
  })

  it('lets the liaison place a legal hold and record a preservation request', async () => {
    const liaison = await signedIn(h, 'law_enforcement_liaison')
    const page = await pageAs(liaison.email)
    await page.click('nav >> text=Evidence')
    await page.waitForSelector('#hold-form')
    expect(await unlabelledControls(page)).toBe(0)
    await page.fill('#hold-case', caseId)
    await page.fill('#hold-requester', 'Kent Police')
    await page.fill('#hold-reason', 'Investigation 24/1187: keep everything')
    await page.click('#hold-submit')
    await page.locator('#holds-status', { hasText: 'Placed a legal hold' }).waitFor()
    await page.waitForSelector('#holds-table tr[data-state="active"]')
    const holds = (await (
      await s.api('admin', 'GET', `/v1/legal-holds?caseId=${caseId}`)
    ).json()) as { holds: { id: string; requester: string; placedBy: string }[] }
    expect(holds.holds).toMatchObject([
      { requester: 'Kent Police', placedBy: `user:${liaison.userId}` },
    ])

    const holdId = holds.holds[0]?.id as string
    await page.fill('#request-authority', 'Metropolitan Police Service')
    await page.fill('#request-reference', 'MPS-PR-0042')
    await page.fill('#request-case', caseId)
    await page.fill('#request-deadline', '2030-01-15T12:00')
    await page.click('#request-submit')
    await page.waitForSelector('#requests-table tr[data-request]')
    expect(await page.textContent('#requests-table [data-cell="standing"]')).toBe('pending')
    await expectNoSeriousAxe(page)
    await s.screenshot('console-evidence-holds', page)

    await page.click(`#release-${holdId}`)
    await page.fill('#release-dialog-text', 'The investigation closed')
    await page.click('#release-dialog-submit')
    await page.waitForSelector(`#holds-table tr[data-hold="${holdId}"][data-state="released"]`)
    await page.context().close()
    expect(problems).toEqual([])
  })
})
