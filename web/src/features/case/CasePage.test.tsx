// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleUser } from '../../api/views'
import { type FakeRequest, fakeApi, pathOf } from '../../lib/fake-api'
import { CasePage } from './CasePage'

afterEach(cleanup)

const CASE_ID = '5e1f0c2a-0000-4000-8000-00000000c0de'
const AT = '2026-11-30T12:00:00.000Z'

const USER: ConsoleUser = {
  id: 'a0000000-0000-4000-8000-000000000001',
  email: 'ada@example.org',
  name: 'Ada Lovelace',
  role: 'moderator',
  preferences: { revealMedia: false },
}

const HARMS = [
  { id: 'illegal', label: 'Illegal content', illegal: true },
  {
    id: 'illegal.fraud',
    label: 'Fraud',
    parent: 'illegal',
    illegal: true,
    offences: ['Fraud Act 2006 s.2'],
  },
]

const CASE = {
  id: CASE_ID,
  subjectId: 's1',
  kind: 'content',
  status: 'open',
  queue: 'general',
  priority: 40,
  harm: 'illegal.fraud',
  slaDeadline: AT,
  assignee: null,
  claimedUntil: null,
  legalDeadline: null,
  escalation: null,
  decidedAt: null,
  createdAt: AT,
  updatedAt: AT,
  slaRemainingSeconds: 3600,
  overdue: false,
  claimed: false,
  priorityBreakdown: { value: 40, formula: 'f', parts: null },
  subject: {
    id: 's1',
    externalId: 'post-1',
    kind: 'text',
    surface: 'public',
    authorId: null,
    text: 'Send me your bank details to claim the prize',
    url: null,
    media: [],
    metadata: {},
    verdict: null,
    createdAt: AT,
    updatedAt: AT,
  },
  signals: [],
  reports: [],
  decisions: [],
  history: [],
}

function openCase(user: ConsoleUser = USER) {
  const fake = fakeApi((request: FakeRequest) => {
    const path = pathOf(request)
    if (path === `/v1/cases/${CASE_ID}`) return { body: CASE }
    if (path === '/v1/taxonomy') return { body: { harms: HARMS } }
    if (path === `/v1/cases/${CASE_ID}/decisions`) return { status: 201, body: { id: 'd1' } }
    if (path === `/v1/cases/${CASE_ID}/evidence`) return { body: { items: [] } }
    if (path === '/v1/legal-holds') return { body: { holds: [] } }
    return undefined
  })
  render(<CasePage caseId={CASE_ID} user={user} onUserChange={() => undefined} />, {
    wrapper: fake.wrapper,
  })
  const decisions = () =>
    fake.requests.filter((r) => r.method === 'POST' && pathOf(r).endsWith('/decisions'))
  return { fake, decisions }
}

async function ready(): Promise<void> {
  await screen.findByRole('heading', { name: /^Case 5e1f0c2a: Fraud$/ })
}

describe('CasePage: a decision by keyboard shortcut', () => {
  it('fills the form on r and asks before recording; Escape records nothing', async () => {
    const { decisions } = openCase()
    await ready()
    await userEvent.keyboard('r')
    const dialog = await screen.findByRole('alertdialog', { name: 'Confirm the decision' })
    expect(dialog.textContent).toContain('Remove the content as illegal: Fraud.')
    expect(document.activeElement?.id).toBe('confirm-yes')
    expect((screen.getByLabelText('Remove') as HTMLInputElement).checked).toBe(true)
    expect(
      (screen.getByLabelText('Statement: the facts and your reasoning') as HTMLTextAreaElement)
        .value,
    ).toBe('We reviewed the content and found it illegal (Fraud). We removed it.')
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(decisions()).toEqual([])
  })

  it('records the no-action decision only when the confirmation is accepted', async () => {
    const { decisions } = openCase()
    await ready()
    await userEvent.keyboard('n')
    await screen.findByRole('alertdialog')
    expect(decisions()).toEqual([])
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(decisions()).toHaveLength(1))
    expect(decisions()[0]?.body).toEqual({
      harm: 'illegal.fraud',
      ground: { type: 'illegal', offence: 'Fraud Act 2006 s.2' },
      actions: [{ type: 'no_action' }],
      statement:
        'We reviewed the content for Fraud and found nothing that breaks the law or our terms.',
    })
    expect((await screen.findByText(/^Decision recorded on case 5e1f0c2a/)).id).toBe('case-status')
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('treats r typed into a field as text, not as a decision', async () => {
    const { decisions } = openCase()
    await ready()
    const statement = screen.getByLabelText(
      'Statement: the facts and your reasoning',
    ) as HTMLTextAreaElement
    await userEvent.type(statement, 'rn')
    expect(statement.value).toBe('rn')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(decisions()).toEqual([])
  })
})

describe('CasePage: preserved evidence', () => {
  const evidenceCalls = (requests: FakeRequest[]) =>
    requests.filter((r) => pathOf(r).includes('/evidence') || pathOf(r) === '/v1/legal-holds')

  it('shows the evidence panel to the child-safety team', async () => {
    const { fake } = openCase({ ...USER, role: 'child_safety' })
    await ready()
    const panel = await screen.findByRole('region', { name: 'Preserved evidence' })
    expect(await within(panel).findByText('Nothing of this case has been preserved.')).toBeTruthy()
    expect(within(panel).getByRole('button', { name: 'Preserve now' })).toBeTruthy()
    expect(evidenceCalls(fake.requests).length).toBeGreaterThan(0)
  })

  it('shows a moderator no evidence panel and asks the API nothing about evidence', async () => {
    const { fake } = openCase()
    await ready()
    expect(screen.queryByRole('region', { name: 'Preserved evidence' })).toBeNull()
    expect(evidenceCalls(fake.requests)).toEqual([])
  })
})
