// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { type FakeRequest, fakeApi } from '../../lib/fake-api'
import type { DecisionBody } from './case-data'
import { StatementPreview } from './StatementPreview'

afterEach(cleanup)

const CASE_ID = '5e1f0c2a-0000-4000-8000-00000000c0de'
const PREVIEW_URL = `/v1/cases/${CASE_ID}/statement-preview`

function body(label: string): DecisionBody {
  return {
    harm: 'terms.misinformation',
    ground: { type: 'terms', clause: '4.2', version: '2026-01' },
    actions: [{ type: 'label', label }],
    statement: 'The post repeats a claim that fact-checkers have shown false.',
  }
}

/** A server that renders the label's words the way the statement text does. */
function previewServer(request: FakeRequest) {
  if (request.url !== PREVIEW_URL || request.method !== 'POST') return undefined
  const label = (request.body as DecisionBody).actions[0]?.label
  if (label === 'refuse') {
    return { status: 400, body: { error: { code: 'invalid_input', message: 'no good' } } }
  }
  return { body: { plainText: `We added a warning to your post. It says: "${label}".` } }
}

describe('StatementPreview', () => {
  it('asks for the missing parts until there is a body', () => {
    const fake = fakeApi(previewServer)
    render(<StatementPreview caseId={CASE_ID} body={null} />, { wrapper: fake.wrapper })
    expect(screen.getByText(/^Choose a harm and actions/)).toBeTruthy()
    expect(fake.requests).toEqual([])
  })

  it('waits for the form to settle, then shows the server’s statement with the label text', async () => {
    const fake = fakeApi(previewServer)
    const view = render(<StatementPreview caseId={CASE_ID} body={body('Disp')} />, {
      wrapper: fake.wrapper,
    })
    view.rerender(<StatementPreview caseId={CASE_ID} body={body('Disputed')} />)
    expect(screen.getByText('Building the preview…')).toBeTruthy()
    const text = await screen.findByText(/^We added a warning/, {}, { timeout: 3000 })
    expect(text.textContent).toBe('We added a warning to your post. It says: "Disputed".')
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.body).toEqual(body('Disputed'))
  })

  it('says why there is no preview when the server refuses the draft', async () => {
    const fake = fakeApi(previewServer)
    render(<StatementPreview caseId={CASE_ID} body={body('refuse')} />, { wrapper: fake.wrapper })
    const problem = await screen.findByText(/^No preview:/, {}, { timeout: 3000 })
    expect(problem.textContent).toBe('No preview: no good')
  })
})
