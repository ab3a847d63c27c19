import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { addBank, openCase } from '../api-steps.js'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, focusedId, openBrowser, unlabelledControls } from '../browser.js'
import { createUser, TEST_PASSWORD } from '../console-steps.js'
import { closeHarness, contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5, second slice, in Chromium: a moderator works a case from the queue to a
// decision with the judgement checklist and the statement preview; a decision from the keyboard
// alone; CSEA media stays a placeholder for a moderator and opens for the child-safety team. The
// images come from a loopback server (the harness allows private networks).

const PHRASE = 'send me your bank pin'

interface CaseJson {
  status: string
  decisions: {
    actions: { type: string }[]
    ground: { type: string }
    judgement?: { items: { id: string; met: boolean }[] } | null
  }[]
}

async function expectNoSeriousAxe(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([])
}

async function servePng(): Promise<{ server: Server; url: string; hits: () => number }> {
  const png = await sharp({
    create: { width: 96, height: 64, channels: 3, background: { r: 40, g: 120, b: 200 } },
  })
    .png()
    .toBuffer()
  let hits = 0
  const server = createServer((_req, res) => {
    hits += 1
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length })
    res.end(png)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}/picture.png`, hits: () => hits }
}

async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/console`)
  await page.fill('#email', email)
  await page.fill('#password', TEST_PASSWORD)
  await page.press('#password', 'Enter')
  await page.waitForSelector('#queue-table')
}

async function heldContent(h: TestHarness, text: string, media: string): Promise<string> {
  const res = await h.call(
    'platform',
    'POST',
    '/v1/content',
    contentInput({ kind: 'image', text, media: [{ url: media }], author: { id: 'user-314' } }),
  )
  expect(res.statusCode, res.body).toBe(200)
  return res.json().caseId as string
}

/** An image the platform sent, then reported as child sexual abuse material; its case. */
async function reportedImage(h: TestHarness, media: string): Promise<string> {
  const content = contentInput({ kind: 'image', text: undefined, media: [{ url: media }] })
  const sent = await h.call('platform', 'POST', '/v1/content', content)
  expect(sent.statusCode, sent.body).toBe(200)
  const report = await openCase(h, {
    harm: 'illegal.csea.image_csam',
    subject: { id: content.id, kind: 'image' },
  })
  return report.caseId as string
}

describe('the case page in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  let png: Awaited<ReturnType<typeof servePng>>
  let moderatorEmail: string
  let childSafetyEmail: string
  const caseIds = { worked: '', keyboard: '', csea: '', bulkA: '', bulkB: '' }
  const problems: string[] = []

  beforeAll(async () => {
    h = await createTestHarness('pglite', {}, fixedClock(new Date()))
    png = await servePng()
    moderatorEmail = (await createUser(h, 'moderator')).email
    childSafetyEmail = (await createUser(h, 'child_safety')).email
    const bank = { name: 'scam-phrases', kind: 'keyword', harm: 'illegal.fraud', action: 'review' }
    await addBank(h, bank, [PHRASE])
    caseIds.worked = await heldContent(h, `Hello friend, please ${PHRASE} today`, png.url)
    caseIds.keyboard = await heldContent(h, `Quick: ${PHRASE}`, png.url)
    caseIds.csea = await reportedImage(h, png.url)
    caseIds.bulkA = await heldContent(h, `First: ${PHRASE}`, png.url)
    caseIds.bulkB = await heldContent(h, `Second: ${PHRASE}`, png.url)
    s = await openBrowser(h)
    s.context.setDefaultTimeout(10_000)
    s.page.on('pageerror', (error) => problems.push(error.message))
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
    await new Promise((resolve) => png?.server.close(resolve))
  })

  it('works a case from the queue to a decision with the checklist and the preview', async () => {
    const { page } = s
    await signInAs(page, s.baseUrl, moderatorEmail)
    const { queue } = (await (
      await s.api('moderator', 'GET', `/v1/cases/${caseIds.worked}`)
    ).json()) as { queue: string }
    await page.click(`tr[data-queue="${queue}"] a`)
    await page.click(`#open-${caseIds.worked}`)
    await page.waitForSelector('#decision-form')
    expect(page.url()).toBe(`${s.baseUrl}/console/cases/${caseIds.worked}`)
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.textContent('#content-text mark')).toBe(PHRASE)
    expect(await page.textContent('#case-signals')).toContain(`matched term “${PHRASE}”`)
    expect(await page.textContent('#case-reports')).toContain('Nobody reported')
    await page.waitForSelector('#standing-summary')
    expect(await page.getAttribute('#media-0 img', 'class')).toContain('blurred')
    await page.waitForFunction(
      "document.querySelector('#media-0 img')?.complete && document.querySelector('#media-0 img').naturalWidth > 0",
    )
    await page.waitForSelector('#judgement-checklist input[type=checkbox]')
    expect(await unlabelledControls(page)).toBe(0)
    await expectNoSeriousAxe(page)
    await s.screenshot('console-case')

    await page.click('#media-0')
    expect(await page.getAttribute('#media-0 img', 'class')).not.toContain('blurred')
    await page.click('#decide')
    const refusal = page.locator('#decision-error[role="alert"]')
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(/actions|statement/)
    const items = await page.$$eval('#judgement-checklist input[type=checkbox]', (boxes) =>
      boxes.map((b) => b.id),
    )
    for (const id of items) await page.check(`#${id}`)
    await page.check('#action-remove')
    await page.check('#action-label')
    await page.fill('#action-label-text', 'Scam: never share your PIN')
    expect(await unlabelledControls(page)).toBe(0)
    await page.fill('#decision-statement', 'The post asks for a bank PIN: a fraud attempt.')
    await page
      .locator('#preview-text', { hasText: 'The post asks for a bank PIN: a fraud attempt.' })
      .waitFor()
    expect(await page.textContent('#preview-text')).toContain('"Scam: never share your PIN"')
    await page.click('#decide')
    await page.locator('#case-status', { hasText: 'Decision recorded' }).waitFor()
    await page.waitForSelector('#case-decisions')
    const decided = (await (
      await s.api('moderator', 'GET', `/v1/cases/${caseIds.worked}`)
    ).json()) as CaseJson
    expect(decided.status).toBe('decided')
    expect(decided.decisions[0]?.actions).toEqual([
      { type: 'remove' },
      { type: 'label', label: 'Scam: never share your PIN' },
    ])
    expect(decided.decisions[0]?.judgement?.items.length).toBe(items.length)
    expect(decided.decisions[0]?.judgement?.items.every((i) => i.met)).toBe(true)
    await expectNoSeriousAxe(page)
    await s.screenshot('console-case-decided')
  })

  it('decides from the keyboard alone, with a confirmation, never while typing', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/console/cases/${caseIds.keyboard}`)
    await page.waitForSelector('#decision-form')
    await page.keyboard.press('?')
    await page.waitForSelector('#shortcut-help')
    expect(await focusedId(page)).toBe('shortcut-help-close')
    await page.keyboard.press('Escape')
    expect(await page.locator('#shortcut-help').count()).toBe(0)

    await page.focus('#decision-statement')
    await page.keyboard.type('r')
    expect(await page.locator('#confirm-decision').count()).toBe(0)
    await page.fill('#decision-statement', '')
    await page.focus('h1')

    await page.keyboard.press('n')
    await page.waitForSelector('#confirm-decision')
    await page.keyboard.press('Escape')
    expect(await page.locator('#confirm-decision').count()).toBe(0)

    const firstItem = await page.getAttribute('#judgement-checklist input[type=checkbox]', 'id')
    await page.focus(`#${firstItem}`)
    await page.keyboard.press('Space')
    await page.keyboard.press('r')
    await page.waitForSelector('#confirm-decision')
    expect(await focusedId(page)).toBe('confirm-yes')
    expect(await page.isChecked('#action-remove')).toBe(true)
    await page.keyboard.press('Enter')
    await page.locator('#case-status', { hasText: 'Decision recorded' }).waitFor()
    const decided = (await (
      await s.api('moderator', 'GET', `/v1/cases/${caseIds.keyboard}`)
    ).json()) as CaseJson
    expect(decided.status).toBe('decided')
    expect(decided.decisions[0]?.actions).toEqual([{ type: 'remove' }])
    expect(decided.decisions[0]?.ground.type).toBe('illegal')
    expect(decided.decisions[0]?.judgement?.items.filter((i) => i.met)).toEqual([
      { id: firstItem?.replace(/^judgement-/, ''), met: true },
    ])
  })

  it('applies one no-action decision to several cases from the queue, reporting each', async () => {
    const { page } = s
    const { queue } = (await (
      await s.api('moderator', 'GET', `/v1/cases/${caseIds.bulkA}`)
    ).json()) as { queue: string }
    await page.goto(`${s.baseUrl}/console/queues/${queue}`)
    await page.waitForSelector('#case-table')
    await page.check(`#select-${caseIds.bulkA}`)
    await page.check(`#select-${caseIds.bulkB}`)
    await page.check('#bulk-no-action')
    expect(await page.textContent('#bulk-apply')).toBe('Apply to 2 selected cases')
    await expectNoSeriousAxe(page)
    await page.click('#bulk-apply')
    await page.waitForSelector('#bulk-results li >> nth=1')
    expect(await page.locator('#bulk-results [data-bulk-result="ok"]').count()).toBe(2)
    await s.screenshot('console-queue-bulk')
    for (const id of [caseIds.bulkA, caseIds.bulkB]) {
      const decided = (await (
        await s.api('moderator', 'GET', `/v1/cases/${id}`)
      ).json()) as CaseJson
      expect(decided.decisions[0]?.actions).toEqual([{ type: 'no_action' }])
    }
  })

  it('shows a moderator a placeholder for CSEA media, and the child-safety team the image', async () => {
    const { page } = s
    const mediaRequests: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/media/')) mediaRequests.push(r.url())
    })
    await page.goto(`${s.baseUrl}/console/cases/${caseIds.csea}`)
    await page.waitForSelector('#media-withheld-0')
    expect(await page.textContent('#media-withheld-0')).toContain('only the child-safety team')
    expect(await page.locator('img').count()).toBe(0)
    expect(mediaRequests).toEqual([])
    await expectNoSeriousAxe(page)
    await s.screenshot('console-case-csea-moderator')

    const context = await s.browser.newContext({ viewport: { width: 1000, height: 800 } })
    const other = await context.newPage()
    other.setDefaultTimeout(10_000)
    await signInAs(other, s.baseUrl, childSafetyEmail)
    await other.goto(`${s.baseUrl}/console/cases/${caseIds.csea}`)
    await other.waitForSelector('#media-0 img')
    await other.waitForFunction("document.querySelector('#media-0 img').naturalWidth > 0")
    expect(await other.getAttribute('#media-0 img', 'class')).toContain('blurred')
    await other.check('#reveal-media')
    await other.waitForSelector('#media-0 img:not(.blurred)')
    const session = await other.evaluate<{ user: { preferences: { revealMedia: boolean } } }>(
      "fetch('/console/api/session', { credentials: 'same-origin' }).then((r) => r.json())",
    )
    expect(session.user.preferences.revealMedia).toBe(true)
    await expectNoSeriousAxe(other)
    await s.screenshot('console-case-csea-child-safety', other)
    await context.close()
    expect(problems).toEqual([])
  })
})
