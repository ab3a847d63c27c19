import { Command } from 'commander'
import type { AppContext } from '../../context.js'
import { withContext } from '../open-context.js'

/** @TODO the demo data set; see the demo task. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('Load a realistic demo data set')
    .action(async (_options: unknown, command: Command) => {
      await withContext(command, async () => {})
    })
}

export async function loadDemoOnFirstStart(_ctx: AppContext): Promise<string | undefined> {
  return undefined
}
