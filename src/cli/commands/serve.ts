import { Command, Option } from 'commander'
import type { AppContext } from '../../context.js'
import { buildApp } from '../../http/app.js'
import { syncBankMatchers } from '../../services/banks.js'
import { refreshRulesIfChanged } from '../../services/rules.js'
import { Worker } from '../../worker/worker.js'
import { globalFlags, openContext } from '../open-context.js'
import { startWorkerThread } from '../worker-thread.js'
import { loadDemoOnFirstStart } from './demo.js'

interface ServeOptions {
  role?: 'all' | 'api' | 'worker'
  port?: string
  host?: string
  demo?: boolean
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the API and run the worker (with PostgreSQL, --role splits them)')
    .addOption(
      new Option('--role <role>', 'what this process runs').choices(['all', 'api', 'worker']),
    )
    .option('--port <port>', 'port to listen on (VIGIL_PORT, default 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (VIGIL_HOST, default 127.0.0.1)')
    .option('--demo', 'load the demo data set on first start and print how to call the API')
    .action(async (options: ServeOptions, command: Command) => {
      const flags = {
        ...(options.role ? { VIGIL_ROLE: options.role } : {}),
        ...(options.port ? { VIGIL_PORT: options.port } : {}),
        ...(options.host ? { VIGIL_HOST: options.host } : {}),
      }
      const ctx = await openContext(command, flags)
      await serve(ctx, Boolean(options.demo), { ...globalFlags(command), ...flags })
    })
}

async function serve(ctx: AppContext, demo: boolean, flags: Record<string, string>): Promise<void> {
  const role = ctx.config.role
  if (role !== 'all' && ctx.databaseKind === 'pglite') {
    await ctx.destroy()
    throw new Error(
      'embedded PGlite runs API and worker in one process; set VIGIL_DATABASE_URL to split roles',
    )
  }
  const demoKey = demo ? await loadDemoOnFirstStart(ctx) : undefined
  const worker = await startWorker(ctx, flags)
  const app = role === 'worker' ? undefined : await buildApp(ctx)
  const address = app
    ? await app.listen({ host: ctx.config.http.host, port: ctx.config.http.port })
    : undefined
  const bankSync = app ? keepBanksFresh(ctx) : undefined
  const ruleSync = app ? keepRulesFresh(ctx) : undefined
  ctx.logger.info({ role, address, database: ctx.databaseKind }, 'vigil is running')
  if (address) printWelcome(address, demoKey)
  await untilSignalled()
  ctx.logger.info('shutting down')
  clearInterval(bankSync)
  clearInterval(ruleSync)
  await app?.close()
  await worker?.stop()
  await ctx.destroy()
}

/**
 * The worker: none for `api`; in this event loop for `worker` and on PGlite (one connection); in a
 * thread of its own for `all` on PostgreSQL, so its work never delays API responses.
 */
async function startWorker(
  ctx: AppContext,
  flags: Record<string, string>,
): Promise<{ stop(): Promise<void> } | undefined> {
  const role = ctx.config.role
  if (role === 'api') return undefined
  if (role === 'all' && ctx.databaseKind === 'postgres') return startWorkerThread(flags)
  const worker = new Worker(ctx)
  worker.start()
  return worker
}

/** Other processes may change the banks: reload this one's matchers when they do. */
function keepBanksFresh(ctx: AppContext): NodeJS.Timeout {
  return setInterval(() => {
    syncBankMatchers(ctx).catch((error: unknown) => {
      ctx.logger.error({ err: error }, 'could not refresh the bank matchers')
    })
  }, 1_000).unref()
}

/** Other processes may change the rules: reload this one's when the rule revision moves. */
function keepRulesFresh(ctx: AppContext): NodeJS.Timeout {
  return setInterval(() => {
    refreshRulesIfChanged(ctx).catch((error: unknown) => {
      ctx.logger.error({ err: error }, 'could not refresh the rules')
    })
  }, 1_000).unref()
}

function printWelcome(address: string, demoKeyFile: string | undefined): void {
  console.log(`\nVigil is listening on ${address}`)
  console.log(`  API docs:  ${address}/docs`)
  console.log(`  Report:    ${address}/report  (the public report page)`)
  console.log(`  Console:   ${address}/console (sign in with a user from \`vigil users create\`)`)
  console.log(`  OpenAPI:   ${address}/openapi.json`)
  if (demoKeyFile) {
    console.log(`  Admin key: export VIGIL_KEY=$(cat ${demoKeyFile})`)
    console.log(
      `  Try:       curl -s -H "Authorization: Bearer $VIGIL_KEY" '${address}/v1/cases?limit=3'`,
    )
  }
  console.log('')
}

function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      resolve()
    }
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
}
