import { z } from 'zod'

/** Roles an API key can carry. */
export const API_ROLES = ['platform', 'trusted_flagger', 'moderator', 'admin'] as const
export type ApiRole = (typeof API_ROLES)[number]
export const apiRoleSchema = z.enum(API_ROLES)

/** Roles of the people who sign in to the moderator console (see console-roles.ts). */
export const CONSOLE_ROLES = [
  'admin',
  'moderator',
  'triage',
  'child_safety',
  'appeals_reviewer',
  'law_enforcement_liaison',
  'auditor',
] as const
export type ConsoleRole = (typeof CONSOLE_ROLES)[number]
export const consoleRoleSchema = z.enum(CONSOLE_ROLES)

/** Who did something: recorded on every audit entry and decision. */
export interface Actor {
  /** 'key:<uuid>', 'user:<uuid>' (a console session), 'bootstrap' or 'system'. */
  id: string
  /** For a console user, the API role their console role acts as. */
  role: ApiRole | 'system'
  name: string
  /** For a trusted flagger's or an authority's key: the registered flagger it belongs to. */
  flaggerId?: string
  /** Whether that flagger is a designated trusted flagger or an authority (e.g. the police). */
  flaggerKind?: 'trusted_flagger' | 'authority'
  /** For a console session: the person's console role, which may narrow `role`. */
  consoleRole?: ConsoleRole
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system', name: 'Vigil' }
