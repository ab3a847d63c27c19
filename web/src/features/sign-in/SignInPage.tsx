import { type FormEvent, useState } from 'react'
import { useApi } from '../../api/api-context'
import { signIn } from '../../api/session'
import type { ConsoleSession } from '../../api/views'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeading } from '../../components/PageHeading'
import { messageOf } from '../../lib/use-load'

interface SignInPageProps {
  /** Why the reader is here, e.g. after signing out or when a session ended. */
  notice?: string | undefined
  onSignedIn: (session: ConsoleSession) => void
}

export function SignInPage({ notice, onSignedIn }: SignInPageProps) {
  const api = useApi()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string>()
  const [pending, setPending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    setPending(true)
    setError(undefined)
    try {
      onSignedIn(await signIn(api, email.trim(), password))
    } catch (caught) {
      setError(messageOf(caught))
      setPassword('')
    } finally {
      setPending(false)
    }
  }

  const describedBy = error ? 'sign-in-error' : undefined
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <p className="brand">Vigil</p>
        <PageHeading>Sign in to the console</PageHeading>
        {notice && !error ? (
          <p className="notice notice-status" id="sign-in-notice">
            {notice}
          </p>
        ) : null}
        {error ? <ErrorNotice id="sign-in-error">{error}</ErrorNotice> : null}
        <form onSubmit={(event) => void submit(event)} noValidate={false}>
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setEmail(event.target.value)}
          />
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button id="sign-in" type="submit" disabled={pending} aria-busy={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  )
}
