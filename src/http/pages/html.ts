// Tiny server-side HTML helpers for the public pages (report, status, appeal). No dependency,
// no JavaScript needed in the browser, no external resources.

/** A fragment of HTML that is already safe: `html` and `raw()` make these, nothing else should. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** Marks a trusted fragment (e.g. fixed CSS) as HTML. Never pass anything a person typed. */
export function raw(value: string): SafeHtml {
  return new SafeHtml(value)
}

type Interpolated =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly Interpolated[]

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map((v) => render(v)).join('')
  return escapeHtml(String(value))
}

/** Tagged template: every interpolated value is escaped unless it is SafeHtml (or a list of it). */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '')
  return new SafeHtml(out)
}

const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:112.5%;line-height:1.5;color:#1b1b1b;background:#fafaf7}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.8rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
p,ul,ol{margin:0 0 1rem}
a{color:#1d4f91;text-underline-offset:.15em}
a:focus,button:focus,input:focus,textarea:focus,select:focus,summary:focus{outline:3px solid #f5b400;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999rem;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
header.site{background:#1d3b5c;color:#fff;padding:.75rem 1rem}
header.site p{max-width:40rem;margin:0 auto;font-weight:600}
.field{margin:0 0 1.5rem}
label,legend{display:block;font-weight:600;margin:0 0 .25rem}
fieldset{border:0;padding:0;margin:0 0 1.5rem}
.hint{display:block;color:#505a5f;margin:0 0 .4rem}
.error-message{display:block;color:#b00020;font-weight:600;margin:0 0 .4rem}
input[type=text],input[type=email],input[type=url],textarea,select{width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0;background:#fff}
textarea{min-height:8rem}
[aria-invalid=true]{border-color:#b00020;border-width:3px}
.check{display:flex;gap:.6rem;align-items:flex-start;margin:0 0 .6rem}
.check input{width:1.4rem;height:1.4rem;margin:.15rem 0 0;flex:none}
.check label{font-weight:400;margin:0}
button{font:inherit;font-weight:600;color:#fff;background:#00703c;border:0;border-bottom:3px solid #002d18;padding:.6rem 1.2rem;cursor:pointer}
.error-summary{border:4px solid #b00020;padding:1rem;margin:0 0 2rem;background:#fff}
.error-summary h2{margin-top:0}
.panel{border:3px solid #00703c;background:#fff;padding:1rem;margin:0 0 1.5rem}
.panel .big{font-size:1.4rem;font-weight:700;word-break:break-all}
.note{border-left:6px solid #1d4f91;padding:.25rem 0 .25rem 1rem;margin:0 0 1rem}
ul.messages{list-style:none;padding:0}
ul.messages>li{border-left:5px solid #b1b4b6;padding:0 0 0 1rem;margin:0 0 1.5rem}
ul.messages h3{margin:0 0 .25rem;font-size:1.1rem}
dl{margin:0 0 1rem}dt{font-weight:600}dd{margin:0 0 .75rem}
`

export interface PageOptions {
  title: string
  body: SafeHtml
  /** Shown before the title when the page is about errors, so screen readers hear it first. */
  hasErrors?: boolean
  siteName?: string
}

/** A whole page: lang="en", a skip link, one h1 (the title), inline CSS, no scripts. */
export function page(options: PageOptions): string {
  const title = options.hasErrors ? `Error: ${options.title}` : options.title
  const site = options.siteName ?? 'Report a problem'
  return `<!doctype html>${
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site"><p>${site}</p></header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`.value
  }`
}

/** One problem with one field: `field` is the input's name (and id). */
export interface FieldError {
  field: string
  message: string
}

export type FieldErrors = readonly FieldError[]

function errorFor(errors: FieldErrors, name: string): string | undefined {
  return errors.find((e) => e.field === name)?.message
}

/** The box at the top of a form listing every problem, each a link to its field. */
export function errorSummary(errors: FieldErrors): SafeHtml {
  if (errors.length === 0) return html``
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">Please fix ${errors.length === 1 ? 'this' : 'these'} first</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`
}

interface FieldParts {
  describedBy: string
  invalid: SafeHtml
  hint: SafeHtml
  error: SafeHtml
}

function fieldParts(name: string, hint: string | undefined, errors: FieldErrors): FieldParts {
  const message = errorFor(errors, name)
  const ids = [hint ? `${name}-hint` : '', message ? `${name}-error` : ''].filter(Boolean)
  return {
    describedBy: ids.join(' '),
    invalid: message ? raw(' aria-invalid="true"') : raw(''),
    hint: hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : html``,
    error: message
      ? html`<span class="error-message" id="${name}-error"><span class="visually-hidden">Error: </span>${message}</span>`
      : html``,
  }
}

function describedByAttr(ids: string): SafeHtml {
  return ids ? html` aria-describedby="${ids}"` : raw('')
}

export interface TextFieldOptions {
  name: string
  label: string
  hint?: string
  value?: string
  errors?: FieldErrors
  type?: 'text' | 'email' | 'url'
  multiline?: boolean
  autocomplete?: string
  maxLength?: number
  required?: boolean
}

/** A labelled text input or textarea with its hint and error. */
export function textField(o: TextFieldOptions): SafeHtml {
  const p = fieldParts(o.name, o.hint, o.errors ?? [])
  const common = html`id="${o.name}" name="${o.name}"${describedByAttr(p.describedBy)}${p.invalid}${
    o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''
  }${o.maxLength ? html` maxlength="${o.maxLength}"` : ''}${o.required ? raw(' required') : ''}`
  const control = o.multiline
    ? html`<textarea ${common} rows="6">${o.value ?? ''}</textarea>`
    : html`<input type="${o.type ?? 'text'}" ${common} value="${o.value ?? ''}">`
  return html`<div class="field"><label for="${o.name}">${o.label}</label>${p.hint}${p.error}${control}</div>`
}

export interface Choice {
  value: string
  label: string
  hint?: string
}

export interface ChoiceFieldOptions {
  name: string
  legend: string
  hint?: string
  choices: readonly Choice[]
  value?: string
  errors?: FieldErrors
}

/** Radio buttons in a fieldset; the fieldset carries the hint and the error. */
export function radioField(o: ChoiceFieldOptions): SafeHtml {
  const p = fieldParts(o.name, o.hint, o.errors ?? [])
  const items = o.choices.map((c, i) => {
    const id = i === 0 ? o.name : `${o.name}-${i}`
    const hintId = c.hint ? `${id}-item-hint` : ''
    return html`<div class="check"><input type="radio" id="${id}" name="${o.name}" value="${c.value}"${
      o.value === c.value ? raw(' checked') : ''
    }${describedByAttr(hintId)}${p.invalid}><label for="${id}">${c.label}${
      c.hint ? html`<span class="hint" id="${hintId}">${c.hint}</span>` : ''
    }</label></div>`
  })
  return html`<fieldset class="field"${describedByAttr(p.describedBy)}><legend>${o.legend}</legend>${p.hint}${p.error}${items}</fieldset>`
}

/** A select list, for long lists of reasons. */
export function selectField(o: ChoiceFieldOptions & { placeholder?: string }): SafeHtml {
  const p = fieldParts(o.name, o.hint, o.errors ?? [])
  const options = o.choices.map(
    (c) =>
      html`<option value="${c.value}"${o.value === c.value ? raw(' selected') : ''}>${c.label}</option>`,
  )
  return html`<div class="field"><label for="${o.name}">${o.legend}</label>${p.hint}${p.error}<select id="${o.name}" name="${o.name}"${describedByAttr(p.describedBy)}${p.invalid}><option value="">${o.placeholder ?? 'Choose one'}</option>${options}</select></div>`
}

export interface CheckboxOptions {
  name: string
  label: string
  hint?: string
  checked?: boolean
  errors?: FieldErrors
  value?: string
}

/** One checkbox with its label beside it; for statements a person must tick. */
export function checkboxField(o: CheckboxOptions): SafeHtml {
  const p = fieldParts(o.name, o.hint, o.errors ?? [])
  return html`<div class="field">${p.error}<div class="check"><input type="checkbox" id="${o.name}" name="${o.name}" value="${o.value ?? 'yes'}"${
    o.checked ? raw(' checked') : ''
  }${describedByAttr(p.describedBy)}${p.invalid}><label for="${o.name}">${o.label}${p.hint}</label></div></div>`
}

/** A form that posts urlencoded data; `novalidate` so the server's messages are the ones shown. */
export function form(action: string, body: SafeHtml, submitLabel: string): SafeHtml {
  return html`<form method="post" action="${action}" novalidate>${body}<button type="submit">${submitLabel}</button></form>`
}
