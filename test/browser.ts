import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import type { ApiRole } from '../src/core/roles.js'
import type { TestHarness } from './harness.js'

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
