// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { HarmView } from './case-data'
import { DecisionForm } from './DecisionForm'
import { type DecisionDraft, draftBody, emptyDraft } from './decision-draft'

afterEach(cleanup)

const HARMS = [
  { id: 'terms.misinformation', label: 'Misinformation', illegal: false },
] as unknown as HarmView[]

/** The form with its draft kept in state, as the case page keeps it; `seen` gets every change. */
function Harness({ seen }: { seen: DecisionDraft[] }) {
  const [draft, setDraft] = useState(() => emptyDraft('terms.misinformation', HARMS))
  return (
    <DecisionForm
      draft={draft}
      harms={HARMS}
      checklist={undefined}
      checklistProblem={undefined}
      busy={false}
      onChange={(next) => {
        seen.push(next)
        setDraft(next)
      }}
      onSubmit={() => undefined}
    />
  )
}

function lastBody(seen: DecisionDraft[]) {
  const draft = seen.at(-1)
  if (!draft) throw new Error('the form never changed')
  return draftBody(draft, [])
}

describe('DecisionForm: the label action', () => {
  it('asks for the label text only once Label is ticked, and sends it with the action', async () => {
    const seen: DecisionDraft[] = []
    render(<Harness seen={seen} />)
    expect(screen.queryByLabelText(/^Label text/)).toBeNull()
    await userEvent.click(screen.getByLabelText('Label'))
    const field = screen.getByLabelText(/^Label text/) as HTMLInputElement
    expect(field.getAttribute('aria-invalid')).toBeNull()
    expect(screen.getByText(/up to 200 characters \(200 left\)/).id).toBe(
      field.getAttribute('aria-describedby'),
    )
    await userEvent.type(field, ' Disputed by independent fact-checkers ')
    expect(lastBody(seen).actions).toEqual([
      { type: 'label', label: 'Disputed by independent fact-checkers' },
    ])
    expect(screen.getByText(/\(163 left\)/)).toBeTruthy()

    await userEvent.click(screen.getByLabelText('Label'))
    expect(screen.queryByLabelText(/^Label text/)).toBeNull()
    expect(lastBody(seen).actions).toEqual([])
  })

  it('marks label text longer than the API takes, and says by how much', async () => {
    const seen: DecisionDraft[] = []
    render(<Harness seen={seen} />)
    await userEvent.click(screen.getByLabelText('Label'))
    const field = screen.getByLabelText(/^Label text/) as HTMLInputElement
    await userEvent.click(field)
    await userEvent.paste('x'.repeat(201))
    expect(field.value).toHaveLength(201)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    const hint = document.getElementById(field.getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toBe('The label text has 201 characters; shorten it to 200 or fewer.')
    await userEvent.type(field, '{Backspace}')
    expect(field.getAttribute('aria-invalid')).toBeNull()
  })
})
