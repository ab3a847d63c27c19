import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import type { BankKind } from '../../core/bank.js'
import {
  type BankFileFormat,
  type JsonlEntry,
  type JsonlHeader,
  jsonlEntrySchema,
  jsonlHeaderSchema,
  kindOfSignalType,
} from './formats.js'

/** One line of a bank file, read and checked but not yet written. */
export type BankFileRow =
  | { line: number; kind: 'entry'; entry: JsonlEntry }
  | { line: number; kind: 'header'; header: JsonlHeader }
  | { line: number; kind: 'other_signal_type'; signalType: string }
  | { line: number; kind: 'problem'; problem: string }

/** Reads a bank file row by row; a row that cannot be read is a `problem` naming its line. */
export function readBankRows(
  stream: Readable,
  format: BankFileFormat,
  bankKind: BankKind,
): AsyncGenerator<BankFileRow> {
  return format === 'jsonl' ? readJsonl(stream) : readHmaCsv(stream, bankKind)
}

async function* readJsonl(stream: Readable): AsyncGenerator<BankFileRow> {
  let line = 0
  for await (const text of createInterface({
    input: stream,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line += 1
    if (text.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      yield { line, kind: 'problem', problem: 'is not valid JSON' }
      continue
    }
    yield jsonlRow(line, value)
  }
}

function jsonlRow(line: number, value: unknown): BankFileRow {
  if (line === 1 && typeof value === 'object' && value !== null && 'format' in value) {
    const header = jsonlHeaderSchema.safeParse(value)
    if (header.success) return { line, kind: 'header', header: header.data }
    return { line, kind: 'problem', problem: describe(header.error.issues) }
  }
  const entry = jsonlEntrySchema.safeParse(value)
  if (entry.success) return { line, kind: 'entry', entry: entry.data }
  return { line, kind: 'problem', problem: describe(entry.error.issues) }
}

async function* readHmaCsv(stream: Readable, bankKind: BankKind): AsyncGenerator<BankFileRow> {
  const parser = stream.pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }),
  )
  for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
    yield csvRow(info.lines, record, bankKind)
  }
}

interface CsvRecord {
  record: Record<string, string | undefined>
  info: { lines: number }
}

function csvRow(line: number, record: CsvRecord['record'], bankKind: BankKind): BankFileRow {
  const signalType = record.signal_type
  const value = record.signal_value
  if (signalType === undefined || value === undefined) {
    return { line, kind: 'problem', problem: 'the header must name signal_type and signal_value' }
  }
  if (kindOfSignalType(signalType) !== bankKind) {
    return { line, kind: 'other_signal_type', signalType }
  }
  // @NOTE Checked by hand rather than through zod: a million-row file is read twice.
  const quality = record.quality ? Number(record.quality) : undefined
  if (quality !== undefined && !(Number.isInteger(quality) && quality >= 0 && quality <= 100)) {
    return { line, kind: 'problem', problem: 'quality: a whole number from 0 to 100' }
  }
  const note = record.note || undefined
  const externalRef = record.external_ref || undefined
  if ((note?.length ?? 0) > 500 || (externalRef?.length ?? 0) > 200 || value.length > 2000) {
    return { line, kind: 'problem', problem: 'a field is too long (note 500, external_ref 200)' }
  }
  return { line, kind: 'entry', entry: { value, note, quality, externalRef } }
}

function describe(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ')
}
