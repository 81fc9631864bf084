import { Form } from '@remix-run/react'

/** Opens a notification through /notifications so it is marked read on the way to its page. */
export function NotificationLink({ id, title, unread }: { id: string; title: string; unread: boolean }) {
  return (
    <Form method="post" action="/notifications" className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="intent" value="open" className="link-button">
        {unread ? <span className="badge badge--primary">未読</span> : null} {title}
      </button>
    </Form>
  )
}
