import type { ChatLine, HitKind, Platform } from './demo-text.js'

type Lines = Partial<Record<Platform, readonly string[]>>

/** Real threats: each contains a phrase of the demo-threats keyword bank. */
const THREATS: Lines = {
  forum: [
    'Delete that review of my shop or you will regret this. I know where you live.',
    'Show up at the Sunday ride again and I will kill you, I am serious.',
    'Keep posting about my dog barking and you will regret this. Watch your back.',
  ],
  game: [
    'keep reporting me and i will find you. i know where you live',
    'i know where you live, your school is on your profile. log off or else',
    'you cost us the match. i will find you',
  ],
  dating: [
    'You think you can just ignore me? Watch your back.',
    'Answer me. I will find you, you cannot block me forever',
    'You will regret this. I know where you live and I know your car.',
  ],
}

/** Friendly banter that contains a threat phrase: a person should see it and take no action. */
const BANTER: Lines = {
  forum: [
    "If you spoil the last chapter for me you're dead to me :)",
    'Eat the last slice of my birthday cake and I will kill you (lovingly)',
  ],
  game: [
    "you're dead next round lol",
    'rematch. i will kill you this time 😂',
    'watch your back, I have the sniper now haha',
    "gg but you're dead in the final, I have been practising",
  ],
}

/** Scam posts: each links to a domain in the demo-scam-domains bank. */
const SCAMS: Lines = {
  forum: [
    'Free £100 gift cards for the first 50 people! https://free-giftcards.example/claim',
    'Guaranteed 2x on any crypto in 24h, proof inside https://crypto-doubler.example/?ref=92',
    'Your parcel is on hold, pay the £1.99 fee at https://parcel-redelivery-fee.example/track',
    'Admins asked everyone to re-verify: https://secure-login-verify.example/forum',
  ],
  game: [
    'everyone log in here for free skins https://steam-trade-bonus.example/offer',
    'your account is flagged, verify now at https://secure-login-verify.example/login',
    'trading event today only, bonus for logging in https://steam-trade-bonus.example/event',
  ],
  dating: [
    'I am stuck at the airport, can you send the fee? https://crypto-doubler.example/wallet',
    'I made so much with this, let me show you how https://crypto-doubler.example/start',
    'I sent you a gift card, claim it before it expires https://free-giftcards.example/you',
  ],
}

const WHERE: Record<Platform, Omit<ChatLine, 'text' | 'platform'>> = {
  forum: { surface: 'public', channel: 'general' },
  game: { surface: 'group', channel: 'lobby' },
  dating: { surface: 'private', channel: 'messages' },
}

function toLines(lines: Lines): ChatLine[] {
  return Object.entries(lines).flatMap(([platform, texts]) =>
    (texts ?? []).map((text) => ({
      platform: platform as Platform,
      ...WHERE[platform as Platform],
      text,
    })),
  )
}

/** Messages that hit a demo list, by what a moderator should make of them. */
export const HIT_LINES: Record<Exclude<HitKind, 'terror_media'>, readonly ChatLine[]> = {
  threat: toLines(THREATS),
  banter: toLines(BANTER),
  scam: toLines(SCAMS),
}
