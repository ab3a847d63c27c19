// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { type FakeAnswer, fakeApi } from '../../lib/fake-api'
import { VerifyChain } from './VerifyChain'

afterEach(cleanup)

const HEAD = 'a'.repeat(64)

async function verifyWith(answer: FakeAnswer) {
  const fake = fakeApi((r) => (r.url === '/v1/audit/verify' ? answer : undefined))
  render(<VerifyChain />, { wrapper: fake.wrapper })
  await userEvent.click(screen.getByRole('button', { name: 'Verify the chain' }))
  return fake
}

describe('VerifyChain', () => {
  it('says the chain is intact, with how many entries are sealed and how many wait', async () => {
    const fake = await verifyWith({
      body: { ok: true, sealed: 42, unsealed: 3, headHash: HEAD, firstBreak: null },
    })
    const status = await screen.findByText(/^Intact:/)
    expect(status.textContent).toBe(
      'Intact: all 42 sealed entries follow from one another. 3 newer entries are not sealed yet.',
    )
    expect(fake.requests.map((r) => r.url)).toEqual(['/v1/audit/verify'])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('names the first broken entry by number and id, and says what is wrong with it', async () => {
    await verifyWith({
      body: {
        ok: false,
        sealed: 6,
        unsealed: 0,
        headHash: HEAD,
        firstBreak: {
          chainSeq: 7,
          entryId: 1234,
          problem: 'its contents do not match its hash: the entry was changed after sealing',
        },
      },
    })
    const broken = await screen.findByText(/^The chain is broken/)
    expect(broken.getAttribute('data-verify')).toBe('broken')
    expect(broken.textContent).toBe(
      'The chain is broken at sealed entry number 7 (entry id 1234): its contents do not match its hash: the entry was changed after sealing. Entries before it are intact.',
    )
    expect(screen.getByRole('status').contains(broken)).toBe(true)
  })

  it('shows a refusal as an alert, not as a verdict on the chain', async () => {
    await verifyWith({
      status: 403,
      body: { error: { code: 'forbidden', message: 'verifying the chain needs the admin role' } },
    })
    expect((await screen.findByRole('alert')).textContent).toBe(
      'verifying the chain needs the admin role',
    )
    expect(document.querySelector('[data-verify]')).toBeNull()
    expect(screen.getByRole('button', { name: 'Verify the chain' })).toHaveProperty(
      'disabled',
      false,
    )
  })
})
