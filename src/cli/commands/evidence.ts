import { Command } from 'commander'
import type { EvidenceItem } from '../../core/evidence.js'
import { newMasterKeyText } from '../../services/evidence-crypto.js'
import { listCaseEvidence } from '../../services/evidence-items.js'
import { preserveCaseEvidence } from '../../services/evidence-preserve.js'
import { runPreservation } from '../../services/evidence-preserve-job.js'
import { TransientMediaError } from '../../services/evidence-snapshot.js'
import { CLI_ACTOR, withContext } from '../open-context.js'
import { exportCommand, signingKeyCommand, verifyCommand } from './evidence-package.js'

/**
 * `vigil evidence …`: preserved evidence. Each subcommand is built by its own function and added
 * here, so more (export, verify) slot in beside these.
 */
export function evidenceCommand(): Command {
  const evidence = new Command('evidence').description(
    'Preserved evidence: preserve a case, list what is kept, export and verify signed packages, make a master key',
  )
  for (const command of [
    preserveCommand(),
    listCommand(),
    newKeyCommand(),
    exportCommand(),
    verifyCommand(),
    signingKeyCommand(),
  ]) {
    evidence.addCommand(command)
  }
  return evidence
}

function preserveCommand(): Command {
  return new Command('preserve')
    .description("Preserve a case's subject, media and records now (encrypted; audited)")
    .argument('<case>', 'the case id')
    .requiredOption('--reason <text>', 'why it is preserved; kept with every item')
    .action(async (caseId: string, options: { reason: string }, command: Command) => {
      await withContext(command, async (ctx) => {
        const receipt = await preserveCaseEvidence(ctx, CLI_ACTOR, caseId, options.reason)
        try {
          await runPreservation(ctx, receipt.job, { lastAttempt: false })
        } catch (error) {
          if (!(error instanceof TransientMediaError)) throw error
          console.log(`queued preservation ${receipt.preservationId}: ${error.message}`)
          return
        }
        console.log(`preserved case ${caseId} as preservation ${receipt.preservationId}`)
        printItems(
          (await listCaseEvidence(ctx.db, caseId)).filter(
            (i) => i.preservationId === receipt.preservationId,
          ),
        )
      })
    })
}

function listCommand(): Command {
  return new Command('list')
    .description("A case's evidence items: hashes, retention dates and state (no bytes)")
    .argument('<case>', 'the case id')
    .option('--json', 'print the items as JSON')
    .action(async (caseId: string, options: { json?: boolean }, command: Command) => {
      await withContext(command, async (ctx) => {
        const items = await listCaseEvidence(ctx.db, caseId)
        if (options.json) console.log(JSON.stringify(items, null, 2))
        else if (items.length === 0) console.log(`case ${caseId} has no preserved evidence`)
        else printItems(items)
      })
    })
}

function newKeyCommand(): Command {
  return new Command('new-key')
    .description('Print a new master key for VIGIL_EVIDENCE_KEYS (put it first to rotate)')
    .option('--id <id>', 'the key id', `key-${new Date().toISOString().slice(0, 10)}`)
    .action((options: { id: string }) => {
      console.log(newMasterKeyText(options.id))
    })
}

function printItems(items: readonly EvidenceItem[]): void {
  console.table(
    items.map((i) => ({
      id: i.id,
      label: i.label,
      bytes: i.size ?? '',
      sha256: i.sha256 ?? '',
      preserved: i.preservedAt.toISOString(),
      retainUntil: i.retainUntil.toISOString().slice(0, 10),
      state: i.erasedAt ? 'erased' : i.unavailableReason ? 'unavailable' : 'kept',
    })),
  )
}
