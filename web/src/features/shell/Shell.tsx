import type { ReactNode } from 'react'
import { consoleMay } from '../../../../src/core/console-roles'
import type { ConsoleRole } from '../../../../src/core/roles'
import type { ConsoleUser } from '../../api/views'
import { Link } from '../../components/Link'
import { roleLabel } from '../../lib/roles'

const NAV: { to: string; label: string; match: RegExp; show?: (role: ConsoleRole) => boolean }[] = [
  { to: '/queues', label: 'Queues', match: /^\/(queues(\/.*)?)?$/ },
  { to: '/appeals', label: 'Appeals', match: /^\/appeals(\/.*)?$/ },
  { to: '/dashboard', label: 'Dashboard', match: /^\/dashboard\/?$/ },
  {
    to: '/banks',
    label: 'Banks',
    match: /^\/banks(\/.*)?$/,
    show: (role) => consoleMay(role, 'GET', '/v1/banks'),
  },
  {
    to: '/rules',
    label: 'Rules',
    match: /^\/rules(\/.*)?$/,
    show: (role) => consoleMay(role, 'GET', '/v1/rules'),
  },
  {
    to: '/compliance/assessment',
    label: 'Risk assessment',
    match: /^\/compliance\/assessment\/?$/,
    show: (role) => consoleMay(role, 'GET', '/v1/risk-assessments', ['admin']),
  },
  {
    to: '/compliance/measures',
    label: 'Code measures',
    match: /^\/compliance\/measures\/?$/,
    show: (role) => consoleMay(role, 'GET', '/v1/compliance/measures', ['admin']),
  },
  {
    to: '/audit',
    label: 'Audit log',
    match: /^\/audit\/?$/,
    show: (role) => consoleMay(role, 'GET', '/v1/audit/entries', ['admin']),
  },
  {
    to: '/evidence',
    label: 'Evidence',
    match: /^\/evidence\/?$/,
    show: (role) => consoleMay(role, 'GET', '/v1/legal-holds', ['admin']),
  },
  {
    to: '/csea-reports',
    label: 'CSEA reports',
    match: /^\/csea-reports(\/.*)?$/,
    show: (role) => consoleMay(role, 'GET', '/v1/csea-reports', ['admin']),
  },
]

interface ShellProps {
  user: ConsoleUser
  path: string
  onSignOut: () => void
  signingOut: boolean
  children: ReactNode
}

/** The frame of every signed-in page: skip link, banner, navigation, account, main. */
export function Shell({ user, path, onSignOut, signingOut, children }: ShellProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="banner">
        <p className="brand">Vigil</p>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((item) => item.show?.(user.role as ConsoleRole) ?? true).map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item.match.test(path) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <span className="account-name" id="account-name">
            {user.name}
          </span>
          <span className="account-role" id="account-role">
            {roleLabel(user.role)}
          </span>
          <button type="button" id="sign-out" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
