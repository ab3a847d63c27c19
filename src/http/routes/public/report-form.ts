import { type ReportInput, reportInputSchema } from '../../../core/report.js'
import { type ReportReasonGroup, reportReasons } from '../../../core/report-reasons.js'
import type { Taxonomy } from '../../../core/taxonomy.js'
import { isCsea } from '../../../core/taxonomy.js'
import type { FormValues } from '../../pages/form-body.js'
import { checkText, ErrorList, type FormState, text, ticked } from '../../pages/form-fields.js'
import {
  checkboxField,
  errorSummary,
  type FieldError,
  form,
  html,
  raw,
  type SafeHtml,
  textField,
} from '../../pages/html.js'
import { checkContact, checkLocation, explanationWith, LIMITS } from './report-fields.js'
import { contactFields, intro, locationFields, notice } from './report-form-parts.js'

export const FIELD_ORDER = [
  'kind',
  'surface',
  'urls',
  'where',
  'reason',
  'explanation',
  'name',
  'email',
  'followUp',
  'goodFaith',
]

function reasonSelect(groups: ReportReasonGroup[], state: FormState): SafeHtml {
  const error = state.errors.find((e) => e.field === 'reason')
  const chosen = state.values.reason
  const options = groups.map(
    (group) =>
      html`<optgroup label="${group.heading}">${group.reasons.map(
        (r) =>
          html`<option value="${r.harm}"${chosen === r.harm ? raw(' selected') : ''}>${r.label}</option>`,
      )}</optgroup>`,
  )
  const describedBy = ['reason-hint', error ? 'reason-error' : ''].filter(Boolean).join(' ')
  return html`<div class="field"><label for="reason">Why are you reporting it?</label>
<span class="hint" id="reason-hint">Pick the one that fits best. If none fits, pick “Something else against our rules”.</span>
${error ? html`<span class="error-message" id="reason-error">${error.message}</span>` : ''}
<select id="reason" name="reason" aria-describedby="${describedBy}"${error ? raw(' aria-invalid="true"') : ''}><option value="">Choose a reason</option>${options}</select></div>`
}

/** The public report form, with the person's answers and a message beside each problem. */
export function renderReportForm(taxonomy: Taxonomy, state: FormState): SafeHtml {
  const v = state.values
  const e = state.errors
  const body = html`${errorSummary(e)}${state.alert ? notice(state.alert) : ''}${intro(v)}
${locationFields(v, e, 'general')}
${reasonSelect(reportReasons(taxonomy), state)}
${textField({ name: 'explanation', label: 'What is wrong with it?', hint: 'Tell us in your own words why it is against the law or our rules. You can write up to 4,000 letters and spaces.', value: v.explanation ?? '', errors: e, multiline: true })}
${contactFields(v, e, 'You do not have to give your name or email if you are reporting sexual abuse of a child.')}
${checkboxField({ name: 'goodFaith', label: 'I believe what I have told you is true and complete.', hint: 'The law calls this reporting in good faith.', checked: ticked(v, 'goodFaith'), errors: e })}`
  return form('/report', body, 'Send report')
}

/**
 * The form's answers as a notice, or the problems to show. Nothing is stored here; the caller
 * files the notice only when there are no problems.
 */
export function parseReportForm(
  taxonomy: Taxonomy,
  values: FormValues,
): { input: ReportInput; errors: [] } | { input?: undefined; errors: FieldError[] } {
  const errors = new ErrorList()
  const location = checkLocation(values, errors)
  const harm = checkReason(taxonomy, text(values, 'reason'), errors)
  const explanation = checkText(
    values,
    'explanation',
    LIMITS.explanation,
    errors,
    'Tell us what is wrong with it',
  )
  const anonymousAllowed = harm !== undefined && isCsea(harm)
  const contact = checkContact(values, errors, anonymousAllowed)
  if (!ticked(values, 'goodFaith')) {
    errors.add('goodFaith', 'Tick the box to say that what you told us is true')
  }
  if (errors.list.length > 0 || !harm) return { errors: errors.ordered(FIELD_ORDER) }
  const candidate = {
    subject: {
      id: location.subjectId,
      kind: location.kind,
      surface: location.surface,
      ...(location.urls[0] ? { url: location.urls[0] } : {}),
    },
    harm,
    explanation: explanationWith(explanation, location.where),
    contentUrls: location.urls,
    reporter: { kind: 'non_user' as const, ...contact },
    goodFaith: true as const,
    followUp: ticked(values, 'followUp'),
  }
  return finalCheck(candidate)
}

function checkReason(taxonomy: Taxonomy, harm: string, errors: ErrorList): string | undefined {
  const offered = reportReasons(taxonomy).flatMap((g) => g.reasons.map((r) => r.harm))
  if (!harm) errors.add('reason', 'Choose why you are reporting it')
  else if (harm.startsWith('illegal.intimate_image_abuse')) {
    errors.add(
      'reason',
      'For nude or sexual pictures shared without permission, use the form for intimate pictures (link at the top)',
    )
  } else if (!offered.includes(harm)) errors.add('reason', 'Choose a reason from the list')
  else return harm
  return undefined
}

/** The API's own schema has the last word, so the page can never store what the API refuses. */
export function finalCheck(
  candidate: unknown,
): { input: ReportInput; errors: [] } | { errors: FieldError[] } {
  const parsed = reportInputSchema.safeParse(candidate)
  if (parsed.success) return { input: parsed.data, errors: [] }
  return {
    errors: [
      { field: 'explanation', message: 'We could not read your answers. Check them and try again' },
    ],
  }
}
