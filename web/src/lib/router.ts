import { useSyncExternalStore } from 'react'

// A history-API router small enough for the console's few pages: paths are written without
// the /console base, e.g. navigate('/queues/fraud').

export const BASE = '/console'
const EVENT = 'vigil:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(EVENT, onChange)
  }
}

/** The current path inside the console, always starting with '/'. */
export function currentPath(pathname: string): string {
  const inside = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname
  return inside === '' ? '/' : inside
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => currentPath(window.location.pathname))
}

export function href(path: string): string {
  return `${BASE}${path}`
}

export function navigate(path: string): void {
  window.history.pushState(null, '', href(path))
  window.dispatchEvent(new Event(EVENT))
}

export type Route =
  | { page: 'queues' }
  | { page: 'queue'; queueId: string }
  | { page: 'case'; caseId: string }
  | { page: 'appeals' }
  | { page: 'appeal'; appealId: string }
  | { page: 'audit' }
  | { page: 'dashboard' }
  | { page: 'banks' }
  | { page: 'bank'; bankId: string }
  | { page: 'rules' }
  | { page: 'rule'; ruleId: string }
  | { page: 'risk-assessment' }
  | { page: 'code-measures' }
  | { page: 'evidence' }
  | { page: 'csea-reports' }
  | { page: 'csea-report'; reportId: string }
  | { page: 'not-found'; path: string }

export function matchRoute(path: string): Route {
  if (path === '/' || path === '/queues' || path === '/queues/') return { page: 'queues' }
  const queue = /^\/queues\/([^/]+)\/?$/.exec(path)
  if (queue?.[1]) return { page: 'queue', queueId: decodeURIComponent(queue[1]) }
  const kase = /^\/cases\/([^/]+)\/?$/.exec(path)
  if (kase?.[1]) return { page: 'case', caseId: decodeURIComponent(kase[1]) }
  if (path === '/appeals' || path === '/appeals/') return { page: 'appeals' }
  const appeal = /^\/appeals\/([^/]+)\/?$/.exec(path)
  if (appeal?.[1]) return { page: 'appeal', appealId: decodeURIComponent(appeal[1]) }
  if (path === '/audit' || path === '/audit/') return { page: 'audit' }
  if (path === '/dashboard' || path === '/dashboard/') return { page: 'dashboard' }
  if (path === '/banks' || path === '/banks/') return { page: 'banks' }
  const bank = /^\/banks\/([^/]+)\/?$/.exec(path)
  if (bank?.[1]) return { page: 'bank', bankId: decodeURIComponent(bank[1]) }
  if (path === '/rules' || path === '/rules/') return { page: 'rules' }
  const rule = /^\/rules\/([^/]+)\/?$/.exec(path)
  if (rule?.[1]) return { page: 'rule', ruleId: decodeURIComponent(rule[1]) }
  if (path === '/evidence' || path === '/evidence/') return { page: 'evidence' }
  if (path === '/csea-reports' || path === '/csea-reports/') return { page: 'csea-reports' }
  const csea = /^\/csea-reports\/([^/]+)\/?$/.exec(path)
  if (csea?.[1]) return { page: 'csea-report', reportId: decodeURIComponent(csea[1]) }
  if (/^\/compliance\/assessment\/?$/.test(path)) return { page: 'risk-assessment' }
  if (/^\/compliance\/measures\/?$/.test(path)) return { page: 'code-measures' }
  return { page: 'not-found', path }
}
