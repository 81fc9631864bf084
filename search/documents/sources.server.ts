/** The searchable types of the app. Crisis consultations are never here: they are not in the shared index. */
import { type DocumentSource } from './registry.server.ts'

export const BUILT_IN_SOURCES: DocumentSource[] = []
