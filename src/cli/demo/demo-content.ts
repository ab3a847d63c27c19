import type { Random } from '../../core/random.js'
import type { ContentInput, MediaInput, SubjectKind } from '../../core/subject.js'
import { KNOWN_MEDIA } from './demo-banks.js'
import { HIT_LINES } from './demo-hits.js'
import {
  benignLine,
  type ChatLine,
  type HitKind,
  type Platform,
  PROFILE_BIOS,
  TERROR_MEDIA_CAPTIONS,
} from './demo-text.js'

export interface PlannedContent {
  at: number
  key: string
  platform: Platform
  input: ContentInput
  /** Set when the content hits a demo list. */
  hit?: HitKind
}

const PHOTO_CAPTIONS = [
  'the allotment this morning',
  'new bike day!',
  'sourdough attempt number four',
  'finished the shelves, ignore the wonky one',
  'Biscuit enjoying the sun',
  'view from the top of the hill',
  'our team at the charity quiz',
]

export type ContentCategory = HitKind | 'chat' | 'photo' | 'profile'

/** How often each category appears: about 15% of the content hits a demo list. */
const SHARES: [ContentCategory, number][] = [
  ['threat', 0.05],
  ['banter', 0.03],
  ['scam', 0.05],
  ['terror_media', 0.02],
  ['photo', 0.04],
  ['profile', 0.03],
]

/** The categories of `count` pieces of content in a shuffled order, in their exact shares. */
export function contentDeck(random: Random, count: number): ContentCategory[] {
  const deck: ContentCategory[] = []
  for (const [category, share] of SHARES) {
    for (let i = 0; i < Math.round(count * share); i += 1) deck.push(category)
  }
  while (deck.length < count) deck.push('chat')
  for (let i = deck.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i)
    ;[deck[i], deck[j]] = [deck[j] as ContentCategory, deck[i] as ContentCategory]
  }
  return deck.slice(0, count)
}

/**
 * The n-th piece of content the demo platforms send: ordinary chat, photos and profiles, or a
 * message that hits a demo list (a threat, game banter that looks like one, a scam link, known
 * terrorist media).
 */
export function contentItem(
  random: Random,
  n: number,
  at: number,
  category: ContentCategory,
): PlannedContent {
  switch (category) {
    case 'threat':
    case 'banter':
    case 'scam':
      return fromLine(n, at, random.pick(HIT_LINES[category]), random, category)
    case 'terror_media':
      return terrorMedia(n, at, random)
    case 'photo':
      return photo(n, at, random)
    case 'profile':
      return profile(n, at, random)
    default:
      return fromLine(n, at, benignLine(random), random)
  }
}

const KIND_OF: Record<Platform, SubjectKind> = { forum: 'text', game: 'message', dating: 'message' }

function fromLine(
  n: number,
  at: number,
  line: ChatLine,
  random: Random,
  hit?: HitKind,
): PlannedContent {
  const kind = KIND_OF[line.platform]
  const id = `${line.platform}-${kind === 'text' ? 'post' : 'msg'}-${n}`
  const url =
    line.platform === 'forum'
      ? `https://forum.example/t/${line.channel}/${n}`
      : `https://${line.platform}.example/m/${id}`
  return planned(at, line.platform, hit, {
    id,
    kind,
    surface: line.surface,
    author: { id: `${line.platform}-user-${random.int(1, 160)}` },
    text: line.text,
    url,
    media: [],
    metadata: { platform: line.platform, channel: line.channel },
  })
}

function terrorMedia(n: number, at: number, random: Random): PlannedContent {
  const bytes = random.pick(KNOWN_MEDIA)
  return image(n, at, random, random.pick(TERROR_MEDIA_CAPTIONS), bytes, 'terror_media')
}

function photo(n: number, at: number, random: Random): PlannedContent {
  const bytes = Buffer.from(`vigil demo: an ordinary holiday photo #${n}`, 'utf8')
  return image(n, at, random, random.pick(PHOTO_CAPTIONS), bytes)
}

function image(
  n: number,
  at: number,
  random: Random,
  caption: string,
  bytes: Buffer,
  hit?: HitKind,
): PlannedContent {
  const id = `forum-image-${n}`
  const media: MediaInput[] = [{ base64: bytes.toString('base64') }]
  return planned(at, 'forum', hit, {
    id,
    kind: 'image',
    surface: 'public',
    author: { id: `forum-user-${random.int(1, 160)}` },
    text: caption,
    url: `https://forum.example/media/${id}`,
    media,
    metadata: { platform: 'forum', channel: 'photos', note: 'demo bytes stand in for an image' },
  })
}

function profile(n: number, at: number, random: Random): PlannedContent {
  const id = `dating-profile-${n}`
  return planned(at, 'dating', undefined, {
    id,
    kind: 'profile',
    surface: 'public',
    author: { id: `dating-user-${random.int(1, 160)}` },
    text: random.pick(PROFILE_BIOS),
    url: `https://dating.example/u/${id}`,
    media: [],
    metadata: { platform: 'dating', channel: 'profiles' },
  })
}

function planned(
  at: number,
  platform: Platform,
  hit: HitKind | undefined,
  input: ContentInput,
): PlannedContent {
  return { at, key: `${input.kind}:${input.id}`, platform, input, ...(hit ? { hit } : {}) }
}
