import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { runBankImport } from '../../src/services/bank-files/run-bank-import.js'
import { createConsoleUser } from '../../src/services/console-users.js'
import { seriousAxeViolations } from '../axe.js'
import {
  type BrowserSession,
  openBrowser,
  signInToConsole,
  tabTo,
  unlabelledControls,
} from '../browser.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5: an admin browses a bank created through the API, adds an entry, disables one
// and retracts another (reason and confirmation), imports a file (following the server's job step by
// step) and sees a refused file's problems by line; a moderator browses it without write buttons.

const PASSWORD = 'quiet harbour lantern 42'
const ADMIN = { email: 'root@example.org', name: 'Ria Admin', role: 'admin' } as const
const MOD = { email: 'mod@example.org', name: 'Mo Derator', role: 'moderator' } as const
const HASH_A = 'a'.repeat(64)
const HASH_B = 'b'.repeat(64)
const HASH_C = 'c'.repeat(64)
const HASH_D = 'd'.repeat(64)
const HASH_E = 'e'.repeat(64)

function signInAs(s: BrowserSession, email: string): Promise<void> {
  return signInToConsole(s, email, PASSWORD)
}

async function openBank(page: Page, name: string): Promise<void> {
  await page.click('nav >> text=Banks')
  await page.waitForSelector('#bank-table')
  await page.click(`#bank-table a:text("${name}")`)
  await page.waitForSelector('#entry-table')
}

function stateOf(page: Page, value: string): Promise<string | null> {
  return page.textContent(`#entry-table tr:has(th:text("${value}")) [data-cell="state"]`)
}

describe('banks in the console, in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  let bankId: string
  const problems: string[] = []

  beforeAll(async () => {
    h = await createTestHarness('pglite', {}, fixedClock(new Date()))
    for (const user of [ADMIN, MOD]) await createConsoleUser(h.ctx, SYSTEM_ACTOR, user, PASSWORD)
    s = await openBrowser(h)
    s.page.setDefaultTimeout(10_000)
    s.page.on('pageerror', (error) => problems.push(error.message))
    const created = await s.api('admin', 'POST', '/v1/banks', {
      name: 'scam-images',
      kind: 'sha256',
      harm: 'illegal.terrorism',
      action: 'hold',
    })
    expect(created.status).toBe(201)
    bankId = ((await created.json()) as { id: string }).id
    const added = await s.api('admin', 'POST', `/v1/banks/${bankId}/entries`, {
      entries: [{ value: HASH_A, note: 'first' }, { value: HASH_B }],
    })
    expect(added.status).toBe(201)
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  async function newestImport(): Promise<string> {
    const listed = await s.api('admin', 'GET', `/v1/banks/${bankId}/imports?limit=1`)
    const id = ((await listed.json()) as { imports: { id: string }[] }).imports[0]?.id
    if (!id) throw new Error('the upload stored no import')
    return id
  }

  /**
   * No worker runs beside this server, so the upload waits queued; then the test runs the import
   * job, pausing at its steps until the page (polling the server) shows each one.
   */
  async function followImportJob(page: Page): Promise<void> {
    await page.waitForSelector(
      '#import-status:has-text("Waiting for the worker to start on 2 lines.")',
    )
    expect(await page.getAttribute('#import-progress', 'value')).toBeNull()
    await runBankImport(h.ctx, {
      importId: await newestImport(),
      batchSize: 1,
      onSaved: async (progress) => {
        if (progress.linesChecked === 1) {
          await page.waitForSelector('#import-status:has-text("checked 1 of 2 lines.")')
          expect(await page.getAttribute('#import-progress', 'value')).toBe('1')
          expect(await page.getAttribute('#import-progress', 'max')).toBe('2')
          expect(await page.textContent('label[for="import-progress"]')).toBe('Checking the file')
          await s.screenshot('console-bank-import-progress')
        }
        if (progress.status === 'writing') {
          const words = 'Writing: written 0, skipped 0 already in the bank, of 2 entries.'
          await page.waitForSelector(`#import-status:has-text("${words}")`)
        }
      },
    })
    await h.worker.drain()
    await page.waitForSelector('#import-status:has-text("Done:")')
  }

  it('lets an admin list and browse the bank, add, disable and retract entries', async () => {
    const { page } = s
    await signInAs(s, ADMIN.email)
    await page.click('nav >> text=Banks')
    await page.waitForSelector('#bank-table')
    expect(await page.textContent(`tr[data-bank="${bankId}"] [data-cell="entries"]`)).toBe('2 (2)')
    expect(await page.locator('h1').count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-banks')

    await openBank(page, 'scam-images')
    await tabTo(page, 'entry-value')
    await page.keyboard.type(HASH_C)
    await page.keyboard.press('Enter')
    await page.waitForSelector(`#entry-table th:text("${HASH_C}")`)
    expect(await page.textContent('#bank-status')).toContain('Added')

    await page.click(`#entry-table tr:has(th:text("${HASH_A}")) [data-action="disable"]`)
    await page.waitForSelector('#bank-status:has-text("disabled")')
    expect(await stateOf(page, HASH_A)).toBe('disabled')

    const row = `#entry-table tr:has(th:text("${HASH_B}"))`
    await page.click(`${row} [data-action="retract"]`)
    await page.click(`${row} [data-action="confirm-retract"]`)
    expect(await page.textContent(`${row} [role="alert"]`)).toContain('reason')
    await page.fill(`${row} input[type="text"]`, 'A false positive: a stock photo.')
    await page.click(`${row} [data-action="confirm-retract"]`)
    expect(await page.textContent(`${row} [role="alert"]`)).toContain('final')
    await page.check(`${row} input[type="checkbox"]`)
    await page.click(`${row} [data-action="confirm-retract"]`)
    await page.waitForSelector('#bank-status:has-text("retracted")')
    expect(await stateOf(page, HASH_B)).toBe('retracted: A false positive: a stock photo.')
    expect(await page.textContent('#bank-counts')).toBe('3 in all, 1 active')

    await page.click('#bank-toggle')
    await page.waitForSelector('#bank-enabled:has-text("off:")')
    expect(await page.getAttribute('#export-hma', 'href')).toBe(
      `/v1/banks/${bankId}/export?format=hma-csv`,
    )
    const file = [HASH_D, HASH_A].map((value) => JSON.stringify({ value })).join('\n')
    await page.setInputFiles('#import-input', {
      name: 'more.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(file),
    })
    expect(await page.inputValue('#import-format')).toBe('jsonl')
    await page.click('#import-submit')
    await followImportJob(page)
    expect(await page.textContent('#import-status')).toBe(
      'Done: checked 2 lines; written 1, skipped 1 already in the bank.',
    )
    await page.waitForSelector(`#entry-table th:text("${HASH_D}")`)
    expect(await page.textContent('#bank-status')).toBe('Imported 1 new entries from more.jsonl.')
    expect(await unlabelledControls(page)).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-bank')

    await page.setInputFiles('#import-input', {
      name: 'broken.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from([JSON.stringify({ value: HASH_E }), '{not json'].join('\n')),
    })
    await page.click('#import-submit')
    await page.waitForSelector('#import-status:has-text("Waiting for the worker")')
    await h.worker.drain()
    await page.waitForSelector('#import-problems li')
    expect(await page.textContent('#import-status')).toBe('The import failed: see why below.')
    expect(
      await page.$$eval('#import-problems li', (lis) => lis.map((li) => li.textContent)),
    ).toEqual(['Line 2: is not valid JSON'])
    expect(await page.locator(`#entry-table th:text("${HASH_E}")`).count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.click('#sign-out')
    await page.waitForSelector('#sign-in-notice')
  })

  it('shows a moderator the bank without any write button', async () => {
    const { page } = s
    await signInAs(s, MOD.email)
    await openBank(page, 'scam-images')
    expect(await page.locator('#bank-read-only').count()).toBe(1)
    for (const selector of ['#bank-toggle', '#add-entry', '#import-file', '[data-action]']) {
      expect(await page.locator(selector).count()).toBe(0)
    }
    const exported = await page.evaluate(async (id) => {
      const res = await fetch(`/v1/banks/${id}/export?format=jsonl`)
      return { status: res.status, text: await res.text() }
    }, bankId)
    expect(exported.status).toBe(200)
    for (const hash of [HASH_A, HASH_B, HASH_C]) expect(exported.text).toContain(hash)
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(problems).toEqual([])
  })
})
