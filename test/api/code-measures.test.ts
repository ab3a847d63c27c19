import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addBank, subscribeWebhooks } from '../api-steps.js'
import { asSession, signedIn } from '../console-steps.js'
import { dialects } from '../dialects.js'
import { closeHarness, contentInput } from '../factories.js'
import { createTestHarness, type TestHarness } from '../harness.js'
import { assessmentInput } from '../risk-fixtures.js'

// @NOTE The matrix against a configured Vigil: a file-sharing service with 1M UK users at high
// risk of image-based CSAM owes C9 (ICU C9 "(a) high risk of image-based CSAM and (>700k users or
// file-storage/sharing)"); its status follows the banks, the content and the webhooks Vigil has.

const IMAGE = readFileSync(
  fileURLToPath(
    new URL('../../../shared/testdata/pdq/data/bridge-mods/aaa-orig.jpg', import.meta.url),
  ),
)
const CSAM = 'illegal.csea.image_csam'
const A_PDQ = 'f'.repeat(64)

interface Row {
  key: string
  applies: string
  owed: boolean
  status: { status: string; evidence: string[]; gaps: string[] } | null
  alternatives: { description: string }[]
}

describe.each(dialects())('the code-measure matrix on %s', (dialect) => {
  let h: TestHarness
  beforeAll(async () => {
    h = await createTestHarness(dialect)
  })
  afterAll(async () => {
    await closeHarness(h)
  })

  async function matrix() {
    const res = await h.call('admin', 'GET', '/v1/compliance/measures')
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as {
      measures: Row[]
      gaps: { measures: string[]; gap: string; alternativeRecorded: boolean }[]
    }
  }
  const rowOf = async (key: string) => (await matrix()).measures.find((r) => r.key === key) as Row

  it('answers 404 with what to do until an assessment is approved', async () => {
    const res = await h.call('admin', 'GET', '/v1/compliance/measures')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.message).toMatch(/^there is no approved risk assessment yet/)
    const input = assessmentInput({
      profile: {
        serviceName: 'Example files',
        serviceTypes: ['file_sharing'],
        monthlyUkUsers: 1_000_000,
        functionalities: ['images_videos', 'hyperlinks'],
      },
      levels: { 'illegal.csea': 'high', [CSAM]: 'high' },
    })
    const draft = (await h.call('admin', 'POST', '/v1/risk-assessments', input)).json()
    const preview = await h.call('admin', 'GET', `/v1/compliance/measures?assessmentId=${draft.id}`)
    expect(preview.json().assessment).toMatchObject({ version: 1, status: 'draft' })
    const approver = { approvedBy: { name: 'Dana Reid', role: 'Director' } }
    await h.call('admin', 'POST', `/v1/risk-assessments/${draft.id}/approve`, approver)
  })

  it('lists C9 as a gap with what to configure while no CSAM PDQ bank exists', async () => {
    await addBank(h, { name: 'csam-exact', kind: 'sha256', harm: CSAM, action: 'block' }, [
      'a'.repeat(64),
    ])
    const c9 = await rowOf('ICU C9')
    expect(c9).toMatchObject({ applies: 'yes', owed: true, status: { status: 'not_met' } })
    expect(c9.status?.gaps[0]).toMatch(/^add a pdq bank with harm illegal\.csea\.image_csam/)
    expect(c9.status?.gaps[1]).toBe(
      'bank "csam-exact" holds sha256 values, which C9 does not count (it needs pdq: exact hashes miss altered copies)',
    )
    expect((await matrix()).gaps.filter((g) => g.measures.includes('ICU C9'))).toHaveLength(2)
  })

  it('is partly met by a PDQ bank until public images reach Vigil, then met', async () => {
    const bank = { name: 'csam-pdq', kind: 'pdq', harm: CSAM, action: 'block', source: 'imported' }
    await addBank(h, bank, [A_PDQ])
    const partly = await rowOf('ICU C9')
    expect(partly.status?.status).toBe('partly')
    expect(partly.status?.gaps).toEqual([
      'no public images reached Vigil in the last 30 days: send each upload to POST /v1/content before it is published',
    ])
    const posted = await h.call(
      'platform',
      'POST',
      '/v1/content',
      contentInput({ kind: 'image', media: [{ base64: IMAGE.toString('base64') }] }),
    )
    expect(posted.statusCode, posted.body).toBe(200)
    const c9 = await rowOf('ICU C9')
    expect(c9.status).toMatchObject({ status: 'met', gaps: [] })
    expect(c9.status?.evidence.slice(0, 2)).toEqual([
      'bank "csam-pdq" (pdq, illegal.csea.image_csam, source imported): on, 1 active entry',
      'public and group content is scanned at ingest; 1 public image was hashed (PDQ) in the last 30 days',
    ])
    expect((await matrix()).gaps.some((g) => g.measures.includes('ICU C9'))).toBe(false)
  })

  it('lists the gap again when the bank is switched off', async () => {
    const banks = (await h.call('admin', 'GET', '/v1/banks')).json().banks as {
      id: string
      name: string
    }[]
    const id = banks.find((b) => b.name === 'csam-pdq')?.id
    const off = await h.call('admin', 'PATCH', `/v1/banks/${id}`, { enabled: false })
    expect(off.statusCode, off.body).toBe(200)
    const c9 = await rowOf('ICU C9')
    expect(c9.status?.status).toBe('not_met')
    expect(c9.status?.gaps[0]).toBe(
      'turn bank "csam-pdq" on (PATCH /v1/banks/{id} {"enabled": true})',
    )
  })

  it('follows the webhooks for takedowns (C2) and acknowledgements (D4)', async () => {
    expect((await rowOf('ICU C2')).status?.status).toBe('not_met')
    expect((await rowOf('ICU D4')).status?.status).toBe('partly')
    await subscribeWebhooks(h, ['action.requested', 'notification.requested'])
    expect((await rowOf('ICU C2')).status?.status).toBe('met')
    expect((await rowOf('ICU D4')).status?.status).toBe('met')
  })

  it('records an alternative measure and shows it against the measure and its gap', async () => {
    const alternative = {
      measure: 'ICU C9',
      description: 'Every upload is matched against the IWF hash list by our storage provider.',
      howItComplies: 'Known CSAM is found and blocked before it is published.',
      freedomOfExpression: 'Only exact and near matches of known material are blocked.',
      privacy: 'Only hashes leave the service; no content is shared.',
      recordedBy: { name: 'Priya Shah', role: 'Head of Trust and Safety' },
    }
    const res = await h.call('admin', 'POST', '/v1/compliance/alternative-measures', alternative)
    expect(res.statusCode, res.body).toBe(201)
    expect((await rowOf('ICU C9')).alternatives).toHaveLength(1)
    const gaps = (await matrix()).gaps.filter((g) => g.measures.includes('ICU C9'))
    expect(gaps.every((g) => (g as { alternativeRecorded?: boolean }).alternativeRecorded)).toBe(
      true,
    )
    const bad = await h.call('admin', 'POST', '/v1/compliance/alternative-measures', {
      ...alternative,
      measure: 'C9',
    })
    expect(bad.statusCode).toBe(400)
  })

  it('renders the matrix as an HTML page', async () => {
    const res = await h.call('admin', 'GET', '/v1/compliance/measures?format=html')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('<tr data-measure="ICU C9">')
    expect(res.body).toContain('Every upload is matched against the IWF hash list')
    expect(res.body).not.toContain('<script')
  })

  it('lets the console auditor read the assessment and the matrix, and change nothing', async () => {
    const as = asSession(h, await signedIn(h, 'auditor'))
    expect((await as('GET', '/v1/compliance/measures')).statusCode).toBe(200)
    const history = await as('GET', '/v1/risk-assessments')
    expect(history.statusCode).toBe(200)
    const id = history.json().assessments[0].id
    expect((await as('GET', `/v1/risk-assessments/${id}?format=html`)).statusCode).toBe(200)
    const write = await as('POST', '/v1/risk-assessments', assessmentInput())
    expect(write.statusCode).toBe(403)
    const moderator = asSession(h, await signedIn(h, 'moderator'))
    expect((await moderator('GET', '/v1/compliance/measures')).statusCode).toBe(403)
  })
})
