/** The searchable types of the app. Crisis consultations are never here: they are not in the shared index. */
import { caseSource } from './case.server.ts'
import { commentSource } from './comment.server.ts'
import { practiceSource } from './practice.server.ts'
import { type DocumentSource } from './registry.server.ts'

export const BUILT_IN_SOURCES: DocumentSource[] = [caseSource, practiceSource, commentSource]
