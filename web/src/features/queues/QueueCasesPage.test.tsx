// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleUser } from '../../api/views'
import { type FakeAnswer, type FakeRequest, fakeApi, pathOf, queryOf } from '../../lib/fake-api'
import { QueueCasesPage } from './QueueCasesPage'

afterEach(cleanup)

const ADA = 'a0000000-0000-4000-8000-000000000001'
const BEA = 'b0000000-0000-4000-8000-000000000002'
const AUD = 'c0000000-0000-4000-8000-000000000003'
const GONE = 'd0000000-0000-4000-8000-000000000004'
const AT = '2026-11-30T12:00:00.000Z'

const USER: ConsoleUser = {
  id: ADA,
  email: 'ada@example.org',
  name: 'Ada Lovelace',
  role: 'moderator',
  preferences: { revealMedia: false },
}

const PEOPLE = [
  { id: AUD, name: 'Audrey Tang', role: 'auditor' },
  { id: ADA, name: 'Ada Lovelace', role: 'moderator' },
  { id: BEA, name: 'Bea Hopper', role: 'triage' },
]

const QUEUES = {
  queues: [
    {
      id: 'general',
      label: 'General',
      defined: true,
      slaHours: 48,
      legalDeadlineHours: null,
      open: 0,
      claimed: 0,
      nearing: 0,
      overdue: 0,
      oldestOpenedAt: null,
      nextDeadline: null,
    },
  ],
  nearingShare: 0,
  at: AT,
}

function answers(people: FakeAnswer) {
  return (request: FakeRequest): FakeAnswer | undefined => {
    const path = pathOf(request)
    if (path === '/v1/queues') return { body: QUEUES }
    if (path === '/v1/cases') return { body: { cases: [], total: 0 } }
    if (path === '/v1/console/people') return people
    return undefined
  }
}

/** Opens the queue page at `search` as a link would. */
function openQueue(search: string, people: FakeAnswer = { body: { people: PEOPLE } }) {
  window.history.replaceState(null, '', `/console/queues/general${search}`)
  const fake = fakeApi(answers(people))
  render(<QueueCasesPage queueId="general" user={USER} />, { wrapper: fake.wrapper })
  const caseQueries = () =>
    fake.requests.filter((r) => pathOf(r) === '/v1/cases').map((r) => queryOf(r, 'assignee'))
  return { fake, caseQueries }
}

function assigneeSelect(): HTMLSelectElement {
  return screen.getByLabelText('Claimed by') as HTMLSelectElement
}

function optionTexts(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.textContent ?? '')
}

describe('QueueCasesPage: the assignee filter', () => {
  it('offers named colleagues who may hold cases, and keeps the choice in the URL and the query', async () => {
    const bea = `user:${BEA}`
    const { caseQueries } = openQueue(`?assignee=${encodeURIComponent(bea)}`)
    await screen.findByText('Bea Hopper (Triage)')
    const select = assigneeSelect()
    expect(select.value).toBe(bea)
    expect(optionTexts(select)).toEqual([
      'Anyone',
      'Me',
      'Unclaimed',
      'Ada Lovelace (Moderator)',
      'Bea Hopper (Triage)',
    ])
    await screen.findByText('No open cases match these filters.')
    expect(caseQueries()).toEqual([bea])

    await userEvent.selectOptions(select, 'Me')
    await waitFor(() => expect(caseQueries().at(-1)).toBe('me'))
    expect(window.location.search).toBe('?assignee=me')

    await userEvent.selectOptions(select, 'Ada Lovelace (Moderator)')
    await waitFor(() => expect(caseQueries().at(-1)).toBe(`user:${ADA}`))
    expect(new URLSearchParams(window.location.search).get('assignee')).toBe(`user:${ADA}`)

    await userEvent.selectOptions(select, 'Anyone')
    await waitFor(() => expect(caseQueries().at(-1)).toBeNull())
    expect(window.location.search).toBe('')
  })

  it('keeps a link to someone no longer listed, saying so, and still filters by them', async () => {
    const gone = `user:${GONE}`
    const { caseQueries } = openQueue(`?assignee=${gone}`)
    await screen.findByText('Someone no longer listed')
    expect(assigneeSelect().value).toBe(gone)
    expect(caseQueries()).toEqual([gone])
  })

  it('still offers anyone, me and unclaimed when the people cannot be loaded', async () => {
    openQueue('?assignee=none', {
      status: 500,
      body: { error: { code: 'internal', message: 'down' } },
    })
    await screen.findByText('No open cases match these filters.')
    await waitFor(() =>
      expect(optionTexts(assigneeSelect())).toEqual(['Anyone', 'Me', 'Unclaimed']),
    )
    expect(assigneeSelect().value).toBe('none')
  })
})
