import { z } from 'zod'
import { CONSOLE_ROLES } from '../../../core/roles.js'

export const consolePeopleSchema = z.object({
  people: z.array(
    z.object({
      id: z.string().describe('The console user\'s id; cases assigned to them name "user:<id>"'),
      name: z.string(),
      role: z.enum(CONSOLE_ROLES),
    }),
  ),
})
