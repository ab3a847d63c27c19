import {
  type Declarations,
  INTIMATE_IMAGE_DECLARATIONS,
  INTIMATE_IMAGE_HARM,
  type IntimateImageDeclaration,
  type ReportInput,
} from '../../../core/report.js'
import type { FormValues } from '../../pages/form-body.js'
import { checkText, ErrorList, type FormState, ticked } from '../../pages/form-fields.js'
import {
  checkboxField,
  errorSummary,
  type FieldError,
  form,
  html,
  type SafeHtml,
  textField,
} from '../../pages/html.js'
import { checkContact, checkLocation, explanationWith, LIMITS } from './report-fields.js'
import { finalCheck } from './report-form.js'
import { contactFields, locationFields, notice, prefillQuery } from './report-form-parts.js'

// @NOTE OSA s.10(3A) and s.20: an intimate-image report declares that it is intimate image
// content, that the reporter is the person shown or acts for them, and that it is made in good
// faith; it identifies the content and gives contact details. Each declaration is its own box.

const DECLARATION_WORDS: Record<
  IntimateImageDeclaration,
  { label: string; hint?: string; missing: string }
> = {
  intimateImage: {
    label:
      'The picture or video shows a person naked, partly naked, or doing something sexual or private, like using the toilet.',
    missing: 'Tick the box to say what the picture or video shows',
  },
  personShownOrActingForThem: {
    label: 'I am the person in it, or I am reporting for them.',
    hint: 'For example, you are their parent, carer or lawyer, or they asked you to report it.',
    missing: 'Tick the box to say you are the person in it, or you are reporting for them',
  },
  goodFaith: {
    label: 'I believe what I have told you is true and complete.',
    hint: 'The law calls this reporting in good faith.',
    missing: 'Tick the box to say that what you told us is true',
  },
}

export const INTIMATE_FIELD_ORDER = [
  'kind',
  'surface',
  'urls',
  'where',
  'intimateImage',
  'personShownOrActingForThem',
  'explanation',
  'name',
  'email',
  'followUp',
  'goodFaith',
]

const DEFAULT_EXPLANATION =
  'An intimate picture or video shared without permission. The reporter made the declarations the law asks for.'

function declarationBox(name: IntimateImageDeclaration, state: FormState): SafeHtml {
  const words = DECLARATION_WORDS[name]
  return checkboxField({
    name,
    label: words.label,
    ...(words.hint ? { hint: words.hint } : {}),
    checked: ticked(state.values, name),
    errors: state.errors,
  })
}

function intro(values: FormValues): SafeHtml {
  return html`<p>Use this form if someone has shared a nude, sexual or private picture or video of you without your permission. You can also use it for someone you act for.</p>
<div class="note"><p><strong>The law says we must act within 48 hours</strong> of getting your report.</p></div>
<p>If the person in the picture is under 18, <a href="/report?reason=illegal.csea.image_csam${prefillQuery(values).replace('?', '&')}">use the form for child sexual abuse</a> instead. You do not have to give your name there.</p>
<p>If you are in danger right now, call 999 (in the UK) or 112 (in the EU).</p>
<h2>About the picture or video</h2>`
}

/** The intimate-image form with the person's answers and a message beside each problem. */
export function renderIntimateForm(state: FormState): SafeHtml {
  const v = state.values
  const e = state.errors
  const body = html`${errorSummary(e)}${state.alert ? notice(state.alert) : ''}${intro(v)}
${locationFields(v, e, 'intimate')}
<h2>What you declare</h2>
<p>The law asks you to confirm these things. Tick each box that is true.</p>
${declarationBox('intimateImage', state)}
${declarationBox('personShownOrActingForThem', state)}
${textField({ name: 'explanation', label: 'Anything else we should know? (optional)', hint: 'You can write up to 4,000 letters and spaces.', value: v.explanation ?? '', errors: e, multiline: true })}
${contactFields(v, e)}
${declarationBox('goodFaith', state)}`
  return form('/report/intimate-image', body, 'Send report')
}

/** The form's answers as an intimate-image notice with its declarations, or the problems. */
export function parseIntimateForm(
  values: FormValues,
): { input: ReportInput; errors: [] } | { input?: undefined; errors: FieldError[] } {
  const errors = new ErrorList()
  const location = checkLocation(values, errors)
  const declarations: Declarations = {}
  for (const name of INTIMATE_IMAGE_DECLARATIONS) {
    declarations[name] = ticked(values, name)
    if (!declarations[name]) errors.add(name, DECLARATION_WORDS[name].missing)
  }
  const explanation = checkText(values, 'explanation', LIMITS.explanation, errors)
  const contact = checkContact(values, errors, false)
  if (errors.list.length > 0) return { errors: errors.ordered(INTIMATE_FIELD_ORDER) }
  return finalCheck({
    subject: {
      id: location.subjectId,
      kind: location.kind,
      surface: location.surface,
      ...(location.urls[0] ? { url: location.urls[0] } : {}),
    },
    harm: INTIMATE_IMAGE_HARM,
    explanation: explanationWith(explanation || DEFAULT_EXPLANATION, location.where),
    contentUrls: location.urls,
    reporter: { kind: 'non_user', ...contact },
    goodFaith: true,
    followUp: ticked(values, 'followUp'),
    declarations,
  })
}
