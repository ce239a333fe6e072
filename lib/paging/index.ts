/**
 * Keyset (cursor) paging shared by the portal's lists: a cursor is the sort key of a row boundary, opaque to
 * the browser (base64url JSON). Pages read `limit + 1` rows after (or before) the cursor along an index, so
 * page 500 costs what page 1 costs.
 */
export type SortDir = 'asc' | 'desc';

/** The values of a row's sort key (e.g. `[created_at text, id]`), encoded for the URL. */
export function encodeCursor(key: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A cursor back to its key; null when it is not one of ours (a hand-edited URL starts from the top). */
export function decodeCursor(cursor: string | undefined | null, length: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== length) return null;
    if (!key.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return null;
    return key as (string | number | null)[];
  } catch {
    return null;
  }
}

export interface Page<T> {
  rows: T[];
  /** cursor of the next page (after the last row), null on the last page */
  next: string | null;
  /** cursor of the previous page (before the first row), null on the first page */
  prev: string | null;
}

/**
 * Turns `limit + 1` rows read in page order into a page. `backward`: the rows were read reversed (the page
 * before a cursor) and are put back in order here. `hadCursor`: the page did not start at the top.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[], opts: { backward: boolean; hadCursor: boolean }): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  if (opts.backward) slice.reverse();
  const first = slice[0];
  const last = slice[slice.length - 1];
  const hasNext = opts.backward ? opts.hadCursor : more;
  const hasPrev = opts.backward ? more : opts.hadCursor;
  return {
    rows: slice,
    next: hasNext && last ? encodeCursor(keyOf(last)) : null,
    prev: hasPrev && first ? encodeCursor(keyOf(first)) : null,
  };
}
