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

/**
 * Read-only routes a console role may call although the API role it acts as is not among the
 * route's roles: the auditor reads the audit log, which API keys reach only as admin.
 */
export const CONSOLE_READ_GRANTS: readonly { path: string; roles: readonly ConsoleRole[] }[] = [
  { path: '/v1/audit/entries', roles: ['auditor'] },
  { path: '/v1/audit/verify', roles: ['auditor'] },
]

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
  const granted =
    READ_METHODS.has(verb) &&
    CONSOLE_READ_GRANTS.some((g) => g.path === path && g.roles.includes(role))
  if (!routeRoles.includes(rule.actsAs) && !granted) {
    return {
      reason: 'role',
      message: `this needs one of the roles ${routeRoles.join(', ')}; your console role ${role} acts as ${rule.actsAs}`,
    }
  }
  if (rule.readOnly && !READ_METHODS.has(verb)) {
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
