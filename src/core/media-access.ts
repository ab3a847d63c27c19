import type { Actor } from './roles.js'
import { isCsea } from './taxonomy.js'

// @NOTE Who may open a case's media. CSEA media is opened only by a person signed in to the
// console with the child_safety role: never an API key, not even an admin's. Browser-safe, so
// the console shows a placeholder by the same rule.

/** True when any of the case's harms (its own, its reports', its signals') is CSEA. */
export function touchesCsea(harms: readonly (string | null | undefined)[]): boolean {
  return harms.some((harm) => typeof harm === 'string' && isCsea(harm))
}

export function mayOpenMedia(
  actor: Pick<Actor, 'id' | 'consoleRole'>,
  harms: readonly (string | null | undefined)[],
): boolean {
  if (!touchesCsea(harms)) return true
  return actor.id.startsWith('user:') && actor.consoleRole === 'child_safety'
}

export const CSEA_MEDIA_REFUSAL =
  'this case may show child sexual abuse, so only a child safety specialist signed in to the console may open its media; hand the case to the child safety team'

/** Image types the console may show; SVG is left out because it can carry script. */
export const VIEWABLE_IMAGE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
]
