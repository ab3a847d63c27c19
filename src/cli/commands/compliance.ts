import { readFileSync, writeFileSync } from 'node:fs'
import { Command, Option } from 'commander'
import type { z } from 'zod'
import { assessmentExport } from '../../compliance/assessment-export.js'
import { type MeasureMatrix, measureMatrix } from '../../compliance/measure-matrix.js'
import { renderAssessmentHtml } from '../../compliance/render-assessment.js'
import { renderMatrixHtml } from '../../compliance/render-matrix.js'
import {
  approveAssessment,
  assessmentHistory,
  createDraftAssessment,
  recordAlternativeMeasure,
  updateDraftAssessment,
} from '../../compliance/risk-assessments.js'
import { InvalidInputError } from '../../core/errors.js'
import { riskAssessmentInputSchema } from '../../core/risk-assessment.js'
import { alternativeMeasureInputSchema } from '../../core/risk-record.js'
import { CLI_ACTOR, withContext } from '../open-context.js'

/** `vigil compliance`: the risk assessment (OSA s.9) and the code-measure matrix. */
export function complianceCommand(): Command {
  const compliance = new Command('compliance').description(
    'The illegal-content risk assessment and which code measures apply and are met',
  )
  compliance.addCommand(assessmentCommand())
  compliance.addCommand(measuresCommand())
  compliance.addCommand(alternativeCommand())
  return compliance
}

/** Reads a JSON file and checks it against a schema, naming every problem. */
function readJson<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new InvalidInputError(`${file} is not readable JSON: ${(error as Error).message}`)
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`,
  )
  throw new InvalidInputError(`${file} is not a valid document`, { problems })
}

/** Writes to --out, or to standard output. */
function emit(text: string, out: string | undefined, what: string): void {
  if (!out) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    return
  }
  writeFileSync(out, text)
  console.error(`wrote ${what} to ${out}`)
}

function assessmentCommand(): Command {
  const assessment = new Command('assessment').description(
    'Versions of the risk assessment: draft, edit, approve, show, list',
  )
  assessment
    .command('create')
    .description('Start the next version as a draft from a JSON file (profile, harms, people)')
    .requiredOption('--file <file>', 'the assessment as JSON (see docs/risk-and-measures.md)')
    .action(async (flags: { file: string }, command: Command) => {
      const input = readJson(flags.file, riskAssessmentInputSchema)
      await withContext(command, async (ctx) => {
        const draft = await createDraftAssessment(ctx, CLI_ACTOR, input)
        console.log(`drafted version ${draft.version}: ${draft.id}`)
      })
    })
  assessment
    .command('edit <id>')
    .description('Replace a draft from a JSON file; approved versions are never changed')
    .requiredOption('--file <file>', 'the assessment as JSON')
    .action(async (id: string, flags: { file: string }, command: Command) => {
      const input = readJson(flags.file, riskAssessmentInputSchema)
      await withContext(command, async (ctx) => {
        const edited = await updateDraftAssessment(ctx, CLI_ACTOR, id, input)
        console.log(`edited draft version ${edited.version}`)
      })
    })
  addApproveCommand(assessment)
  addReadCommands(assessment)
  return assessment
}

function addApproveCommand(assessment: Command): void {
  assessment
    .command('approve <id>')
    .description('Approve a draft; it supersedes the approved version, which is kept')
    .requiredOption('--by <name>', 'the person who approves it')
    .requiredOption('--role <role>', 'their role, e.g. "Chair, Risk Committee"')
    .action(async (id: string, flags: { by: string; role: string }, command: Command) => {
      await withContext(command, async (ctx) => {
        const approvedBy = { name: flags.by, role: flags.role }
        const approved = await approveAssessment(ctx, CLI_ACTOR, id, { approvedBy })
        console.log(`approved version ${approved.version}`)
      })
    })
}

function addReadCommands(assessment: Command): void {
  assessment
    .command('show <id>')
    .description('A version with its live evidence and the version history')
    .addOption(
      new Option('--format <format>', 'json or html').choices(['json', 'html']).default('json'),
    )
    .option('--out <file>', 'where to write (default: standard output)')
    .action(async (id: string, flags: { format: string; out?: string }, command: Command) => {
      await withContext(command, async (ctx) => {
        const exported = await assessmentExport(ctx, id)
        const text =
          flags.format === 'html'
            ? renderAssessmentHtml(exported)
            : JSON.stringify(exported, null, 2)
        emit(text, flags.out, `version ${exported.assessment.version} as ${flags.format}`)
      })
    })
  assessment
    .command('list')
    .description('Every version, newest first')
    .action(async (_flags: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        for (const a of await assessmentHistory(ctx)) {
          const approved = a.approvedAt ? ` approved ${a.approvedAt.toISOString()}` : ''
          console.log(`${a.version}\t${a.status}\t${a.completedOn}\t${a.id}${approved}`)
        }
      })
    })
}

const STATUS_WORDS: Record<string, string> = {
  met: 'met',
  partly: 'partly',
  not_met: 'NOT MET',
  not_software: 'governance',
  outside_vigil: 'outside Vigil',
}

/** The matrix as a plain table: one line per measure, then the gaps. */
export function matrixTable(m: MeasureMatrix): string[] {
  const { large, multiRisk } = m.applicability
  const lines = [
    `Risk assessment version ${m.assessment.version} (${m.assessment.status}) of ${m.assessment.serviceName}`,
    `${large.reason}; ${multiRisk.reason}`,
    '',
    `${'MEASURE'.padEnd(20)}${'APPLIES'.padEnd(9)}${'STATUS'.padEnd(15)}WHY`,
  ]
  for (const r of m.measures) {
    const applies =
      r.applies === 'yes' ? (r.owed ? 'yes' : r.optional ? 'optional' : r.stage) : r.applies
    const mark = r.unverified ? ' ⚠' : ''
    const status = r.status ? (STATUS_WORDS[r.status.status] ?? r.status.status) : '-'
    lines.push(`${(r.key + mark).padEnd(20)}${applies.padEnd(9)}${status.padEnd(15)}${r.reason}`)
  }
  lines.push('', m.gaps.length ? 'GAPS' : 'GAPS: none')
  for (const g of m.gaps) {
    lines.push(
      `- ${g.measures.join(', ')}: ${g.gap}${g.alternativeRecorded ? ' (alternative recorded)' : ''}`,
    )
  }
  return lines
}

function measuresCommand(): Command {
  return new Command('measures')
    .description(
      'Which code measures apply to the approved assessment, and whether Vigil meets them',
    )
    .addOption(
      new Option('--format <format>', 'table, json or html')
        .choices(['table', 'json', 'html'])
        .default('table'),
    )
    .option('--assessment <id>', 'work it out for this version (e.g. a draft)')
    .option('--out <file>', 'where to write (default: standard output)')
    .action(
      async (flags: { format: string; assessment?: string; out?: string }, command: Command) => {
        await withContext(command, async (ctx) => {
          const matrix = await measureMatrix(ctx, flags.assessment)
          const text =
            flags.format === 'json'
              ? JSON.stringify(matrix, null, 2)
              : flags.format === 'html'
                ? renderMatrixHtml(matrix)
                : matrixTable(matrix).join('\n')
          emit(text, flags.out, `the code-measure matrix as ${flags.format}`)
        })
      },
    )
}

function alternativeCommand(): Command {
  return new Command('alternative')
    .description('Record an alternative to a code measure (OSA s.23(4)) from a JSON file')
    .requiredOption(
      '--file <file>',
      'measure, description, howItComplies, freedomOfExpression, privacy, recordedBy',
    )
    .action(async (flags: { file: string }, command: Command) => {
      const input = readJson(flags.file, alternativeMeasureInputSchema)
      await withContext(command, async (ctx) => {
        const recorded = await recordAlternativeMeasure(ctx, CLI_ACTOR, input)
        console.log(`recorded an alternative to ${recorded.measure}: ${recorded.id}`)
      })
    })
}
