import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../src/core/roles.js'
import { disableConsoleUser } from '../../src/services/console-users.js'
import { openCase, openCaseIds } from '../api-steps.js'
import { asSession, createUser, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

// @NOTE Issue 5: the console's people, so the queue page can filter by a named colleague.

describe.each(dialects())('the console people on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  it('lists enabled console users by name with id and role only; a disabled one is left out', async () => {
    const zed = await createUser(h, 'moderator', 'zed@example.org')
    const amy = await createUser(h, 'auditor', 'amy@example.org')
    const leaver = await createUser(h, 'triage', 'leaver@example.org')
    await disableConsoleUser(h.ctx, SYSTEM_ACTOR, leaver.email)
    const res = await h.call('moderator', 'GET', '/v1/console/people')
    expect(res.statusCode, res.body).toBe(200)
    const { people } = res.json() as { people: Record<string, unknown>[] }
    const ours = people.filter((p) => [zed.id, amy.id, leaver.id].includes(p.id as string))
    expect(ours).toEqual([
      { id: amy.id, name: amy.name, role: 'auditor' },
      { id: zed.id, name: zed.name, role: 'moderator' },
    ])
    const names = people.map((p) => p.name as string)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
    expect(res.body).not.toContain('@example.org')
  })

  it('answers a console session too, so the queue page can read it', async () => {
    const session = await signedIn(h, 'triage')
    const res = await asSession(h, session)('GET', '/v1/console/people')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().people.map((p: { id: string }) => p.id)).toContain(session.userId)
  })

  it('lets the case list filter by a console user as assignee', async () => {
    const bea = await createUser(h, 'moderator')
    const { caseId: hers } = await openCase(h, { harm: 'illegal.fraud' })
    const { caseId: other } = await openCase(h, { harm: 'illegal.fraud' })
    const assigned = await h.call('admin', 'POST', `/v1/cases/${hers}/assign`, {
      assignee: `user:${bea.id}`,
    })
    expect(assigned.statusCode, assigned.body).toBe(200)
    const ids = await openCaseIds(h, `assignee=${encodeURIComponent(`user:${bea.id}`)}`)
    expect(ids).toEqual([hers])
    expect(ids).not.toContain(other)
  })
})
