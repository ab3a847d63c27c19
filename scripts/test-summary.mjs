#!/usr/bin/env node
// Usage: node scripts/test-summary.mjs test-results/vitest.json
//
// Reads a Vitest JSON report (`vitest run --reporter=json --outputFile=...`) and prints one
// closing line for CI: `N passed, N failed` (`, N skipped` when tests were skipped or todo).
// Exits 1 when the report is missing or unreadable (after printing `0 passed, 1 failed`),
// when any test failed, or when the report says `success: false`.
import { readFileSync } from 'node:fs'

function count(report, field) {
  const value = report[field]
  if (value === undefined) return 0
  if (!Number.isInteger(value) || value < 0) throw new Error(`field ${field} is not a count`)
  return value
}

// A test file that fails before any test runs (import error, failing hook) has no failed test
// in numFailedTests; count each such file once so a broken suite never reads `0 failed`.
function brokenFiles(report) {
  if (!Array.isArray(report.testResults)) return 0
  return report.testResults.filter(
    (file) =>
      file?.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test?.status === 'failed'),
  ).length
}

function readReport(path) {
  if (!path) throw new Error('no report path given')
  const report = JSON.parse(readFileSync(path, 'utf8'))
  if (report === null || typeof report !== 'object' || Array.isArray(report)) {
    throw new Error('the report is not a JSON object')
  }
  if (report.numPassedTests === undefined && report.numFailedTests === undefined) {
    throw new Error('the report has neither numPassedTests nor numFailedTests')
  }
  return report
}

function main() {
  const path = process.argv[2]
  let report
  let passed
  let failed
  let skipped
  try {
    report = readReport(path)
    passed = count(report, 'numPassedTests')
    failed = count(report, 'numFailedTests') + brokenFiles(report)
    skipped = count(report, 'numPendingTests') + count(report, 'numTodoTests')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    console.error(`test-summary: cannot read Vitest report ${path ?? '(none)'}: ${reason}`)
    console.log('0 passed, 1 failed')
    return 1
  }

  const unsuccessful = report.success === false
  if (unsuccessful && failed === 0) {
    // @NOTE e.g. no test files matched, or an unhandled error outside any test.
    console.error(
      'test-summary: Vitest reports success: false with no failed test ' +
        '(no test files found, or an error outside the tests); counted as 1 failed',
    )
    failed = 1
  }
  const parts = [`${passed} passed`, `${failed} failed`]
  if (skipped > 0) parts.push(`${skipped} skipped`)
  console.log(parts.join(', '))
  return failed > 0 || unsuccessful ? 1 : 0
}

process.exitCode = main()
