/** One thing that must be true for the content to break the law or the rule. */
export interface ChecklistItemSpec {
  id: string
  question: string
  guidance: string
}

const GROUNDS: ChecklistItemSpec = {
  id: 'reasonable_grounds',
  question:
    'On everything you can see, are there reasonable grounds to infer that each point above holds?',
  guidance:
    'Not proof beyond doubt: a fair inference from the content, its context and what you know of the user (OSA s.192).',
}

function illegal(...items: ChecklistItemSpec[]): ChecklistItemSpec[] {
  return [...items, GROUNDS]
}

// @NOTE A data table, longer than the 300-line guide for code. The checklists follow Ofcom's
// Illegal Content Judgements Guidance: the conduct, the state of mind, and no defence or
// exception, judged on reasonable grounds to infer (OSA s.192). Keyed by harm id; a harm without
// its own checklist uses its nearest ancestor's.
export const JUDGEMENT_CHECKLISTS: Readonly<Record<string, readonly ChecklistItemSpec[]>> = {
  illegal: illegal(
    {
      id: 'offence',
      question: 'Which priority offence could the content be?',
      guidance: 'Pick the closest kind of priority illegal content; its checklist is more exact.',
    },
    {
      id: 'conduct',
      question: 'Does the content itself do what the offence describes?',
      guidance: 'Judge the words, pictures and links, not the user’s other behaviour.',
    },
    {
      id: 'state_of_mind',
      question: 'Did the user mean it, or not care, as the offence requires?',
      guidance: 'Infer intent from the content and its context; ask whether a defence is likely.',
    },
  ),
  'illegal.terrorism': illegal(
    {
      id: 'terrorist_link',
      question:
        'Does it back a group banned in the UK, urge terrorism, or give useful help to a terrorist?',
      guidance:
        'Check the Home Office list of proscribed groups; flags, logos and praise of a banned group count.',
    },
    {
      id: 'intent',
      question: 'Did the user mean to urge or help terrorism, or not care whether it would?',
      guidance:
        'Sharing with approving words suggests intent; neutral sharing may still be reckless.',
    },
    {
      id: 'not_reporting',
      question: 'Is it something other than news, research, or criticism of terrorism?',
      guidance: 'Journalism and academic or counter-terrorism work are defences.',
    },
  ),
  'illegal.csea': illegal(
    {
      id: 'child',
      question: 'Is a child (under 18) shown, talked to or talked about?',
      guidance: 'Judge apparent age from the content and context; do not open media you need not.',
    },
    {
      id: 'sexual',
      question: 'Is the content sexual, or aimed at sexual contact with the child?',
      guidance: 'Escalate to the child safety team; report to the NCA as the policy requires.',
    },
  ),
  'illegal.csea.grooming': illegal(
    {
      id: 'adult_sender',
      question: 'Is the sender an adult (18 or over), or likely to be?',
      guidance: 'Look at the profile, the way they write and what they say about themselves.',
    },
    {
      id: 'child_recipient',
      question: 'Is the person contacted under 16, or does the sender think so?',
      guidance: 'What the sender believes is enough: an adult posing as a child still counts.',
    },
    {
      id: 'sexual_aim',
      question:
        'Are the messages sexual, or aimed at sexual talk, pictures or a meeting with the child?',
      guidance: 'Flattery, secrecy, gifts and moving to a private app are common signs.',
    },
  ),
  'illegal.csea.image_csam': illegal(
    {
      id: 'child_shown',
      question: 'Is the person shown, or do they look like, a child under 18?',
      guidance: 'Use hash matches and surrounding text before opening the media.',
    },
    {
      id: 'indecent',
      question: 'Is the picture or video indecent: sexual, or showing private parts sexually?',
      guidance: 'Judge by recognised standards of propriety.',
    },
    {
      id: 'made_images',
      question: 'If it is drawn or computer-made, does it look like a photo or is it sexual?',
      guidance: 'Pseudo-photographs and prohibited images of children are offences too.',
    },
  ),
  'illegal.csea.csam_url': illegal(
    {
      id: 'leads_to_csam',
      question: 'Does the link lead to child sexual abuse pictures or videos?',
      guidance: 'Check against the IWF URL list; do not visit the link yourself.',
    },
    {
      id: 'shared_to_reach',
      question: 'Is it shared so others can reach the material, not to report it?',
      guidance: 'A user asking where to report a link is not sharing it.',
    },
  ),
  'illegal.hate': illegal(
    {
      id: 'protected_trait',
      question: 'Does it target people for their race, religion, sexual orientation or similar?',
      guidance: 'Race includes colour, nationality and ethnic or national origin.',
    },
    {
      id: 'threatening_abusive',
      question: 'Is it threatening or abusive, not just rude, offensive or critical?',
      guidance: 'Criticism of a religion or belief alone is protected speech.',
    },
    {
      id: 'stir_up',
      question: 'Was it meant, or likely, to stir up hatred, or to scare or distress someone?',
      guidance: 'Consider the audience, the reach and the words used.',
    },
  ),
  'illegal.harassment': illegal(
    {
      id: 'real_person',
      question: 'Is it aimed at a real, identifiable person?',
      guidance: 'Named, tagged or clearly described people count.',
    },
    {
      id: 'threat_or_pattern',
      question: 'Does it threaten them, or form part of a pattern of harassing or stalking them?',
      guidance: 'Harassment needs at least two occasions; look at the user’s earlier content.',
    },
    {
      id: 'fear_distress',
      question: 'Would a reasonable person feel afraid, alarmed or distressed?',
      guidance: 'Judge from the target’s point of view, in context.',
    },
  ),
  'illegal.harassment.threat_to_life': illegal(
    {
      id: 'threat',
      question: 'Does it threaten to kill a real person or to cause them serious harm?',
      guidance: 'The threat can be to the person reading it or to someone else.',
    },
    {
      id: 'taken_seriously',
      question: 'Was it intended, or likely, to be taken seriously?',
      guidance:
        'The sender need not mean to carry it out; meaning the target to fear it is enough.',
    },
    {
      id: 'not_joke',
      question: 'In context, is it more than an obvious joke or figure of speech?',
      guidance: '“I could kill you” between friends about a spoiler is not a threat.',
    },
  ),
  'illegal.coercive_control': illegal(
    {
      id: 'connected',
      question: 'Are the two people partners, former partners or family?',
      guidance: 'Look for references to living together or a relationship.',
    },
    {
      id: 'repeated',
      question: 'Is the behaviour repeated and controlling or coercive?',
      guidance: 'Monitoring, threats, humiliation, isolating or controlling money.',
    },
    {
      id: 'serious_effect',
      question: 'Does it seriously affect the victim, such as fear of violence or great distress?',
      guidance: 'What the victim says about its effect is strong evidence.',
    },
  ),
  'illegal.intimate_image_abuse': illegal(
    {
      id: 'intimate',
      question: 'Does it show, or seem to show, a real adult nude, partly nude or sexual?',
      guidance: 'Deepfakes and altered images count.',
    },
    {
      id: 'no_consent',
      question: 'Was it shared, or threatened to be shared, without that person agreeing?',
      guidance: 'A report by the person shown is strong evidence of no consent.',
    },
    {
      id: 'adult',
      question: 'Is the person shown an adult (18 or over)?',
      guidance: 'If under 18, decide under child sexual abuse instead; when unsure, escalate.',
    },
  ),
  'illegal.extreme_pornography': illegal(
    {
      id: 'pornographic',
      question: 'Is it pornographic: made mainly for sexual arousal?',
      guidance: 'Judge the image as a whole and its setting.',
    },
    {
      id: 'extreme_act',
      question:
        'Does it realistically show a threat to life, serious injury, rape, or sex with animals or the dead?',
      guidance: 'Realistic means a reasonable viewer would think it real.',
    },
    {
      id: 'obscene',
      question: 'Is it grossly offensive, disgusting or otherwise obscene?',
      guidance: 'Staged content between consenting adults may still qualify.',
    },
  ),
  'illegal.sexual_exploitation': illegal(
    {
      id: 'selling_sex',
      question: 'Does it cause, invite or control another adult selling sex?',
      guidance: 'Adverts offering someone else’s services are a sign.',
    },
    {
      id: 'gain_or_force',
      question: 'Does someone other than that adult gain, or is the adult forced or threatened?',
      guidance: 'A third party taking payment or setting terms suggests control.',
    },
  ),
  'illegal.human_trafficking': illegal(
    {
      id: 'movement',
      question: 'Does it recruit, move, house or hand over a person, or help someone do so?',
      guidance: 'Job offers abroad with travel paid and documents held are common signs.',
    },
    {
      id: 'exploitation',
      question: 'Is the aim that the person will be exploited, such as forced work or sex?',
      guidance: 'Whether the person agreed does not matter.',
    },
  ),
  'illegal.unlawful_immigration': illegal(
    {
      id: 'assists_entry',
      question: 'Does it help, or offer to help, someone enter or stay in the UK against the law?',
      guidance: 'Offers of small-boat crossings or forged documents.',
    },
    {
      id: 'knows_unlawful',
      question: 'Does the helper know, or have reason to think, the entry is unlawful?',
      guidance: 'Humanitarian advice on claiming asylum is not an offence.',
    },
  ),
  'illegal.fraud': illegal(
    {
      id: 'false_or_unauthorised',
      question:
        'Does it make a false claim, pretend to be someone, or offer finance without permission?',
      guidance: 'Check the FCA register for financial promotions.',
    },
    {
      id: 'gain_or_loss',
      question: 'Does it aim to get money, property or details, or to cause someone a loss?',
      guidance: 'Phishing links and fake investment returns are typical.',
    },
    {
      id: 'dishonest',
      question: 'Is it dishonest by the standards of ordinary decent people?',
      guidance: 'Honest mistakes and unfulfilled genuine offers are not fraud.',
    },
  ),
  'illegal.proceeds_of_crime': illegal(
    {
      id: 'criminal_property',
      question: 'Does it deal with money or property from crime, or offer to?',
      guidance: 'Recruiting “money mules” is a common example.',
    },
    {
      id: 'knows_suspects',
      question: 'Does the user know or suspect that it came from crime?',
      guidance: 'Offers of easy money for using your bank account suggest suspicion.',
    },
  ),
  'illegal.drugs': illegal(
    {
      id: 'supply',
      question:
        'Does it offer to supply, or help supply, a controlled drug or psychoactive substance?',
      guidance: 'Menus, prices and contact details suggest a real offer.',
    },
    {
      id: 'real_offer',
      question: 'Is it a real offer, not discussion, news or harm-reduction advice?',
      guidance: 'Talking about drugs is not supplying them.',
    },
  ),
  'illegal.weapons': illegal(
    {
      id: 'supply',
      question: 'Does it offer to sell, give, make or supply a gun, knife or other weapon?',
      guidance: 'Includes 3D-printing files and instructions for firearms.',
    },
    {
      id: 'unlawful',
      question: 'Would the supply break UK law: no licence, a banned weapon, or a buyer under 18?',
      guidance: 'Legal sales by licensed dealers to adults are not offences.',
    },
  ),
  'illegal.suicide_self_harm': illegal(
    {
      id: 'encourages',
      question: 'Does it encourage or help someone to end their life or seriously harm themselves?',
      guidance: 'Methods, pacts and urging count; the act need not happen.',
    },
    {
      id: 'intended',
      question: 'Did the user mean it to encourage or help?',
      guidance: 'Consider who it is addressed to and what they were told.',
    },
    {
      id: 'not_own_experience',
      question:
        'Is it more than someone sharing their own feelings, recovery, or offering support?',
      guidance: 'Support and lived experience are not offences; offer help resources.',
    },
  ),
  'illegal.foreign_interference': illegal(
    {
      id: 'foreign_state',
      question: 'Is it done for, or with help from, a foreign state?',
      guidance: 'Look for links to state media, coordinated accounts or state funding.',
    },
    {
      id: 'deception',
      question: 'Does it use deception, such as hiding who is behind it?',
      guidance: 'Fake personas and undisclosed state backing.',
    },
    {
      id: 'uk_aim',
      question: 'Does it aim to sway UK politics, public decisions or people’s rights?',
      guidance: 'Elections, referendums and public debate are typical targets.',
    },
  ),
  'illegal.animal_cruelty': illegal(
    {
      id: 'suffering',
      question: 'Is an animal, or would an animal be, made to suffer for no good reason?',
      guidance: 'Lawful farming, pest control and veterinary care are not cruelty.',
    },
    {
      id: 'encourages',
      question:
        'Does the content encourage or help that cruelty, rather than report or condemn it?',
      guidance: 'Awareness campaigns are not offences.',
    },
  ),
  'illegal.cyberflashing': illegal(
    {
      id: 'genitals',
      question: 'Is it a picture or video of someone’s genitals, sent to another person?',
      guidance: 'Real or fake images of genitals count.',
    },
    {
      id: 'purpose',
      question:
        'Did the sender mean to alarm, distress or humiliate, or seek sexual gratification not caring about that?',
      guidance: 'Unsolicited sending to a stranger suggests it.',
    },
  ),
  other_illegal: illegal(
    {
      id: 'crime',
      question: 'Is the content itself, or sharing it, a crime under UK law?',
      guidance: 'Name the offence in the decision ground.',
    },
    {
      id: 'victim',
      question: 'Is the victim, or intended victim, a person?',
      guidance: 'Offences against companies or the state alone are not covered.',
    },
    {
      id: 'not_excluded',
      question: 'Is it more than copyright, product safety or consumer law?',
      guidance: 'Those are excluded from the OSA’s illegal content duties.',
    },
  ),
  children_primary: [
    {
      id: 'category',
      question: 'Which kind of content harmful to children is it (OSA s.61)?',
      guidance: 'Pornography, suicide, self-injury or eating disorders.',
    },
    {
      id: 'child_access',
      question: 'Can children reach it where it is posted?',
      guidance: 'Age-restrict rather than remove when adults may see it lawfully.',
    },
    {
      id: 'rule',
      question: 'Which clause of the terms covers it, and which version of the terms applies?',
      guidance: 'Give both in the decision ground.',
    },
  ],
  children_priority: [
    {
      id: 'category',
      question: 'Which kind of priority content harmful to children is it (OSA s.62)?',
      guidance: 'Abuse or hatred, violence, bullying, dangerous stunts or harmful substances.',
    },
    {
      id: 'child_access',
      question: 'Can children reach it where it is posted?',
      guidance: 'Age-restrict rather than remove when adults may see it lawfully.',
    },
    {
      id: 'rule',
      question: 'Which clause of the terms covers it, and which version of the terms applies?',
      guidance: 'Give both in the decision ground.',
    },
  ],
  terms: [
    {
      id: 'clause',
      question: 'Which clause of the terms of service does the content break?',
      guidance: 'Quote or name the clause in the decision ground.',
    },
    {
      id: 'version',
      question: 'Which version of the terms applied when it was posted?',
      guidance: 'The statement of reasons must name it (DSA Art. 17(3)(e)).',
    },
    {
      id: 'breach',
      question: 'Does the content clearly fall within the clause as written?',
      guidance: 'When unsure, read the clause narrowly and consider a lighter action.',
    },
  ],
}
