import type { ContentInput } from '../src/core/subject.js'

let counter = 0

export function contentInput(overrides: Partial<ContentInput> = {}): Record<string, unknown> {
  counter += 1
  return {
    id: `post-${counter}-${crypto.randomUUID().slice(0, 8)}`,
    kind: 'text',
    surface: 'public',
    author: { id: 'user-42' },
    text: 'What a lovely afternoon at the park',
    ...overrides,
  }
}

export function reportInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1
  return {
    subject: {
      id: `post-r${counter}`,
      kind: 'text',
      text: 'I know where you live and I will hurt you',
    },
    harm: 'illegal.harassment.threat_to_life',
    explanation: 'This message threatens to kill me.',
    contentUrls: [`https://forum.example/posts/r${counter}`],
    reporter: { kind: 'user', id: 'user-7', email: 'victim@example.org' },
    goodFaith: true,
    ...overrides,
  }
}

export function decisionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    harm: 'illegal.harassment.threat_to_life',
    ground: {
      type: 'illegal',
      offence: 'Offences Against the Person Act 1861 s.16 (threats to kill)',
    },
    actions: [{ type: 'remove' }],
    statement: 'The post threatens to kill a named person. We removed it.',
    automatedDetection: false,
    automatedDecision: 'not',
    ...overrides,
  }
}
