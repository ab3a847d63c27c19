// @NOTE What a person reporting sees for each harm: short words a 9-to-11-year-old can read,
// said the way the reporter saw it. The legal labels in the catalogue stay for moderators and the
// transparency report; the public report page uses these.

export interface PlainWords {
  /** The choice as the reporter reads it. */
  label: string
  /** One short sentence that helps them pick. */
  hint: string
}

export const PLAIN_WORDS: Readonly<Record<string, PlainWords>> = Object.freeze({
  'illegal.terrorism': {
    label: 'Terrorism or violent extremism',
    hint: 'It supports a terror group, or asks people to attack others.',
  },
  'illegal.csea': {
    label: 'Sexual abuse of a child',
    hint: 'It sexually abuses a child or helps someone do that.',
  },
  'illegal.csea.grooming': {
    label: 'An adult trying to get close to a child for sex',
    hint: 'An adult making friends with a child, or talking about sex with them, to abuse them.',
  },
  'illegal.csea.image_csam': {
    label: 'Sexual pictures or videos of a child',
    hint: 'Any sexual picture or video of someone under 18, even a drawing or a fake.',
  },
  'illegal.csea.csam_url': {
    label: 'Links to sexual pictures of children',
    hint: 'A link that leads to sexual pictures or videos of someone under 18.',
  },
  'illegal.hate': {
    label: 'Hate against a group of people',
    hint: 'It tries to make people hate others because of their race, religion or who they love.',
  },
  'illegal.harassment': {
    label: 'Stalking, threats or abuse aimed at a person',
    hint: 'Someone keeps targeting a person, follows them, or frightens them.',
  },
  'illegal.harassment.threat_to_life': {
    label: 'A threat to kill or badly hurt someone',
    hint: 'Someone says they will kill or seriously hurt a person.',
  },
  'illegal.coercive_control': {
    label: 'A partner or family member controlling someone',
    hint: 'Someone close keeps controlling, scaring or cutting off another person.',
  },
  'illegal.intimate_image_abuse': {
    label: 'Nude or sexual pictures shared without permission',
    hint: 'A private, nude or sexual picture or video of someone, shared without their OK.',
  },
  'illegal.extreme_pornography': {
    label: 'Extremely violent porn',
    hint: 'Porn showing things like rape, serious injury, or sex with animals.',
  },
  'illegal.sexual_exploitation': {
    label: 'Forcing adults to sell sex',
    hint: 'Pushing or controlling adults to sell sex, to make money from them.',
  },
  'illegal.human_trafficking': {
    label: 'Taking or holding people to force them to work',
    hint: 'Moving or keeping people so they can be forced to work or have sex.',
  },
  'illegal.unlawful_immigration': {
    label: 'Helping people come into the UK illegally',
    hint: 'Offering or planning secret trips into the UK, like small-boat crossings.',
  },
  'illegal.fraud': {
    label: 'A scam to take money or personal details',
    hint: 'Tricking people out of money, bank details or passwords.',
  },
  'illegal.proceeds_of_crime': {
    label: 'Hiding money from crime',
    hint: 'Looking for people to move money for criminals.',
  },
  'illegal.drugs': {
    label: 'Selling illegal drugs',
    hint: 'Offering to sell or give out illegal drugs.',
  },
  'illegal.weapons': {
    label: 'Selling guns, knives or other weapons',
    hint: 'Offering to sell or make weapons against the law.',
  },
  'illegal.suicide_self_harm': {
    label: 'Telling someone to kill or hurt themselves',
    hint: 'Pushing or helping someone to end their life or to hurt themselves badly.',
  },
  'illegal.foreign_interference': {
    label: 'Secret posts for a foreign government',
    hint: 'Posts made in secret for another country, to change what people here think or do.',
  },
  'illegal.animal_cruelty': {
    label: 'Cruelty to animals',
    hint: 'Hurting an animal on purpose, or telling someone to.',
  },
  'illegal.cyberflashing': {
    label: 'Unwanted pictures of private parts',
    hint: 'Someone sent a picture of their private parts without being asked.',
  },
  'children_primary.pornography': {
    label: 'Porn or sexual content',
    hint: 'Content made to turn people on sexually.',
  },
  'children_primary.suicide': {
    label: 'Content about ending your life',
    hint: 'It makes suicide seem good, or explains how to do it.',
  },
  'children_primary.self_injury': {
    label: 'Content about hurting yourself',
    hint: 'It makes self-harm seem good, or explains how to do it.',
  },
  'children_primary.eating_disorders': {
    label: 'Content that pushes unhealthy eating',
    hint: 'It makes starving, or making yourself sick, seem good.',
  },
  'children_priority.abuse_hatred': {
    label: 'Abuse about who someone is',
    hint: "Nasty words about someone's race, religion, sex, sexuality, disability or gender.",
  },
  'children_priority.serious_violence': {
    label: 'Pushing people to hurt others',
    hint: 'It urges people to seriously hurt someone, or shows how.',
  },
  'children_priority.bullying': {
    label: 'Bullying',
    hint: 'Trying to scare, hurt or make fun of someone, often again and again.',
  },
  'children_priority.graphic_violence': {
    label: 'Violent or gory pictures or videos',
    hint: 'It shows people or animals badly hurt, in gory detail.',
  },
  'children_priority.dangerous_stunts': {
    label: 'Dangerous challenges or stunts',
    hint: 'It urges people to try stunts or challenges that could badly hurt them.',
  },
  'children_priority.harmful_substances': {
    label: 'Swallowing or breathing in harmful things',
    hint: 'It urges people to take something that could hurt them.',
  },
  other_illegal: {
    label: 'Something else that is against the law',
    hint: 'It breaks another law and could harm a person.',
  },
  terms: {
    label: 'Something else against our rules',
    hint: 'It breaks the rules of this service.',
  },
})
