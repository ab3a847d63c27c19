import { z } from 'zod'

/** Roles an API key can carry. The console's human roles arrive with the console. */
export const API_ROLES = ['platform', 'trusted_flagger', 'moderator', 'admin'] as const
export type ApiRole = (typeof API_ROLES)[number]
export const apiRoleSchema = z.enum(API_ROLES)

/** Who did something: recorded on every audit entry and decision. */
export interface Actor {
  /** 'key:<uuid>', 'bootstrap' or 'system'. */
  id: string
  role: ApiRole | 'system'
  name: string
  /** For a trusted flagger's or an authority's key: the registered flagger it belongs to. */
  flaggerId?: string
  /** Whether that flagger is a designated trusted flagger or an authority (e.g. the police). */
  flaggerKind?: 'trusted_flagger' | 'authority'
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system', name: 'Vigil' }
