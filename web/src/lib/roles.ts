const ROLE_LABELS: Record<string, string> = {
  admin: 'Admin',
  moderator: 'Moderator',
  triage: 'Triage',
  child_safety: 'Child safety',
  appeals_reviewer: 'Appeals reviewer',
  law_enforcement_liaison: 'Law enforcement liaison',
  auditor: 'Auditor (read-only)',
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role
}
