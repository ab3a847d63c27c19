import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import type { ApiRole } from '../src/core/roles.js'
import { closeHarness } from './factories.js'
import { createTestHarness, type TestHarness } from './harness.js'

// @NOTE Browser tests drive Debian's Chromium through playwright-core against a harness app
// listening on 127.0.0.1:0. CI installs chromium; a missing browser fails the test, never skips.

export const CHROMIUM_PATH = '/usr/bin/chromium'
export const SCREENSHOT_DIR = join(
  new URL('..', import.meta.url).pathname,
  'test-artifacts',
  'screenshots',
)

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface BrowserSession {
  browser: Browser
  context: BrowserContext
  page: Page
  /** http://127.0.0.1:<port> of the harness app. */
  baseUrl: string
  /** Saves a full-page screenshot to test-artifacts/screenshots/<name>.png; returns its path. */
  screenshot(name: string, target?: Page): Promise<string>
  /** A fetch to the harness app with a role's API key (for steps a staff member does). */
  api(role: ApiRole, method: string, path: string, body?: unknown): Promise<Response>
  close(): Promise<void>
}

/** Fails with a plain instruction when Chromium is not installed. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `browser tests need Chromium at ${CHROMIUM_PATH}: run \`apt-get install chromium\` (CI installs it)`,
    )
  }
}

/** Starts the harness app on a free loopback port and opens Chromium on it. */
export async function openBrowser(h: TestHarness): Promise<BrowserSession> {
  assertChromium()
  await h.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = h.app.server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS })
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
  const page = await context.newPage()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return {
    browser,
    context,
    page,
    baseUrl,
    screenshot: async (name, target = page) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await target.screenshot({ path, fullPage: true })
      return path
    },
    api: (role, method, path, body) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${h.keys[role]}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    close: async () => {
      await browser.close()
    },
  }
}

/**
 * A PGlite harness with Chromium open on it for the enclosing describe block, closed after it.
 * Read `h`, `s` and `page` inside tests (they are set in beforeAll).
 */
export function useBrowser(): { h: TestHarness; s: BrowserSession; page: Page } {
  let h: TestHarness | undefined
  let s: BrowserSession | undefined
  beforeAll(async () => {
    h = await createTestHarness('pglite')
    s = await openBrowser(h)
  })
  afterAll(async () => {
    await s?.close()
    if (h) await closeHarness(h)
  })
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser is opened in beforeAll')
    return value
  }
  return {
    get h() {
      return opened(h)
    },
    get s() {
      return opened(s)
    },
    get page() {
      return opened(s).page
    },
  }
}

/** From the last field, Tab to the submit button and press Enter; the status of the POST. */
export async function submitWithKeyboard(page: Page): Promise<number> {
  await page.keyboard.press('Tab')
  expect(await focusedTag(page)).toBe('BUTTON')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForNavigation(),
    page.keyboard.press('Enter'),
  ])
  await page.waitForLoadState()
  return response.status()
}

/** Tabs to the field with `id` and types `text` into it. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id)
  await page.keyboard.type(text)
}

/** The id of the element that has keyboard focus ('' when none has an id). */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement?.id ?? ""')
}

/** The tag name of the element that has keyboard focus, e.g. BUTTON. */
export async function focusedTag(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement?.tagName ?? ""')
}

/** How many visible form controls have no label bound to them (should be 0). */
export async function unlabelledControls(page: Page): Promise<number> {
  return page.evaluate<number>(
    `[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter((el) => !el.labels || el.labels.length === 0).length`,
  )
}

/** Presses Tab until the element with `id` has focus; fails if it never does. */
export async function tabTo(page: Page, id: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab')
    if ((await focusedId(page)) === id) return
  }
  throw new Error(`pressing Tab ${maxPresses} times never reached #${id}`)
}

/** Signs in on the console's sign-in page and waits for the signed-in shell. */
export async function signInToConsole(
  s: BrowserSession,
  email: string,
  password: string,
): Promise<void> {
  const { page } = s
  await page.goto(`${s.baseUrl}/console`)
  await page.waitForSelector('#email')
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.focus('#password')
  await page.keyboard.press('Enter')
  await page.waitForSelector('#sign-out')
}
