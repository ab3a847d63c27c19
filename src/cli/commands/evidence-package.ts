import { closeSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { Command } from 'commander'
import { loadConfig } from '../../config/load-config.js'
import { exportEvidencePackage } from '../../services/evidence-export.js'
import { DEFAULT_ZIP_LIMITS } from '../../services/evidence-package/safe-zip.js'
import {
  type Finding,
  verifyEvidencePackage,
} from '../../services/evidence-package/verify-package.js'
import { loadSigningKey } from '../../services/evidence-signing-key.js'
import { CLI_ACTOR, globalFlags, withContext } from '../open-context.js'

const MARKS: Record<Finding['status'], string> = { pass: '✓', fail: '✗', note: '!' }

/** `vigil evidence export CASE --out FILE.zip --purpose …`: a signed package of the case. */
export function exportCommand(): Command {
  return new Command('export')
    .description('Write a signed evidence package (zip) of a case, for an authority')
    .argument('<case>', "the case's id")
    .requiredOption('--out <file>', 'the zip to write (an existing file is never overwritten)')
    .requiredOption('--purpose <text>', "why it is exported, e.g. the request's reference (logged)")
    .action(async (caseId: string, options: { out: string; purpose: string }, command: Command) => {
      const file = createOutFile(options.out)
      const built = await withContext(command, (ctx) =>
        exportEvidencePackage(ctx, CLI_ACTOR, caseId, options.purpose),
      ).catch((error: unknown) => {
        closeSync(file)
        rmSync(options.out, { force: true })
        throw error
      })
      writeFileSync(file, built.zip)
      closeSync(file)
      const { manifest } = built
      console.log(
        `wrote ${options.out}: ${manifest.items.length} item(s), ${manifest.custody.length} custody record(s), ${built.zip.byteLength} bytes`,
      )
      console.log(
        `signed with Ed25519 key ${manifest.signing.keyId}; give the recipient this public key by another channel:`,
      )
      console.log(manifest.signing.publicKey.trimEnd())
    })
}

/** `vigil evidence signing-key`: the public key to publish, so recipients can pin it. */
export function signingKeyCommand(): Command {
  return new Command('signing-key')
    .description('Print the public key evidence packages are signed with (to give recipients)')
    .action((_options: unknown, command: Command) => {
      const { config, secrets } = loadConfig(globalFlags(command))
      const key = loadSigningKey({ secret: secrets.evidenceSigningKey, database: config.database })
      console.log(`Ed25519 key ${key.keyId}`)
      console.log(key.publicKeyPem.trimEnd())
    })
}

/** Claims the output file before anything is exported (and audited): never overwrites one. */
function createOutFile(path: string): number {
  try {
    return openSync(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new Error(`${path} exists already; choose another file name`)
  }
}

/** `vigil evidence verify FILE.zip [--public-key FILE]`: needs no database; exit 1 on any change. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'Check a package: every hash, the signature, the audit entries; exit 1 on any change',
    )
    .argument('<file>', 'the package (zip)')
    .option('--public-key <file>', 'the Ed25519 public key (PEM) the package must be signed by')
    .option('--json', 'print the findings as JSON')
    .action((file: string, options: { publicKey?: string; json?: boolean }) => {
      const result = verifyFile(file, options.publicKey)
      if (options.json)
        console.log(JSON.stringify({ ok: result.ok, findings: result.findings }, null, 2))
      else printFindings(result)
      process.exitCode = result.ok ? 0 : 1
    })
}

function verifyFile(file: string, publicKeyFile: string | undefined) {
  const maxBytes = DEFAULT_ZIP_LIMITS.maxTotalBytes + 64 * 1024 * 1024
  if (statSync(file).size > maxBytes) {
    throw new Error(
      `${file} is larger than ${maxBytes} bytes; this is not a Vigil evidence package`,
    )
  }
  const trustedPublicKey = publicKeyFile ? readFileSync(publicKeyFile, 'utf8') : undefined
  return verifyEvidencePackage(readFileSync(file), trustedPublicKey ? { trustedPublicKey } : {})
}

function printFindings(result: ReturnType<typeof verifyEvidencePackage>): void {
  for (const finding of result.findings) {
    console.log(`${MARKS[finding.status]} ${finding.check}: ${finding.detail}`)
  }
  const failed = result.findings.filter((f) => f.status === 'fail').length
  const m = result.manifest
  if (result.ok && m) {
    console.log(
      `package intact: case ${m.caseId}, ${m.items.length} item(s), exported ${m.createdAt} by ${m.exporter.name}, signed by key ${m.signing.keyId}`,
    )
  } else {
    console.log(`package NOT intact: ${failed} check(s) failed`)
  }
}
