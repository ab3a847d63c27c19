// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleUser } from '../../api/views'
import { type FakeRequest, fakeApi, pathOf, queryOf } from '../../lib/fake-api'
import { EvidencePanel } from './EvidencePanel'

afterEach(cleanup)

const CASE_ID = '5e1f0c2a-0000-4000-8000-00000000c0de'
const SUBJECT_ID = '5e1f0c2a-0000-4000-8000-0000000005b1'
const AT = '2026-11-30T12:00:00.000Z'
const PURPOSE = 'NCA report NCA-2026-123'
const REFUSAL =
  'say why you open this evidence: a purpose of at least 10 characters (e.g. "NCA report NCA-2026-123"); it is kept in the custody log'

const USER: ConsoleUser = {
  id: 'a0000000-0000-4000-8000-000000000002',
  email: 'cs@example.org',
  name: 'Cass Safety',
  role: 'child_safety',
  preferences: { revealMedia: false },
}

function item(label: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `e0000000-0000-4000-8000-00000000000${label.length}`,
    preservationId: 'p1',
    caseId: CASE_ID,
    subjectId: SUBJECT_ID,
    harm: 'illegal.csea.image_csam',
    recordType: 'content',
    kind: 'subject',
    label,
    contentType: 'application/json',
    size: 120,
    sha256: 'ab'.repeat(32),
    available: true,
    unavailableReason: null,
    preservedAt: AT,
    preservedBy: 'system',
    reason: 'decision d1 restricted illegal.csea.image_csam',
    retainUntil: '2027-12-01T12:00:00.000Z',
    erasedAt: null,
    erasureReason: null,
    ...overrides,
  }
}

const SUBJECT = item('subject')
const MEDIA = item('media[0]', {
  kind: 'media',
  contentType: 'image/png',
  size: null,
  available: false,
  unavailableReason: 'sent inline: Vigil keeps only its hashes',
})

function openPanel() {
  const fake = fakeApi((request: FakeRequest) => {
    const path = pathOf(request)
    if (path === `/v1/cases/${CASE_ID}/evidence`) return { body: { items: [SUBJECT, MEDIA] } }
    if (path === '/v1/legal-holds') return { body: { holds: [] } }
    if (path === `/v1/evidence/${SUBJECT.id}/content`) {
      const purpose = queryOf(request, 'purpose') ?? ''
      if (purpose.trim().length < 10) {
        return { status: 400, body: { error: { code: 'purpose_required', message: REFUSAL } } }
      }
      return { body: { id: 'post-1', text: 'the subject', media: [] } }
    }
    return undefined
  })
  render(<EvidencePanel caseId={CASE_ID} subjectId={SUBJECT_ID} user={USER} />, {
    wrapper: fake.wrapper,
  })
  const contentRequests = () => fake.requests.filter((r) => pathOf(r).endsWith('/content'))
  return { fake, contentRequests }
}

describe('EvidencePanel: opening an item asks for the purpose first', () => {
  it('lists the items with their hash, state and hold, and offers Open only where bytes are kept', async () => {
    openPanel()
    const table = await screen.findByRole('table', { name: '2 preserved items' })
    const subjectRow = within(table).getByRole('row', { name: /^subject/ })
    expect(subjectRow.textContent).toContain('ab'.repeat(32))
    expect(subjectRow.textContent).toContain('kept')
    expect(subjectRow.textContent).toContain('not held')
    const mediaRow = within(table).getByRole('row', { name: /^media\[0\]/ })
    expect(mediaRow.textContent).toContain('unavailable')
    expect(mediaRow.textContent).toContain('sent inline: Vigil keeps only its hashes')
    expect(within(mediaRow).queryByRole('button')).toBeNull()
    expect(screen.getByText(/^No legal hold/)).toBeTruthy()
  })

  it('shows the server’s refusal of a short purpose, then the JSON once the purpose is given', async () => {
    const { contentRequests } = openPanel()
    await userEvent.click(await screen.findByRole('button', { name: 'Open subject' }))
    const dialog = await screen.findByRole('dialog', { name: 'Open subject' })
    const field = within(dialog).getByLabelText('Purpose')
    expect(document.activeElement).toBe(field)
    await userEvent.type(field, 'curious')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open the item' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(REFUSAL)
    expect(screen.queryByText('Opened: subject')).toBeNull()

    await userEvent.clear(field)
    await userEvent.type(field, PURPOSE)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open the item' }))
    const heading = await screen.findByRole('heading', { name: 'Opened: subject' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(heading)
    expect(document.getElementById('evidence-json')?.textContent).toBe(
      JSON.stringify({ id: 'post-1', text: 'the subject', media: [] }, null, 2),
    )
    expect(contentRequests().map((r) => queryOf(r, 'purpose'))).toEqual(['curious', PURPOSE])
  })

  it('opens nothing when the dialog is cancelled with Escape, and gives focus back', async () => {
    const { contentRequests } = openPanel()
    const open = await screen.findByRole('button', { name: 'Open subject' })
    await userEvent.click(open)
    await screen.findByRole('dialog', { name: 'Open subject' })
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).toBe(open)
    expect(contentRequests()).toEqual([])
  })
})
