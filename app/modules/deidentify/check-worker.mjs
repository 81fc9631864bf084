// Entry of a de-identification worker thread. Workers do not inherit the TypeScript loader the app runs under
// (tsx, vite-node), so this plain module registers tsx for the thread and then loads the real worker.
import { tsImport } from 'tsx/esm/api'

await tsImport('./check-worker.ts', import.meta.url)
