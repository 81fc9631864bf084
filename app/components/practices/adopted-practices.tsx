import { Link } from '@remix-run/react'
import { formatDate } from '#app/lib/format.ts'
import { ADOPTION_STATUS_TONES, ADOPTION_STATUSES, type AdoptionStatusCode } from '#app/modules/practices/labels.ts'

type Item = { id: string; status: AdoptionStatusCode; updatedAt: string | Date; practice: { id: string; title: string } }

/** /home: 「自院で導入したプラクティス」 — what the member's hospital recorded, newest change first. */
export function AdoptedPractices({ items, hasHospital }: { items: Item[]; hasHospital: boolean }) {
  if (!hasHospital) return null
  return (
    <section className="card" aria-labelledby="adopted-practices-title" style={{ marginBottom: '1.5rem' }}>
      <h2 id="adopted-practices-title">自院で導入したプラクティス</h2>
      {items.length ? (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <span className={ADOPTION_STATUS_TONES[item.status]}>{ADOPTION_STATUSES[item.status]}</span>{' '}
              <Link to={`/practices/${item.practice.id}#adoptions`}>{item.practice.title}</Link>{' '}
              <span className="muted small">{formatDate(item.updatedAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          まだありません。<Link to="/practices?sort=adopted">よく導入されているプラクティス</Link>から、自院で取り入れたものを記録できます。
        </p>
      )}
    </section>
  )
}
