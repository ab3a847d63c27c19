import { Command, Option } from 'commander'
import { CONSOLE_ROLE_RULES } from '../../core/console-roles.js'
import { passwordProblem } from '../../core/console-user.js'
import { CONSOLE_ROLES, type ConsoleRole } from '../../core/roles.js'
import { createConsoleUser, disableConsoleUser, listUsers } from '../../services/console-users.js'
import { CLI_ACTOR, withContext } from '../open-context.js'
import { promptNewPassword, readPasswordFromStdin } from '../password-input.js'

export function usersCommand(): Command {
  const users = new Command('users').description('Create, list and disable console accounts')
  users.addCommand(createCommand())
  users.addCommand(listCommand())
  users.addCommand(disableCommand())
  return users
}

interface CreateOptions {
  email: string
  name: string
  role: ConsoleRole
  passwordStdin?: boolean
}

function createCommand(): Command {
  const roles = CONSOLE_ROLES.map((r) => `  ${r}: ${CONSOLE_ROLE_RULES[r].summary}`).join('\n')
  return new Command('create')
    .description('Create a console account; the password is asked for, or read from stdin')
    .requiredOption('--email <email>', 'the address the person signs in with')
    .requiredOption('--name <name>', 'their name, as the audit log and decisions show it')
    .addOption(
      new Option('--role <role>', 'what they may do').choices(CONSOLE_ROLES).makeOptionMandatory(),
    )
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .addHelpText('after', `\nRoles:\n${roles}`)
    .action(async (options: CreateOptions, command: Command) => {
      const password = options.passwordStdin
        ? await readPasswordFromStdin()
        : await promptNewPassword()
      const problem = passwordProblem(password)
      if (problem) throw new Error(`${problem}; nothing was created`)
      await withContext(command, async (ctx) => {
        const user = await createConsoleUser(
          ctx,
          CLI_ACTOR,
          { email: options.email, name: options.name, role: options.role },
          password,
        )
        console.log(`created console user ${user.email} (${user.role}), id ${user.id}`)
      })
    })
}

function listCommand(): Command {
  return new Command('list')
    .description('List console accounts (never their passwords)')
    .action(async (_options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        const users = await listUsers(ctx)
        if (users.length === 0) {
          console.log('no console users yet; create one with `vigil users create`')
          return
        }
        console.table(
          users.map((u) => ({
            email: u.email,
            name: u.name,
            role: u.role,
            created: u.createdAt.toISOString(),
            disabled: u.disabledAt?.toISOString() ?? '',
          })),
        )
      })
    })
}

function disableCommand(): Command {
  return new Command('disable')
    .argument('<email>')
    .description('Disable an account and end its sessions at once')
    .action(async (email: string, _options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        const { user, sessionsEnded } = await disableConsoleUser(ctx, CLI_ACTOR, email)
        console.log(`disabled ${user.email}; ended ${sessionsEnded} session(s)`)
      })
    })
}
