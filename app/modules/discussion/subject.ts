/**
 * What a discussion hangs off. Cases now; issue 7 adds { kind: 'practice' } with a practiceId column on each
 * discussion table and one more branch in each function here. Nothing else in the module knows the kinds.
 */
export type DiscussionSubject = { kind: 'case'; id: string }

/** The column that ties a comment, reaction, bookmark or follow to its subject. */
export function subjectColumn(subject: DiscussionSubject): { caseId: string } {
  switch (subject.kind) {
    case 'case':
      return { caseId: subject.id }
  }
}

export function subjectPath(subject: DiscussionSubject): string {
  switch (subject.kind) {
    case 'case':
      return `/cases/${subject.id}`
  }
}

export function subjectNoun(subject: DiscussionSubject): string {
  switch (subject.kind) {
    case 'case':
      return '事例'
  }
}
