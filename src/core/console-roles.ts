import type { ApiRole, ConsoleRole } from './roles.js'

/**
 * What each console role may do. The server enforces this table on every /v1 request made with
 * a session cookie; the console reads the same table to hide what a person may not do.
 */
export interface ConsoleRoleRule {
  /** The API role whose routes the console role may call (each route declares its API roles). */
  actsAs: Extract<ApiRole, 'admin' | 'moderator'>
  /** Only GET and HEAD: the role may look but change nothing. */
  readOnly: boolean
  /** What the role is for, in words the console can show. */
  summary: string
}

export const CONSOLE_ROLE_RULES: Readonly<Record<ConsoleRole, ConsoleRoleRule>> = {
  admin: {
    actsAs: 'admin',
    readOnly: false,
    summary: 'everything: cases, appeals, banks, rules, flaggers, keys and the audit log',
  },
  moderator: {
    actsAs: 'moderator',
    readOnly: false,
    summary: 'works the queues, decides cases and decides appeals',
  },
  triage: {
    actsAs: 'moderator',
    readOnly: false,
    summary: 'works the queues and decides cases; does not decide appeals',
  },
  child_safety: {
    actsAs: 'moderator',
    readOnly: false,
    summary: 'works cases, and is the only role that may open media in CSEA categories',
  },
  appeals_reviewer: {
    actsAs: 'moderator',
    readOnly: false,
    summary: 'decides appeals, and works the queues',
  },
  law_enforcement_liaison: {
    actsAs: 'moderator',
    readOnly: true,
    summary: 'reads cases, decisions and appeals to answer authorities; changes nothing',
  },
  auditor: {
    actsAs: 'moderator',
    readOnly: true,
    summary: 'reads what a moderator can see; read-only everywhere',
  },
}

/** A route that only some of the console roles acting as its API roles may call. */
export interface ConsoleRouteRule {
  method: string
  /** The route's path as in the OpenAPI document, e.g. `/v1/appeals/{id}/decision`. */
  path: string
  roles: readonly ConsoleRole[]
  /** What the route does, for the refusal: "deciding an appeal". */
  action: string
}

export const CONSOLE_ROUTE_RULES: readonly ConsoleRouteRule[] = [
  {
    method: 'POST',
    path: '/v1/appeals/{id}/decision',
    roles: ['admin', 'moderator', 'appeals_reviewer'],
    action: 'deciding an appeal',
  },
  {
    method: 'POST',
    path: '/v1/cases/{id}/decisions',
    roles: ['admin', 'moderator', 'triage', 'child_safety', 'appeals_reviewer'],
    action: 'deciding a case',
  },
]

/** Evidence routes are admin routes; these console roles handle evidence too. */
const EVIDENCE_HANDLERS: readonly ConsoleRole[] = ['child_safety', 'law_enforcement_liaison']
/** CSEA reports to the NCA and NCMEC are admin routes; child safety specialists file them too. */
const CSEA_REPORTERS: readonly ConsoleRole[] = ['child_safety']

/**
 * Read-only routes a console role may call although the API role it acts as is not among the
 * route's roles: the auditor reads the audit log, the transparency report, the risk assessment
 * and the code-measure matrix, which API keys reach only as admin; the evidence roles read
 * preserved evidence, holds and preservation requests.
 */
export const CONSOLE_READ_GRANTS: readonly { path: string; roles: readonly ConsoleRole[] }[] = [
  { path: '/v1/audit/entries', roles: ['auditor'] },
  { path: '/v1/audit/verify', roles: ['auditor'] },
  { path: '/v1/risk-assessments', roles: ['auditor'] },
  { path: '/v1/risk-assessments/{id}', roles: ['auditor'] },
  { path: '/v1/compliance/measures', roles: ['auditor'] },
  { path: '/v1/cases/{id}/evidence', roles: EVIDENCE_HANDLERS },
  { path: '/v1/evidence/{id}/content', roles: EVIDENCE_HANDLERS },
  { path: '/v1/cases/{id}/evidence/package', roles: EVIDENCE_HANDLERS },
  { path: '/v1/legal-holds', roles: EVIDENCE_HANDLERS },
  { path: '/v1/preservation-requests', roles: EVIDENCE_HANDLERS },
  { path: '/v1/csea-reports', roles: CSEA_REPORTERS },
  { path: '/v1/csea-reports/{id}', roles: CSEA_REPORTERS },
  { path: '/v1/transparency/report', roles: ['auditor'] },
]

/**
 * Changes a console role may make although the API role it acts as is not among the route's
 * roles, even when the role is read-only everywhere else: the law enforcement liaison preserves
 * cases, places and releases legal holds and records authorities' preservation requests.
 */
export const CONSOLE_WRITE_GRANTS: readonly {
  method: string
  path: string
  roles: readonly ConsoleRole[]
}[] = [
  { method: 'POST', path: '/v1/cases/{id}/evidence', roles: EVIDENCE_HANDLERS },
  { method: 'POST', path: '/v1/legal-holds', roles: EVIDENCE_HANDLERS },
  { method: 'POST', path: '/v1/legal-holds/{id}/release', roles: EVIDENCE_HANDLERS },
  { method: 'POST', path: '/v1/preservation-requests', roles: EVIDENCE_HANDLERS },
  { method: 'POST', path: '/v1/csea-reports', roles: CSEA_REPORTERS },
  { method: 'POST', path: '/v1/csea-reports/{id}/approve', roles: CSEA_REPORTERS },
  { method: 'POST', path: '/v1/csea-reports/{id}/send', roles: CSEA_REPORTERS },
  { method: 'POST', path: '/v1/cases/{id}/csea-account-details', roles: CSEA_REPORTERS },
]

/** The console roles granted `method path` beyond its API roles. */
function grantedRoles(verb: string, path: string): readonly ConsoleRole[] {
  const grants = READ_METHODS.has(verb)
    ? CONSOLE_READ_GRANTS.filter((g) => g.path === path)
    : CONSOLE_WRITE_GRANTS.filter((g) => g.method === verb && g.path === path)
  return grants.flatMap((g) => g.roles)
}

export interface ConsoleRefusal {
  reason: 'role' | 'read_only' | 'console_role'
  message: string
}

const READ_METHODS = new Set(['GET', 'HEAD'])

/**
 * Why a console role may not call `method path`, or undefined when it may. `routeRoles` are the
 * API roles the route declares (most console routes are the moderators' and admins').
 */
export function consoleRefusal(
  role: ConsoleRole,
  method: string,
  path: string,
  routeRoles: readonly ApiRole[],
): ConsoleRefusal | undefined {
  const rule = CONSOLE_ROLE_RULES[role]
  const verb = method.toUpperCase()
  const grantees = grantedRoles(verb, path)
  const granted = grantees.includes(role)
  if (!routeRoles.includes(rule.actsAs) && !granted) {
    const also = grantees.length > 0 ? ` (in the console also ${grantees.join(', ')})` : ''
    return {
      reason: 'role',
      message: `this needs one of the roles ${routeRoles.join(', ')}${also}; your console role ${role} acts as ${rule.actsAs}`,
    }
  }
  if (rule.readOnly && !READ_METHODS.has(verb) && !granted) {
    return {
      reason: 'read_only',
      message: `the ${role} role is read-only: it may look but not change anything; ask a moderator or an admin`,
    }
  }
  const narrower = CONSOLE_ROUTE_RULES.find((r) => r.method === verb && r.path === path)
  if (narrower && !narrower.roles.includes(role)) {
    return {
      reason: 'console_role',
      message: `${narrower.action} is for the console roles ${narrower.roles.join(', ')}; yours is ${role}`,
    }
  }
  return undefined
}

/** Whether a console role may call `method path`; for the console to hide what it may not. */
export function consoleMay(
  role: ConsoleRole,
  method: string,
  path: string,
  routeRoles: readonly ApiRole[] = ['moderator', 'admin'],
): boolean {
  return consoleRefusal(role, method, path, routeRoles) === undefined
}

/** Fastify's `/v1/appeals/:id/decision` as the OpenAPI path `/v1/appeals/{id}/decision`. */
export function openApiPath(routeUrl: string): string {
  return routeUrl.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}
