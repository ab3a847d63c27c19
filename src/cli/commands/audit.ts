import { Command } from 'commander'
import { sealAuditLog } from '../../services/audit-seal.js'
import { verifyAuditChain } from '../../services/audit-verify.js'
import { withContext } from '../open-context.js'

export function auditCommand(): Command {
  const audit = new Command('audit').description('The hash-chained audit log')
  audit
    .command('verify')
    .description('Check every sealed entry; exit code 0 only when the chain is intact')
    .option('--seal', 'seal pending entries first')
    .option('--json', 'print the report as JSON')
    .action(async (options: { seal?: boolean; json?: boolean }, command: Command) => {
      await withContext(command, async (ctx) => {
        if (options.seal) await sealAuditLog(ctx)
        const report = await verifyAuditChain(ctx.db)
        if (options.json) console.log(JSON.stringify(report, null, 2))
        else if (report.ok) {
          console.log(
            `audit chain intact: ${report.sealed} sealed entries, ${report.unsealed} not yet sealed`,
          )
          console.log(`head hash ${report.headHash}`)
        } else {
          const b = report.firstBreak
          console.log(
            `audit chain BROKEN at entry ${b?.chainSeq} (row ${b?.entryId}): ${b?.problem}`,
          )
        }
        process.exitCode = report.ok ? 0 : 1
      })
    })
  return audit
}
