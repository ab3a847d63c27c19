// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleUser } from '../../api/views'
import { type FakeAnswer, type FakeRequest, fakeApi, pathOf } from '../../lib/fake-api'
import { CseaReportPage } from './CseaReportPage'

afterEach(cleanup)

const REPORT_ID = 'c5ea0000-0000-4000-8000-000000000001'
const CASE_ID = '5e1f0c2a-0000-4000-8000-00000000c0de'
const AT = '2026-11-30T12:00:00.000Z'
const DECLARATION =
  'I declare that the information in this report is true to the best of my knowledge and belief. I understand that knowingly or recklessly giving false information in a report to the NCA is an offence under section 69 of the Online Safety Act 2023.'
const FOUR_EYES =
  'a CSEA report is approved by a second person: you drafted it or made the decision behind it; ask another admin or child safety specialist (policy cseaReporting.fourEyes)'

const USER: ConsoleUser = {
  id: 'a0000000-0000-4000-8000-000000000002',
  email: 'cs@example.org',
  name: 'Cass Safety',
  role: 'child_safety',
  preferences: { revealMedia: false },
}

const REPORT = {
  id: REPORT_ID,
  caseId: CASE_ID,
  decisionId: 'd1',
  channel: 'nca',
  priority: 'P2',
  status: 'draft',
  dueAt: '2026-12-01T12:00:00.000Z',
  overdue: false,
  externalReference: null,
  duplicateOf: null,
  overrideReason: null,
  createdBy: 'system',
  createdAt: AT,
  approvedBy: null,
  approvedAt: null,
  sentBy: null,
  sentAt: null,
  attempts: 0,
  lastError: null,
  retrying: false,
  referenceRetainUntil: null,
  duplicate: null,
  missing: [
    { path: 'upload.ip', label: 'the IP address of the upload' },
    { path: 'account.emails', label: "the account's email addresses" },
  ],
  declarationText: DECLARATION,
  payload: {
    format: 'vigil.nca-report.v1',
    id: REPORT_ID,
    priority: 'P2',
    reporter: { providerName: 'Forum Example Ltd', ncaRegistrationId: 'NCA-REG-0001' },
    upload: { at: null, ip: null, port: null, firstSeenByVigilAt: AT },
    account: { id: 'author-1', emails: [] },
    declaration: null,
  },
}

function openReport(approve: (request: FakeRequest) => FakeAnswer) {
  const fake = fakeApi((request: FakeRequest) => {
    const path = pathOf(request)
    if (path === `/v1/csea-reports/${REPORT_ID}`) return { body: REPORT }
    if (path === `/v1/csea-reports/${REPORT_ID}/approve`) return approve(request)
    return undefined
  })
  render(<CseaReportPage reportId={REPORT_ID} user={USER} />, { wrapper: fake.wrapper })
  const approvals = () => fake.requests.filter((r) => pathOf(r).endsWith('/approve'))
  return { approvals }
}

describe('CseaReportPage: the review before sending', () => {
  it('lists the Schedule 1 items the report lacks as not available, and shows it section by section', async () => {
    openReport(() => ({ status: 500 }))
    const missing = await screen.findByRole('region', { name: 'Not available' })
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'the IP address of the upload: not available',
      "the account's email addresses: not available",
    ])
    const upload = screen.getByRole('region', { name: 'Upload time, IP address and port' })
    expect(within(upload).getByText('IP').nextElementSibling?.textContent).toBe('not available')
    const account = screen.getByRole('region', { name: 'The account' })
    expect(within(account).getByText('Emails').nextElementSibling?.textContent).toBe(
      'not available',
    )
    expect(screen.getByRole('region', { name: 'The reporter' }).textContent).toContain(
      'NCA-REG-0001',
    )
    const sections = within(screen.getByRole('region', { name: 'The report as it will be sent' }))
    expect(sections.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'The report',
      'The reporter',
      'Upload time, IP address and port',
      'The account',
      'The declaration',
    ])
    expect(screen.getByRole('region', { name: 'The declaration' }).textContent).toBe(
      'The declarationnot available',
    )
  })

  it('approves only with the declaration, in the API’s words, and shows the server’s refusal', async () => {
    const { approvals } = openReport(() => ({
      status: 403,
      body: { error: { code: 'forbidden', message: FOUR_EYES } },
    }))
    const declaration = await screen.findByRole('checkbox', { name: DECLARATION })
    await userEvent.click(screen.getByRole('button', { name: 'Approve and send' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Tick the declaration/)
    expect(approvals()).toEqual([])

    await userEvent.click(declaration)
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'P1')
    await userEvent.click(screen.getByRole('button', { name: 'Approve and send' }))
    expect((await screen.findByText(FOUR_EYES)).getAttribute('id')).toBe('approve-error')
    expect(approvals().map((r) => r.body)).toEqual([
      { declaration: { truthful: true }, priority: 'P1' },
    ])
    expect(screen.getByText('draft: waiting for review')).toBeTruthy()
  })

  it('shows the approved report once the server accepts', async () => {
    openReport(() => ({
      body: { ...REPORT, status: 'approved', approvedBy: `user:${USER.id}`, approvedAt: AT },
    }))
    await userEvent.click(await screen.findByRole('checkbox', { name: DECLARATION }))
    await userEvent.click(screen.getByRole('button', { name: 'Approve and send' }))
    expect((await screen.findByRole('status')).textContent).toBe(
      'Approved: the report is queued to be sent.',
    )
    expect(screen.getByText('approved: waiting to be sent')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Approve and send' })).toBeNull()
  })
})
