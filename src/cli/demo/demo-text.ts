import type { Random } from '../../core/random.js'
import type { Surface } from '../../core/subject.js'

export type Platform = 'forum' | 'game' | 'dating'

export interface ChatLine {
  platform: Platform
  surface: Surface
  channel: string
  text: string
}

const FORUM: Record<string, readonly string[]> = {
  gardening: [
    'My tomatoes keep splitting after it rains. Is that a watering problem or just the variety?',
    'First year growing dahlias and they are finally flowering, absolutely chuffed.',
    'Does anyone know if it is too late to plant garlic? Thinking of putting some in this weekend.',
    'Slugs have eaten every single lettuce. Beer traps or copper tape, what actually works?',
    'Swapping some spare courgette seedlings if anyone nearby wants them.',
    'Compost heap is steaming in the cold mornings, so I guess I am doing something right.',
  ],
  cycling: [
    'Did the canal loop this morning, towpath is muddy past the second lock but rideable.',
    'Which tyres are people running for winter commuting? My current ones puncture weekly.',
    'Group ride on Sunday leaves the bakery at 8, no-drop pace, all welcome.',
    'Finally fixed the clicking noise. It was the pedal, not the bottom bracket. Of course.',
    'Anyone done the coast road in a headwind? Asking for my legs.',
  ],
  cooking: [
    'Made the lentil soup from last week’s thread and it was brilliant. Added extra cumin.',
    'How do you stop homemade bread going stale so fast? Mine is rock hard by day two.',
    'Batch cooking for the week: chilli, dal and a tray of roast veg. Feel very organised.',
    'Is it worth buying a pressure cooker or is it one more thing to keep in the cupboard?',
    'My nan’s scone recipe uses lemonade instead of milk. Sounds odd, tastes great.',
    'Tried making ramen broth from scratch. Eight hours. Worth it? Honestly yes.',
  ],
  diy: [
    'What is the least painful way to strip old wallpaper? Steamer or soak and scrape?',
    'Put up floating shelves and they are very slightly wonky. Living with it.',
    'Bathroom fan is loud and rattles. Replace the whole unit or just clean it?',
    'Has anyone used lime plaster on an old house? Trying to fix damp the right way.',
    'Top tip: take a photo of the wiring before you disconnect anything.',
  ],
  pets: [
    'Our rescue cat has decided the laundry basket is her kingdom now.',
    'Puppy training classes: worth it or can you do it yourself with videos?',
    'The dog learned to open the back door. We are no longer in charge.',
    'Any recommendations for a vet near the high street that does weekend hours?',
    'Hamster escaped overnight, found him in a slipper this morning, all fine.',
  ],
  local: [
    'Does anyone know why the road by the school is closed this week?',
    'Lost a blue scarf near the library on Tuesday, sentimental value, please shout if found.',
    'The farmers market is back on the green this Saturday, the cheese stall is worth the trip.',
    'Litter pick at the park next Sunday at 10. Gloves and bags provided.',
    'Power cut on the east side again, anyone else? Third time this month.',
    'Huge thanks to whoever handed in my wallet at the corner shop. Faith in people restored.',
  ],
  tech: [
    'Laptop fan runs constantly since the last update. Anyone else seeing this?',
    'Is it worth upgrading to more RAM or should I just get an SSD first?',
    'Set up a Raspberry Pi to block ads on the home network. Surprisingly easy.',
    'Which password manager do people here use? Trying to get my parents onto one.',
    'Printer says it is offline while being very clearly online. Classic.',
  ],
  books: [
    'Just finished a thriller that kept me up until 2am. No spoilers but wow, that ending.',
    'Book club pick for next month is up, voting closes Friday.',
    'Anyone else re-reading old favourites this winter? Comfort reads only.',
    'Looking for audiobook recommendations for long drives, narrators matter.',
  ],
}

const FORUM_TAILS = [
  '',
  '',
  '',
  ' Thanks in advance!',
  ' Any tips welcome.',
  ' (Sorry if this is the wrong board.)',
  ' Edit: sorted now, thanks all.',
  ' Cheers.',
]

const GAME = [
  'gg everyone, that last round was close',
  'anyone up for ranked after dinner?',
  'nice clutch on B site',
  'lag is terrible tonight, is it just me',
  'who took all the loot from the supply drop lol',
  'need a healer for the raid at 9, we have tank and dps',
  'can someone explain the new crafting system, it makes no sense',
  'wp, rematch?',
  'my cat walked on the keyboard, sorry for the random jump',
  'is the event boss bugged or are we just bad',
  'ty for the revive',
  'brb getting snacks',
  'that patch ruined my favourite build',
  'push mid, they are all top',
  'lfg casual, no mics needed',
  'how do you even get past level 14, the jumps are impossible',
  'does anyone want to trade the blue helmet? I have two',
  'first win in ages, I will take it',
  'I think the servers are down for maintenance at 6',
  'new map is gorgeous but I keep getting lost',
  'sorry my bad, wrong button',
  'that sniper has been camping all game',
  'tournament sign ups close on Friday, who is in?',
  'just hit diamond!! took me all season',
]

const GAME_TAILS = ['', '', ' lol', ' 😂', '!!', ' haha', ' :)']

const DATING = [
  'Hey! I see you like hiking too, any favourite trails around here?',
  'Your dog is adorable. What is his name?',
  'Hi, that photo at the lake looks lovely, where was it?',
  'I also think pineapple on pizza is fine, we can be outcasts together',
  'How was your weekend? Mine was mostly sleeping and one very long walk',
  'Would you be up for coffee on Thursday? There is a nice place by the station',
  'Sorry for the slow reply, work has been a lot this week',
  'Ha, I laughed at your bio. The bit about the plants is so true',
  'Have you been to the new Thai place on the corner? I keep hearing good things',
  'I had a really nice time yesterday, thanks for suggesting the gallery',
  'What are you reading at the moment?',
  'Fair warning: I am very competitive at board games',
  'Running late, 10 minutes, so sorry!',
  'Do you prefer mountains or the seaside? Important question',
  'That sounds like a great trip, how long were you in Portugal?',
  'I think we matched because we both listed baking. What do you make?',
]

const DATING_TAILS = ['', '', ' :)', ' 😊', ' haha']

export const PROFILE_BIOS = [
  'Nurse, part-time baker, full-time dog person. Looking for someone to share long walks with.',
  'Engineer who climbs on weekends. Will talk about films for hours.',
  'New to the city. Into live music, bad puns and good coffee.',
  'Teacher. Plants everywhere. Recently learning to surf, badly.',
  'Runner, reader, terrible at karaoke but I do it anyway.',
]

/** One ordinary message from one of the three demo platforms. */
export function benignLine(random: Random): ChatLine {
  const roll = random.next()
  if (roll < 0.45) {
    const channel = random.pick(Object.keys(FORUM))
    const text = random.pick(FORUM[channel] ?? []) + random.pick(FORUM_TAILS)
    return { platform: 'forum', surface: 'public', channel, text }
  }
  if (roll < 0.8) {
    const surface: Surface = random.chance(0.8) ? 'group' : 'private'
    const text = random.pick(GAME) + random.pick(GAME_TAILS)
    return { platform: 'game', surface, channel: surface === 'group' ? 'lobby' : 'whisper', text }
  }
  const text = random.pick(DATING) + random.pick(DATING_TAILS)
  return { platform: 'dating', surface: 'private', channel: 'messages', text }
}

export type HitKind = 'threat' | 'banter' | 'scam' | 'terror_media'

export const TERROR_MEDIA_CAPTIONS = [
  'share this before it gets taken down',
  'they can delete it but we have copies',
  'new release, spread it',
]
