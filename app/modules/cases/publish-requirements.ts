import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import type { CaseInput } from './schemas.ts'

type PublishInput = Pick<CaseInput, 'chronology' | 'analysis' | 'countermeasuresText' | 'lessons' | 'factors' | 'countermeasures'>

/**
 * What a published case must contain (drafts may be incomplete): the chronology, and what others learn from it,
 * i.e. the contributing factors, the countermeasures and the lessons (issue 17). Factors and countermeasures
 * count whether written as rows or as text; each message names the field it stands beside.
 */
export function missingForPublishing(input: PublishInput): Record<string, string> {
  const hasText = (doc: RichTextDoc) => richTextToPlainText(doc).trim().length > 0
  const missing: Record<string, string> = {}
  if (!hasText(input.chronology)) missing.chronology = '公開するには経過・時系列を入力してください'
  if (!input.factors.length && !hasText(input.analysis)) missing.analysis = '公開するには要因（要因分析の文章、または「要因を追加」で1件以上）を入力してください'
  if (!input.countermeasures.length && !hasText(input.countermeasuresText)) missing.countermeasuresText = '公開するには対策（対策の文章、または「対策を追加」で1件以上）を入力してください'
  if (!hasText(input.lessons)) missing.lessons = '公開するには教訓を入力してください'
  return missing
}

