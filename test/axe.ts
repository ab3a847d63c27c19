import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it stands and returns the serious and
 * critical violations, each with the selectors of the elements at fault.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // @NOTE Evaluated, not added as a <script>: a page with a strict CSP (the console) refuses inline
  // scripts, and evaluation from the test is not subject to the page's CSP.
  await page.evaluate(`${AXE_SOURCE}\n;0`)
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })))`)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
