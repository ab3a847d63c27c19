import { Command } from 'commander'
import { printableConfig } from '../../config/config.js'
import { loadConfig } from '../../config/load-config.js'
import { globalFlags } from '../open-context.js'

export function configCommand(): Command {
  const config = new Command('config').description('Inspect the configuration')
  config
    .command('print')
    .description('Print the effective configuration (secrets are never printed)')
    .action((_options: unknown, command: Command) => {
      const { config: effective } = loadConfig(globalFlags(command))
      console.log(JSON.stringify(printableConfig(effective), null, 2))
    })
  return config
}
