import type { PackageManifest } from './manifest.js'

/** What the summary shows: the manifest before the summary's own hash is known. */
export type SummaryFacts = Omit<PackageManifest, 'summary'>

/** Escapes text for HTML content and quoted attribute values. */
function esc(value: string | number | null): string {
  return String(value ?? '—')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}code,.hash{font-family:ui-monospace,monospace;font-size:13px;word-break:break-all}
pre{background:#f4f4f4;padding:.75rem;white-space:pre-wrap;word-break:break-all}`

/** A self-contained page (no scripts, no outside resources) a person can read without tools. */
export function renderSummary(facts: SummaryFacts): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>Evidence package: case ${esc(facts.caseId)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>Evidence package: case ${esc(facts.caseId)}</h1>`,
    '<p>The files under <code>items/</code> are the originals as preserved. <code>manifest.json</code>',
    'lists them with their SHA-256 hashes, the chain of custody and the audit entries behind it, and',
    'is signed (<code>manifest.sig</code>); the hash of this page is in it too. This page is a',
    'readable copy: the signed manifest is the record.</p>',
    packageTable(facts),
    itemsTable(facts),
    custodyTable(facts),
    howToVerify(facts),
    '</body></html>',
    '',
  ].join('\n')
}

function row(label: string, value: string): string {
  return `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`
}

function packageTable(f: SummaryFacts): string {
  const { anchor } = f.auditChain
  return [
    '<h2>About this package</h2><table>',
    row('Case', esc(f.caseId)),
    row('Exported at (UTC)', esc(f.createdAt)),
    row('Exported by', `${esc(f.exporter.name)} (<code>${esc(f.exporter.id)}</code>)`),
    row('Purpose', esc(f.purpose)),
    row('Items', esc(f.items.length)),
    row(
      'Audit chain head at export',
      `${esc(anchor.headSeq)}: <span class="hash">${esc(anchor.headHash)}</span>`,
    ),
    row('Signed with', `Ed25519 key <code>${esc(f.signing.keyId)}</code>`),
    '</table>',
  ].join('\n')
}

function itemsTable(f: SummaryFacts): string {
  const rows = f.items.map(
    (i) =>
      `<tr><td>${esc(i.label)}<br>${i.path ? `<code>${esc(i.path)}</code>` : `<em>not in this package: ${esc(i.absentReason)}</em>`}</td><td>${esc(i.kind)}<br>${esc(i.contentType)}</td>` +
      `<td>${esc(i.size)}</td><td>${esc(i.preservedAt)}</td><td class="hash">${esc(i.sha256)}</td></tr>`,
  )
  return [
    '<h2>Items</h2><table>',
    '<tr><th>Item and file</th><th>Kind and type</th><th>Bytes</th><th>Preserved at (UTC)</th><th>SHA-256 of the original</th></tr>',
    ...(rows.length > 0 ? rows : ['<tr><td colspan="5">No items.</td></tr>']),
    '</table>',
  ].join('\n')
}

function custodyTable(f: SummaryFacts): string {
  const rows = f.custody.map(
    (c) =>
      `<tr><td>${esc(c.at)}</td><td>${esc(c.action)}</td><td>${esc(c.entityType)} <code>${esc(c.entityId)}</code></td>` +
      `<td><code>${esc(c.actor)}</code></td><td>${esc(c.purpose)}</td><td>${esc(c.chainSeq ?? 'not yet sealed')}</td></tr>`,
  )
  return [
    '<h2>Chain of custody</h2>',
    '<p>Every recorded preservation, viewing, export and erasure of the case and its items, oldest first.</p><table>',
    '<tr><th>Time (UTC)</th><th>Action</th><th>About</th><th>By</th><th>Purpose</th><th>Audit entry</th></tr>',
    ...(rows.length > 0 ? rows : ['<tr><td colspan="6">No records.</td></tr>']),
    '</table>',
  ].join('\n')
}

function howToVerify(f: SummaryFacts): string {
  return [
    '<h2>How to check this package</h2>',
    '<p>With Vigil: <code>vigil evidence verify package.zip --public-key key.pem</code> checks every',
    'file, this page, the signature and the audit entries, and fails on any change.</p>',
    '<p>Without Vigil: the SHA-256 of each file under <code>items/</code> must equal the table above',
    '(<code>sha256sum items/*</code>), and the signature in <code>manifest.sig</code> must verify',
    'over the exact bytes of <code>manifest.json</code> with the public key below:</p>',
    '<pre>base64 -d manifest.sig &gt; manifest.sig.bin\nopenssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig.bin</pre>',
    '<p>Obtain the public key from the sender by a separate channel and compare it with this one:</p>',
    `<pre>${esc(f.signing.publicKey)}</pre>`,
  ].join('\n')
}
