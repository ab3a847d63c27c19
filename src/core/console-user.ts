import { z } from 'zod'
import { type ConsoleRole, consoleRoleSchema } from './roles.js'

/** A person who signs in to the moderator console. */
export interface ConsoleUser {
  id: string
  email: string
  name: string
  role: ConsoleRole
  preferences: ConsolePreferences
  createdAt: Date
  disabledAt: Date | null
}

/** Per-person console settings; every field has a default so older rows read cleanly. */
export const consolePreferencesSchema = z.object({
  /** Show images unblurred and in colour without a click (issue 5: blurred by default). */
  revealMedia: z.boolean().default(false),
})
export type ConsolePreferences = z.infer<typeof consolePreferencesSchema>

/** A change to one's own preferences: only the fields given change. */
export const preferencesPatchSchema = z.strictObject({
  revealMedia: z.boolean().optional(),
})
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 1024

/** What is wrong with a new password, or undefined; lengths count characters, not bytes. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) {
    return `a password needs at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one`
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `a password may have at most ${PASSWORD_MAX_LENGTH} characters`
  }
  return undefined
}

/** An email as it is compared and stored: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export const consoleUserInputSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('give an email address such as ana@example.org').max(320)),
  name: z.string().trim().min(1).max(200),
  role: consoleRoleSchema,
})
export type ConsoleUserInput = z.infer<typeof consoleUserInputSchema>

export const signInInputSchema = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(PASSWORD_MAX_LENGTH),
})
export type SignInInput = z.infer<typeof signInInputSchema>
