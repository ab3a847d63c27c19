import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { createConsoleUser } from '../../src/services/console-users.js'
import { addBank, openCase } from '../api-steps.js'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, openBrowser, signInToConsole } from '../browser.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { assessmentInput } from '../risk-fixtures.js'

// @NOTE Issue 7: an auditor reads the approved risk assessment (with its live evidence and its
// history) and the code-measure matrix in the console, and opens the assessment's HTML export;
// every page passes axe.

const PASSWORD = 'quiet harbour lantern 42'
const AUD = { email: 'aud@example.org', name: 'Audrey Tang', role: 'auditor' } as const
const APPROVER = { approvedBy: { name: 'Dana Reid', role: 'Director' } }

describe('the risk assessment and code measures in the console, in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  const problems: string[] = []
  const ids: string[] = []

  async function approveVersion(levels: Record<string, 'medium' | 'high'>) {
    const input = assessmentInput({
      profile: {
        serviceName: 'Example files',
        serviceTypes: ['file_sharing'],
        monthlyUkUsers: 1_000_000,
        functionalities: ['images_videos', 'hyperlinks'],
      },
      levels: { 'illegal.csea': 'high', 'illegal.csea.image_csam': 'high', ...levels },
    })
    const draft = await h.call('admin', 'POST', '/v1/risk-assessments', input)
    expect(draft.statusCode, draft.body).toBe(201)
    const id = draft.json().id as string
    const approved = await h.call('admin', 'POST', `/v1/risk-assessments/${id}/approve`, APPROVER)
    expect(approved.statusCode, approved.body).toBe(200)
    ids.push(id)
  }

  beforeAll(async () => {
    h = await createTestHarness('pglite', {}, fixedClock(new Date()))
    await createConsoleUser(h.ctx, SYSTEM_ACTOR, AUD, PASSWORD)
    for (const harm of ['illegal.hate', 'illegal.hate', 'illegal.fraud'])
      await openCase(h, { harm })
    h.clock.advance(60_000)
    await approveVersion({ 'illegal.hate': 'medium' })
    await addBank(
      h,
      { name: 'csam-exact', kind: 'sha256', harm: 'illegal.csea.image_csam', action: 'block' },
      ['b'.repeat(64)],
    )
    await approveVersion({ 'illegal.hate': 'high', 'illegal.fraud': 'medium' })
    s = await openBrowser(h)
    s.page.setDefaultTimeout(10_000)
    s.page.on('pageerror', (error) => problems.push(error.message))
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  it('shows the approved assessment, its live evidence and the versions before it', async () => {
    const { page } = s
    await signInToConsole(s, AUD.email, PASSWORD)
    await page.click('nav >> text=Risk assessment')
    await page.waitForSelector('#harm-table')
    expect(await page.textContent('[data-fact="version"]')).toBe('2 (approved)')
    expect(
      await page.textContent('#harm-table tr[data-kind="illegal.hate"] [data-cell="level"]'),
    ).toBe('high')
    expect(
      await page.textContent('#live-table tr[data-kind="illegal.hate"] [data-cell="trend"]'),
    ).toBe('up: 0 → 2 reports and detections (none the year before)')
    expect(await page.getAttribute('#history-table tr[data-version="1"]', 'data-status')).toBe(
      'superseded',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-compliance-assessment')

    await page.click('text=Show version 1')
    await page.waitForSelector('[data-fact="version"]:has-text("1 (superseded)")')
    expect(
      await page.textContent('#harm-table tr[data-kind="illegal.hate"] [data-cell="level"]'),
    ).toBe('medium')
  })

  it('shows which measures apply, why, what Vigil carries out and the gaps', async () => {
    const { page } = s
    await page.click('nav >> text=Code measures')
    await page.waitForSelector('#measure-table')
    expect(await page.textContent('[data-fact="multi-risk"]')).toBe(
      'multi-risk (medium or high risk of 3 kinds: Child sexual exploitation and abuse (CSEA), Hate, Fraud and financial services)',
    )
    const c9 = 'tr[data-measure="ICU C9"]'
    expect(await page.getAttribute(`${c9} [data-status]`, 'data-status')).toBe('not_met')
    expect(await page.textContent(`${c9} [data-cell="applies"]`)).toContain(
      '(a) image-based CSAM risk high and 1,000,000 > 700,000 monthly UK users; a file-storage/sharing service',
    )
    expect(await page.getAttribute('#gap-list li:has-text("csam-exact")', 'data-measures')).toBe(
      'ICU C9',
    )
    expect(await page.$('tr[data-measure="ICU A1"]')).toBeNull()
    await page.check('text=Show measures that do not apply')
    await page.waitForSelector('tr[data-measure="ICU A1"][data-applies="no"]')
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-compliance-measures')
  })

  it('opens the assessment as a self-contained page', async () => {
    const { page } = s
    await page.goto(`${s.baseUrl}/v1/risk-assessments/${ids[1]}?format=html`)
    await page.waitForSelector('h1')
    expect(await page.textContent('h1')).toBe(
      'Illegal content risk assessment: Example files, version 2',
    )
    expect(await page.$$('svg.trend')).toHaveLength(22)
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('risk-assessment-html')
    expect(problems).toEqual([])
  })
})
