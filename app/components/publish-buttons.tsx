/**
 * The submit row of a publishable write-up (cases, practices): publish or update, back to draft, and deleting a
 * draft that was never published. The action reads `intent`.
 */
export function PublishButtons({ published, canDeleteDraft, busy }: { published: boolean; canDeleteDraft: boolean; busy: boolean }) {
  return (
    <div className="row">
      <button type="submit" name="intent" value="publish" className="button button--primary" disabled={busy}>
        {published ? '更新する' : '公開する'}
      </button>
      <button type="submit" name="intent" value="draft" className="button" disabled={busy}>
        {published ? '非公開にして下書きに戻す' : '下書き保存'}
      </button>
      {canDeleteDraft ? (
        <button type="submit" name="intent" value="delete-draft" formNoValidate className="button button--danger" disabled={busy}>
          下書きを削除
        </button>
      ) : null}
    </div>
  )
}
