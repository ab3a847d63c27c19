import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, openBrowser } from '../browser.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { FIXTURE_PERIOD, FIXTURE_POLICY, seedTransparencyFixture } from '../transparency/fixture.js'

// @NOTE Issue 7 point 2: the transparency report's HTML page as a browser shows it, under the
// page's own CSP, over the hand-computed fixture; saved as
// test-artifacts/screenshots/transparency-report.png.

describe('the transparency report page in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  beforeAll(async () => {
    h = await createTestHarness('pglite', { VIGIL_POLICY: FIXTURE_POLICY })
    await seedTransparencyFixture(h)
    s = await openBrowser(h)
    await s.context.setExtraHTTPHeaders({ authorization: `Bearer ${h.keys.admin}` })
  }, 90_000)
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  it('renders its charts and tables with its inline CSS, passes axe-core, and is saved', async () => {
    const { from, to } = FIXTURE_PERIOD
    const requests: string[] = []
    s.page.on('request', (request) => requests.push(request.url()))
    const response = await s.page.goto(
      `${s.baseUrl}/v1/transparency/report?from=${from}&to=${to}&format=html`,
    )
    expect(response?.status()).toBe(200)
    expect(requests).toHaveLength(1)
    expect(await s.page.title()).toBe(`Transparency report, ${from} to ${to}`)
    expect(await s.page.locator('figure.chart svg[role="img"]').count()).toBe(5)
    const bar = s.page.locator('#chart-harm rect').first()
    const fill = "getComputedStyle(document.querySelector('#chart-harm rect')).fill"
    expect(await s.page.evaluate<string>(fill)).toBe('rgb(47, 93, 138)')
    const firstBar = await bar.boundingBox()
    expect(firstBar?.width).toBeGreaterThan(100)
    await expect
      .poll(() => s.page.locator('#chart-harm table').textContent())
      .toContain('Threats to kill or badly hurt someone')
    expect(await s.page.locator('h2').allTextContents()).toContain('Complaints')
    expect(await seriousAxeViolations(s.page)).toEqual([])
    await s.screenshot('transparency-report')
  })
})
