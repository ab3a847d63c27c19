import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { sealAuditLog } from '../../src/services/audit-seal.js'
import { createConsoleUser } from '../../src/services/console-users.js'
import { openCase, postDecision } from '../api-steps.js'
import { seriousAxeViolations } from '../axe.js'
import { type BrowserSession, openBrowser, signInToConsole } from '../browser.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5: someone edits a sealed audit entry straight in the database; the auditor presses
// "Verify the chain" in the console and is told the chain is broken, and at which entry.

const PASSWORD = 'quiet harbour lantern 42'
const AUD = { email: 'aud@example.org', name: 'Audrey Tang', role: 'auditor' } as const

interface SealedRow {
  id: number
  chain_seq: number
}

describe('a tampered audit chain in the console, in Chromium', () => {
  let h: TestHarness
  let s: BrowserSession
  const problems: string[] = []

  beforeAll(async () => {
    h = await createTestHarness('pglite', {}, fixedClock(new Date()))
    // @NOTE Ids skip ahead (as rolled-back writes make them do), so an entry's id and its number
    // in the chain differ and the test can tell which one the console names.
    await sql`select setval(pg_get_serial_sequence('audit_entry', 'id'), 1000)`.execute(h.ctx.db)
    await createConsoleUser(h.ctx, SYSTEM_ACTOR, AUD, PASSWORD)
    for (const harm of ['illegal.fraud', 'illegal.hate']) {
      const { caseId } = await openCase(h, { harm })
      await postDecision(h, caseId)
    }
    s = await openBrowser(h)
    s.page.setDefaultTimeout(10_000)
    s.page.on('pageerror', (error) => problems.push(error.message))
  })
  afterAll(async () => {
    await s?.close()
    await closeHarness(h)
  })

  /** Seals the log and changes the data of a sealed entry half-way along the chain. */
  async function tamperWithSealedEntry(): Promise<SealedRow> {
    expect(await sealAuditLog(h.ctx)).toBeGreaterThan(3)
    const sealed = await sql<SealedRow>`select id, chain_seq from audit_entry
      where chain_seq is not null order by chain_seq`.execute(h.ctx.db)
    const target = sealed.rows[Math.floor(sealed.rows.length / 2)] as SealedRow
    const changed = await sql`update audit_entry
      set data = jsonb_set(data, '{statement}', '"nothing to see here"')
      where id = ${target.id}`.execute(h.ctx.db)
    expect(changed.numAffectedRows).toBe(1n)
    expect(target.id).not.toBe(target.chain_seq)
    return target
  }

  it('names the changed entry and says the chain is broken', async () => {
    const { page } = s
    await signInToConsole(s, AUD.email, PASSWORD)
    await page.click('nav >> text=Audit log')
    await page.waitForSelector('#audit-table')
    await page.click('#audit-verify')
    await page.waitForSelector('[data-verify]')
    expect(await page.getAttribute('[data-verify]', 'data-verify')).toBe('intact')

    const target = await tamperWithSealedEntry()
    await page.reload()
    await page.waitForSelector('#audit-table')
    const sealedCell = `tr[data-entry="${target.id}"] [data-cell="sealed"]`
    expect(await page.textContent(sealedCell)).toBe(`yes, number ${target.chain_seq}`)
    await page.click('#audit-verify')
    await page.waitForSelector('[data-verify="broken"]')
    const verdict = ((await page.textContent('#verify-result')) ?? '').trim()
    expect(verdict).toBe(
      `The chain is broken at sealed entry number ${target.chain_seq} (entry id ${target.id}): its contents do not match its hash: the entry was changed after sealing. Entries before it are intact.`,
    )
    const api = (await (await s.api('admin', 'GET', '/v1/audit/verify')).json()) as {
      ok: boolean
      firstBreak: { chainSeq: number; entryId: number }
    }
    expect(api).toMatchObject({
      ok: false,
      firstBreak: { chainSeq: target.chain_seq, entryId: target.id },
    })
    expect(await seriousAxeViolations(page)).toEqual([])
    await s.screenshot('console-audit-broken')
    expect(problems).toEqual([])
  })
})
