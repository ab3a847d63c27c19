import {
  fileSharing,
  largeWords,
  levelOf,
  levelWords,
  type MeasureFacts,
  multiRiskWords,
  no,
  over700k,
  type TestResult,
  toCheck,
  usersWords,
  yes,
} from './measure-tests.js'
import { atLeast } from './risk-assessment.js'
import {
  CSAM_URL_KIND,
  GROOMING_KIND,
  IMAGE_CSAM_KIND,
  type RiskKind,
  riskKind,
} from './risk-kinds.js'

// @NOTE The application tests of the ICU rows that are more than "all" or "large or multi-risk",
// each worded so the matrix can say why a measure applies or not (research/regulation.md §1).

export const IIA = 'illegal.intimate_image_abuse'
export const FRAUD = 'illegal.fraud'
export const C15_KINDS = [
  'illegal.terrorism',
  'illegal.hate',
  'illegal.harassment',
  'illegal.foreign_interference',
]

export function largeOnly(f: MeasureFacts): TestResult {
  return f.large ? yes(largeWords(f)) : no(largeWords(f))
}

export function largeAndMultiRisk(f: MeasureFacts): TestResult {
  const words = `${largeWords(f)} and ${multiRiskWords(f)}`
  return f.large && f.multiRisk ? yes(words) : no(words)
}

export function neither(f: MeasureFacts): TestResult {
  const words = `${largeWords(f)} and ${multiRiskWords(f)}`
  return f.large || f.multiRisk ? no(words) : yes(words)
}

export function withChildren(test: (f: MeasureFacts) => TestResult) {
  return (f: MeasureFacts): TestResult => {
    const first = test(f)
    if (first.applies !== 'yes') return first
    const why = first.reason.replace(/^applies: /, '')
    return f.profile.children.likelyToAccess
      ? yes(`${why}, and children are likely to access the service`)
      : no(`${why}, but children are not likely to access the service`)
  }
}

/** C9: (a) high image-based CSAM and (>700k or file sharing), or (b) large and medium/high. */
export function c9(f: MeasureFacts): TestResult {
  const level = levelOf(f, IMAGE_CSAM_KIND)
  const why = [
    over700k(f) ? usersWords(f) : '',
    fileSharing(f) ? 'a file-storage/sharing service' : '',
  ]
    .filter(Boolean)
    .join('; ')
  if (level === 'high' && why) return yes(`(a) ${levelWords(f, IMAGE_CSAM_KIND)} and ${why}`)
  if (f.large && atLeast(level, 'medium')) {
    return yes(`(b) ${largeWords(f)} and ${levelWords(f, IMAGE_CSAM_KIND)}`)
  }
  return no(
    `(a) needs high risk of image-based CSAM with more than 700,000 monthly UK users or file-storage/sharing (${levelWords(f, IMAGE_CSAM_KIND)}; ${usersWords(f)}${fileSharing(f) ? '; file-storage/sharing' : '; not file-storage/sharing'}); (b) needs large and medium or high risk (${largeWords(f)})`,
  )
}

/** C10: large at medium/high risk of CSAM URLs, or >700k users at high risk. */
export function c10(f: MeasureFacts): TestResult {
  const level = levelOf(f, CSAM_URL_KIND)
  if (f.large && atLeast(level, 'medium')) {
    return yes(`${largeWords(f)} and ${levelWords(f, CSAM_URL_KIND)}`)
  }
  if (over700k(f) && level === 'high') {
    return yes(`${usersWords(f)} and ${levelWords(f, CSAM_URL_KIND)}`)
  }
  return no(
    `needs large at medium or high risk, or more than 700,000 users at high risk (${levelWords(f, CSAM_URL_KIND)}; ${usersWords(f)}; ${largeWords(f)})`,
  )
}

/** C14: image/video services, (a) high IIA and (porn, >700k, file sharing) or (b) large, ≥ medium. */
export function c14(f: MeasureFacts): TestResult {
  if (!f.profile.functionalities.includes('images_videos')) {
    return no('not an image/video service (users cannot post images or videos)')
  }
  const level = levelOf(f, IIA)
  const why = [
    f.profile.pornographyPrincipalPurpose ? 'pornography is its principal purpose' : '',
    over700k(f) ? usersWords(f) : '',
    fileSharing(f) ? 'a file-storage/sharing service' : '',
  ]
    .filter(Boolean)
    .join('; ')
  if (level === 'high' && why)
    return yes(`(a) image/video service, ${levelWords(f, IIA)} and ${why}`)
  if (f.large && atLeast(level, 'medium')) {
    return yes(`(b) image/video service, ${largeWords(f)} and ${levelWords(f, IIA)}`)
  }
  return no(
    `(a) needs high risk of intimate image abuse with pornography as principal purpose, more than 700,000 users or file-storage/sharing (${levelWords(f, IIA)}; ${usersWords(f)}); (b) needs large and medium or high risk (${largeWords(f)})`,
  )
}

function c15Kinds(f: MeasureFacts, floor: 'medium' | 'high'): RiskKind[] {
  return C15_KINDS.filter((k) => atLeast(levelOf(f, k), floor)).map((k) => riskKind(k) as RiskKind)
}

/** C15 (draft): large at medium risk, or any service at high risk, of the four kinds. */
export function c15(f: MeasureFacts): TestResult {
  const high = c15Kinds(f, 'high')
  if (high.length > 0) return yes(`high risk of ${high.map((k) => k.label).join(', ')}`)
  const medium = c15Kinds(f, 'medium')
  if (f.large && medium.length > 0) {
    return yes(`${largeWords(f)} at medium risk of ${medium.map((k) => k.label).join(', ')}`)
  }
  return no(
    `no high risk of terrorism, hate, harassment or foreign interference, and not large at medium risk (${largeWords(f)})`,
  )
}

export function c16(f: MeasureFacts): TestResult {
  const scope = c15(f)
  if (!f.large) return no(largeWords(f))
  return scope.applies === 'yes' ? yes(`${largeWords(f)} within C15’s scope`) : no(scope.reason)
}

export function d11(f: MeasureFacts): TestResult {
  return f.profile.proactiveTechnology
    ? yes('the service uses proactive technology that can take down or restrict content')
    : no('the profile says no proactive technology takes down or restricts content')
}

export function d14(f: MeasureFacts): TestResult {
  const words = `${largeWords(f)}; ${levelWords(f, FRAUD)}`
  return f.large && atLeast(levelOf(f, FRAUD), 'medium') ? yes(words) : no(words)
}

export function e1(f: MeasureFacts): TestResult {
  return f.profile.testsRecommendersOnPlatform
    ? toCheck('the service tests recommender systems on the platform; the risk condition is ⚠')
    : no('the service does not test recommender systems on the platform')
}

/** F1/F2: an existing means of determining age and (high grooming, or large at medium/high). */
export function f1(f: MeasureFacts): TestResult {
  const level = levelOf(f, GROOMING_KIND)
  if (!f.profile.determinesAge) return no('the service has no existing means of determining age')
  if (level === 'high') return yes(`a means of determining age and ${levelWords(f, GROOMING_KIND)}`)
  if (f.large && atLeast(level, 'medium')) {
    return yes(`a means of determining age, ${largeWords(f)} and ${levelWords(f, GROOMING_KIND)}`)
  }
  return no(`${levelWords(f, GROOMING_KIND)}; ${largeWords(f)}`)
}

export function g2(f: MeasureFacts): TestResult {
  return f.profile.ofcomCategory === 'category_1'
    ? yes('a Category 1 service')
    : no('not a Category 1 service')
}

export function j(f: MeasureFacts): TestResult {
  return f.large
    ? toCheck(`${largeWords(f)}; the risk conditions of J1–J3 are ⚠`)
    : no(largeWords(f))
}

export function notInForce(): TestResult {
  return no('not in force')
}
