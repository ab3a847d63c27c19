import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Decision } from '../../src/core/decision.js'
import type { Surface } from '../../src/core/subject.js'
import { rowToDecision } from '../../src/storage/repos/decision-repo.js'
import { listNotificationsFor } from '../../src/storage/repos/notification-repo.js'
import { postDecision, postReport, subscribeWebhooks } from '../api-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput, INTIMATE_DECLARATIONS } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'

const DATA = fileURLToPath(new URL('../../../shared/testdata/pdq/data/', import.meta.url))
const picture = readFileSync(`${DATA}bridge-mods/aaa-orig.jpg`)
const recompressed = readFileSync(`${DATA}bridge-mods/blur-a-little.jpg`)
const unrelated = readFileSync(`${DATA}reg-test-input/pen-and-coaster.png`)

const IIA = 'illegal.intimate_image_abuse'

describe.each(dialects())('copies of a removed intimate image on %s', (dialect) => {
  let h: TestHarness
  const subjects: Record<string, string> = {}
  let original: Decision

  beforeAll(async () => {
    h = await createTestHarness(dialect)
    await subscribeWebhooks(h, ['action.requested'])
    const posts: [string, Buffer, string, Surface][] = [
      ['original', picture, 'poster', 'public'],
      ['exact', picture, 'copier-1', 'group'],
      ['near', recompressed, 'copier-2', 'public'],
      ['private', picture, 'copier-3', 'private'],
      ['unrelated', unrelated, 'bystander', 'public'],
    ]
    for (const [name, bytes, author, surface] of posts) {
      const res = await h.call(
        'platform',
        'POST',
        '/v1/content',
        contentInput({
          id: `${name}-${crypto.randomUUID().slice(0, 6)}`,
          kind: 'image',
          surface,
          author: { id: author },
          media: [{ base64: bytes.toString('base64') }],
        }),
      )
      expect(res.json().verdict).toBe('allow')
      subjects[name] = res.json().subjectId
    }
    original = await removeOriginal()
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  /** Reports the named post as an intimate image shared without consent and removes it. */
  async function removeAsIntimate(
    name: string,
    report: Record<string, unknown> = {},
    decision: Record<string, unknown> = {},
  ): Promise<Decision> {
    const row = await h.ctx.db
      .selectFrom('subject')
      .select('external_id')
      .where('id', '=', subjects[name] as string)
      .executeTakeFirstOrThrow()
    const filed = await postReport(h, {
      subject: { id: row.external_id, kind: 'image' },
      harm: IIA,
      declarations: INTIMATE_DECLARATIONS,
      ...report,
    })
    return postDecision(h, filed.caseId, {
      harm: IIA,
      ground: { type: 'illegal', offence: 'Sexual Offences Act 2003 s.66B' },
      ...decision,
    })
  }

  function removeOriginal(): Promise<Decision> {
    return removeAsIntimate(
      'original',
      { explanation: 'This is a nude photo of me, posted without my consent.' },
      {
        actions: [{ type: 'remove' }],
        statement:
          'The picture is an intimate image shared without the consent of the person in it.',
      },
    )
  }

  async function decisionsOn(name: string): Promise<Decision[]> {
    const rows = await h.ctx.db
      .selectFrom('decision')
      .selectAll()
      .where('subject_id', '=', subjects[name] as string)
      .execute()
    return rows.map(rowToDecision)
  }

  it('takes down exact and near-identical copies with linked decisions', async () => {
    for (const name of ['exact', 'near']) {
      const [copy, ...more] = await decisionsOn(name)
      expect(more).toEqual([])
      expect(copy).toMatchObject({
        harm: IIA,
        actions: [{ type: 'remove' }],
        automatedDetection: true,
        automatedDecision: 'partially',
        decidedBy: 'system:copies',
        ground: {
          type: 'illegal',
          offence: 'Sexual Offences Act 2003 s.66B',
          explanation: expect.stringContaining(original.id),
        },
      })
      expect(copy?.statement).toContain(`decision ${original.id}`)
      expect(copy?.statementOfReasons).toMatchObject({
        automatedDecision: 'AUTOMATED_DECISION_PARTIALLY',
      })
    }
  })

  it('leaves private messages and other pictures alone', async () => {
    expect(await decisionsOn('private')).toEqual([])
    expect(await decisionsOn('unrelated')).toEqual([])
  })

  it('asks the platform to remove each copy and tells its author why', async () => {
    const deliveries = await h.ctx.db
      .selectFrom('webhook_delivery')
      .select('payload')
      .where('event_type', '=', 'action.requested')
      .execute()
    const removed = deliveries.map(
      (d) => (d.payload.data as { subject: { authorId: string } }).subject.authorId,
    )
    expect(removed.sort()).toEqual(['copier-1', 'copier-2', 'poster'])
    for (const name of ['exact', 'near']) {
      const [copy] = await decisionsOn(name)
      const told = await listNotificationsFor(h.ctx.db, { decisionId: copy?.id as string })
      expect(told.filter((n) => n.kind === 'statement_of_reasons')).toHaveLength(1)
    }
  })

  it('audits the take-down on the original decision', async () => {
    const view = await h.call('moderator', 'GET', `/v1/cases/${original.caseId}`)
    const entry = view
      .json()
      .history.find((e: { action: string }) => e.action === 'copies.taken_down')
    expect(entry.data.copies.map((c: { subjectId: string }) => c.subjectId).sort()).toEqual(
      [subjects.exact, subjects.near].sort(),
    )
  })

  it('blocks the picture at its next upload', async () => {
    const again = await h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ kind: 'image', media: [{ base64: picture.toString('base64') }] }),
    )
    expect(again.json().verdict).toBe('block')
    const harms = again.json().signals.map((signal: { harm: string }) => signal.harm)
    expect(new Set(harms)).toEqual(new Set([IIA]))
  })

  it('leaves a copy restored on appeal alone when another copy is removed later', async () => {
    const [exact] = await decisionsOn('exact')
    const reversal = await h.call('admin', 'POST', `/v1/decisions/${exact?.id}/reverse`, {
      reasons: 'This copy was posted by the person in the picture, who agreed to it.',
    })
    expect(reversal.statusCode, reversal.body).toBe(201)
    const [near] = await decisionsOn('near')
    const again = await h.call('admin', 'POST', `/v1/decisions/${near?.id}/reverse`, {
      reasons: 'Sent back for a fresh review.',
    })
    expect(again.statusCode).toBe(201)
    const decided = await removeAsIntimate('near')
    expect(await decisionsOn('exact')).toHaveLength(2)
    expect(await decisionsOn('original')).toHaveLength(1)
    const copies = await h.ctx.db
      .selectFrom('audit_entry')
      .select('id')
      .where('entity_id', '=', decided.id)
      .where('action', '=', 'copies.taken_down')
      .execute()
    expect(copies).toEqual([])
  })
})
