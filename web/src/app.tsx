import { useEffect, useState } from 'react'
import { useApi } from './api/api-context'
import { currentSession, signOut } from './api/session'
import type { ConsoleSession, ConsoleUser } from './api/views'
import { ErrorNotice } from './components/ErrorNotice'
import { PageHeading } from './components/PageHeading'
import { AppealPage } from './features/appeals/AppealPage'
import { AppealsPage } from './features/appeals/AppealsPage'
import { AuditPage } from './features/audit/AuditPage'
import { BankPage } from './features/banks/BankPage'
import { BanksPage } from './features/banks/BanksPage'
import { CasePage } from './features/case/CasePage'
import { AssessmentPage } from './features/compliance/AssessmentPage'
import { MeasuresPage } from './features/compliance/MeasuresPage'
import { CseaReportPage } from './features/csea/CseaReportPage'
import { CseaReportsPage } from './features/csea/CseaReportsPage'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { HoldsPage } from './features/evidence/HoldsPage'
import { QueueCasesPage } from './features/queues/QueueCasesPage'
import { QueuesPage } from './features/queues/QueuesPage'
import { RulePage } from './features/rules/RulePage'
import { RulesPage } from './features/rules/RulesPage'
import { Shell } from './features/shell/Shell'
import { SignInPage } from './features/sign-in/SignInPage'
import { matchRoute, usePath } from './lib/router'
import { messageOf } from './lib/use-load'

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; session: ConsoleSession }

/** The console: the sign-in page until there is a session, then the shell and its pages. */
export function App({ sessionExpired }: { sessionExpired: (listener: () => void) => () => void }) {
  const api = useApi()
  const path = usePath()
  const [state, setState] = useState<SessionState>({ status: 'checking' })
  const [signingOut, setSigningOut] = useState(false)

  useEffect(() => {
    currentSession(api).then(
      (session) => setState(session ? { status: 'signed-in', session } : { status: 'signed-out' }),
      (error: unknown) => setState({ status: 'signed-out', notice: messageOf(error) }),
    )
    return sessionExpired(() =>
      setState((s) =>
        s.status === 'signed-in'
          ? { status: 'signed-out', notice: 'Your session has ended. Sign in again.' }
          : s,
      ),
    )
  }, [api, sessionExpired])

  async function leave(): Promise<void> {
    setSigningOut(true)
    try {
      await signOut(api)
      setState({ status: 'signed-out', notice: 'You have signed out.' })
    } catch (error) {
      setState({ status: 'signed-out', notice: messageOf(error) })
    } finally {
      setSigningOut(false)
    }
  }

  if (state.status === 'checking') return <p className="checking">Loading the console…</p>
  if (state.status === 'signed-out') {
    return (
      <SignInPage
        notice={state.notice}
        onSignedIn={(session) => setState({ status: 'signed-in', session })}
      />
    )
  }
  const { user } = state.session
  return (
    <Shell user={user} path={path} onSignOut={() => void leave()} signingOut={signingOut}>
      <Page
        path={path}
        user={user}
        onUserChange={(changed) =>
          setState((s) =>
            s.status === 'signed-in' ? { ...s, session: { ...s.session, user: changed } } : s,
          )
        }
      />
    </Shell>
  )
}

interface PageProps {
  path: string
  user: ConsoleUser
  onUserChange: (user: ConsoleUser) => void
}

function Page({ path, user, onUserChange }: PageProps) {
  const route = matchRoute(path)
  switch (route.page) {
    case 'queues':
      return <QueuesPage />
    case 'queue':
      return <QueueCasesPage key={route.queueId} queueId={route.queueId} user={user} />
    case 'case':
      return (
        <CasePage
          key={route.caseId}
          caseId={route.caseId}
          user={user}
          onUserChange={onUserChange}
        />
      )
    case 'appeals':
      return <AppealsPage />
    case 'appeal':
      return <AppealPage key={route.appealId} appealId={route.appealId} user={user} />
    case 'audit':
      return <AuditPage />
    case 'banks':
      return <BanksPage />
    case 'bank':
      return <BankPage key={route.bankId} bankId={route.bankId} user={user} />
    case 'dashboard':
      return <DashboardPage />
    case 'rules':
      return <RulesPage />
    case 'rule':
      return <RulePage key={route.ruleId} ruleId={route.ruleId} user={user} />
    case 'evidence':
      return <HoldsPage user={user} />
    case 'csea-reports':
      return <CseaReportsPage />
    case 'csea-report':
      return <CseaReportPage key={route.reportId} reportId={route.reportId} user={user} />
    case 'risk-assessment':
      return <AssessmentPage />
    case 'code-measures':
      return <MeasuresPage />
    case 'not-found':
      return (
        <>
          <PageHeading>Page not found</PageHeading>
          <ErrorNotice>
            There is no console page at {route.path}. Use the navigation above.
          </ErrorNotice>
        </>
      )
  }
}
