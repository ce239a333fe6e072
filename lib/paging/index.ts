/**
 * Keyset (cursor) paging shared by the portal's lists: a cursor is the sort key of a row boundary, opaque to
 * the browser (base64url JSON). Pages read `limit + 1` rows after (or before) the cursor along an index, so
 * page 500 costs what page 1 costs.
 */
import { sql, type SQL } from 'drizzle-orm';

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

/** One column of a list's sort key and the type its cursor value is read back as (`text`, `int`, an enum…). */
export interface KeyPart {
  expr: SQL;
  cast: SQL;
}

export interface Keyset {
  /** the cursor condition (rows after / before the boundary in the page's order), or null at the top */
  where: SQL | null;
  /** `ORDER BY` of the read (reversed when reading the page before a cursor) */
  orderBy: SQL;
  /** the read goes backwards (a `before` cursor): hand it to toPage */
  backward: boolean;
  hadCursor: boolean;
}

/**
 * The keyset read of a page sorted by `parts` (the last part must be unique, e.g. the row's id) in `dir`,
 * after or before a cursor from the URL (a cursor of another length, e.g. from another sort, starts at the top).
 */
export function keyset(parts: KeyPart[], dir: 'asc' | 'desc', cursors: { after?: string; before?: string }): Keyset {
  const beforeKey = cursors.before ? decodeCursor(cursors.before, parts.length) : null;
  const afterKey = beforeKey ? null : decodeCursor(cursors.after, parts.length);
  const backward = beforeKey !== null;
  const asc = (dir === 'asc') !== backward;
  const cursor = beforeKey ?? afterKey;
  const left = sql.join(
    parts.map((p) => p.expr),
    sql`, `,
  );
  const where = cursor
    ? sql`(${left}) ${asc ? sql`>` : sql`<`} (${sql.join(
        parts.map((p, i) => sql`${cursor[i]}::${p.cast}`),
        sql`, `,
      )})`
    : null;
  const order = asc ? sql`ASC` : sql`DESC`;
  return {
    where,
    orderBy: sql.join(
      parts.map((p) => sql`${p.expr} ${order}`),
      sql`, `,
    ),
    backward,
    hadCursor: cursor !== null,
  };
}
