/**
 * Rows in batches, ordered by id (keyset pagination: stable while rows change underneath, memory flat however
 * many rows there are). `page(after, take)` loads the next `take` rows with an id greater than `after`.
 */
export async function* inBatches<T extends { id: string }>(batchSize: number, page: (after: string | undefined, take: number) => Promise<T[]>): AsyncIterable<T[]> {
  let after: string | undefined
  for (;;) {
    const rows = await page(after, batchSize)
    if (rows.length) yield rows
    if (rows.length < batchSize) return
    after = rows[rows.length - 1]!.id
  }
}
