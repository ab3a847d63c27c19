import {
  all,
  childrenMediumHigh,
  largeWords,
  type MeasureFacts,
  type MeasureRow,
  NO_CHILDREN_LEVELS,
  no,
  type RowArgs,
  row,
  type TestResult,
  toCheck,
  yes,
} from './measure-tests.js'

// @NOTE Ofcom's Protection of Children Code for user-to-user services (PCU, in force 25 Jul 2025),
// the table of research/regulation.md §3 as data; it applies only when children are likely to
// access the service. Multi-risk here counts kinds of content harmful to children: §3 does not
// define it, so those tests are marked ⚠. A data table.

function pcu(...args: RowArgs): MeasureRow {
  return row('PCU', ...args)
}

/** Multi-risk over content harmful to children: medium or high for 2 or more of its kinds. ⚠ */
function childrenLargeOrMulti(f: MeasureFacts, invert = false): TestResult {
  const kinds = childrenMediumHigh(f)
  const multi = kinds === undefined ? undefined : kinds.length >= 2
  const words =
    kinds === undefined ? '' : `children’s kinds at medium or high risk: ${kinds.length}`
  if (f.large) return invert ? no(largeWords(f)) : yes(largeWords(f))
  if (multi === undefined) return toCheck(`${largeWords(f)}; ${NO_CHILDREN_LEVELS}`)
  if (invert) return multi ? no(`multi-risk (${words})`) : yes(`${largeWords(f)}, ${words}`)
  return multi ? yes(`multi-risk (${words})`) : no(`${largeWords(f)}, ${words}`)
}

function heaa(f: MeasureFacts): TestResult {
  return f.profile.children.ageAssurance === 'highly_effective'
    ? yes('the service uses highly effective age assurance')
    : no('the service does not use highly effective age assurance')
}

function purpose(kind: 'primary_priority' | 'priority') {
  return (f: MeasureFacts): TestResult =>
    f.profile.children.principalPurpose === kind
      ? yes(`its principal purpose is ${kind.replace('_', ' ')} content`)
      : no(`its principal purpose is not ${kind.replace('_', ' ')} content`)
}

function b4(f: MeasureFacts): TestResult {
  return f.profile.children.termsProhibit.primaryPriority
    ? no(
        'the terms prohibit primary priority content (B4 still applies if it cannot be taken down)',
      )
    : yes('the terms do not prohibit primary priority content')
}

function b5(f: MeasureFacts): TestResult {
  if (f.profile.children.termsProhibit.priority) return no('the terms prohibit priority content')
  const kinds = childrenMediumHigh(f, 'children_priority.')
  if (kinds === undefined)
    return toCheck(`priority content is not prohibited; ${NO_CHILDREN_LEVELS}`)
  return kinds.length > 0
    ? yes(`priority content is not prohibited and is at medium or high risk (${kinds.join(', ')})`)
    : no('priority content is not prohibited but no kind of it is at medium or high risk')
}

function recommender(f: MeasureFacts): TestResult {
  return f.profile.functionalities.includes('content_recommender')
    ? yes('the service has a content recommender system')
    : no('the service has no content recommender system')
}

function feeds(f: MeasureFacts): TestResult {
  const first = recommender(f)
  if (first.applies !== 'yes') return first
  const kinds = childrenMediumHigh(f)
  if (kinds === undefined) return toCheck(`a recommender service; ${NO_CHILDREN_LEVELS}`)
  return kinds.length > 0
    ? yes(`a recommender service at medium or high risk (${kinds.join(', ')})`)
    : no('a recommender service, but no children’s kind at medium or high risk')
}

function asIcu(ids: string): (f: MeasureFacts) => TestResult {
  return () => yes(`as the ICU rows ${ids}; each follows its own ICU test`)
}

function category1(f: MeasureFacts): TestResult {
  return f.profile.ofcomCategory === 'category_1' ? yes('Category 1') : no('not Category 1')
}

const SW = 'SW'

export const PCU_MEASURES: readonly MeasureRow[] = [
  pcu('A1–A7', 'Governance, as ICU', 'As ICU', 'GOV', asIcu('A1–A7')),
  pcu('B1', 'Age assurance process meeting the HEAA criteria', 'Services using HEAA', SW, heaa),
  pcu(
    'B2',
    'HEAA where the principal purpose is PPC',
    'Those services',
    SW,
    purpose('primary_priority'),
  ),
  pcu('B3', 'HEAA where the principal purpose is PC', 'Those services', SW, purpose('priority')),
  pcu('B4', 'HEAA where PPC is not prohibited or cannot be taken down', 'Those services', SW, b4),
  pcu('B5', 'HEAA where PC is not prohibited (medium or high risk)', 'Those services', SW, b5),
  pcu(
    'B6–B7',
    'HEAA to apply the feed measures to children',
    'Recommender services',
    SW,
    recommender,
    { unverified: true },
  ),
  pcu(
    'C1 / C2',
    'Review content harmful to children; act swiftly (take it down or restrict children’s access)',
    'All',
    SW,
    all,
  ),
  pcu('C3–C8', 'As ICU', 'Large or multi-risk', 'SW+/GOV', (f) => childrenLargeOrMulti(f), {
    unverified: true,
  }),
  pcu('D1–D10', 'Complaints and appeals, as ICU', 'As ICU', SW, asIcu('D1–D10')),
  pcu(
    'D11',
    'Appeals against age-assessment decisions',
    'Large or multi-risk',
    SW,
    (f) => childrenLargeOrMulti(f),
    { unverified: true },
  ),
  pcu(
    'D12',
    'Appeals against age-assessment decisions',
    'Neither',
    SW,
    (f) => childrenLargeOrMulti(f, true),
    { unverified: true },
  ),
  pcu('D13', 'Other complaints', 'All', 'SW+', all),
  pcu('D14', 'Optional: manifestly unfounded complaints', 'All', 'SW+', all, { optional: true }),
  pcu(
    'E',
    'Exclude PPC from children’s feeds; demote or exclude PC and NDC; negative-feedback control',
    'Recommender services at medium/high risk',
    SW,
    feeds,
    { unverified: true },
  ),
  pcu(
    'F',
    'Support materials; signposting when children report or search for self-harm content',
    'Risk-conditioned',
    SW,
    () => toCheck('risk-conditioned; the conditions are ⚠'),
    { unverified: true },
  ),
  pcu(
    'J',
    'Block and mute; disable comments; decline group-chat invitations',
    'Risk- and functionality-conditioned',
    SW,
    () => toCheck('risk- and functionality-conditioned; the conditions are ⚠'),
    { unverified: true },
  ),
  pcu('G1', 'ToS substance', 'All', 'SW+', all),
  pcu('G2', 'Summary of the children’s risk assessment (Category 1)', 'Cat 1', 'SW+', category1),
  pcu('G3', 'ToS clarity', 'All', 'SW+', all),
]
