/**
 * What a discussion hangs off: a case (issue 3) or a practice (issue 7), each through its own nullable column on
 * the discussion tables, and one branch per kind in each function here. Nothing else in the module knows the kinds.
 */
export type DiscussionSubject = { kind: 'case'; id: string } | { kind: 'practice'; id: string }

/** The column that ties a comment, reaction, bookmark or follow to its subject. */
export function subjectColumn(subject: DiscussionSubject): { caseId: string } | { practiceId: string } {
  switch (subject.kind) {
    case 'case':
      return { caseId: subject.id }
    case 'practice':
      return { practiceId: subject.id }
  }
}

export function subjectPath(subject: DiscussionSubject): string {
  switch (subject.kind) {
    case 'case':
      return `/cases/${subject.id}`
    case 'practice':
      return `/practices/${subject.id}`
  }
}

export function subjectNoun(subject: DiscussionSubject): string {
  switch (subject.kind) {
    case 'case':
      return '事例'
    case 'practice':
      return 'プラクティス'
  }
}
