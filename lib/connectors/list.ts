import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import type { Actor } from '@/lib/authz';
import { decodeCursor, toPage, type Page } from '@/lib/paging';
import type { ConnectorSort, ListConnectorsQuery } from './schemas';

export const CONNECTORS_PAGE_SIZE = 50;

export interface ConnectorListItem {
  id: string;
  name: string;
  createdBy: string | null;
  status: 'active' | 'inactive';
  groups: number;
  createdAt: string;
}

const GROUPS = sql`(SELECT count(*) FROM grants g WHERE g.connector_id = c.id AND g.kind = 'group' AND g.revoked_at IS NULL)::int`;

/**
 * Each column's sort key and the type its cursor value is read back as. Name and created walk the indexes
 * `connectors_tenant_name_uq` / `connectors_tenant_created_idx` (owner: `connectors_owner_created_idx`); the
 * others sort the organization's rows (cheap at 10,000).
 */
const SORTS: Record<ConnectorSort, { key: SQL; cast: SQL }> = {
  name: { key: sql`lower(c.name)`, cast: sql`text` },
  created: { key: sql`c.created_at`, cast: sql`timestamptz` },
  status: { key: sql`c.status::text`, cast: sql`text` },
  owner: { key: sql`coalesce(lower(u.name), '')`, cast: sql`text` },
  groups: { key: GROUPS, cast: sql`int` },
};

interface Raw extends Record<string, unknown> {
  id: string;
  name: string;
  created_by: string | null;
  status: 'active' | 'inactive';
  groups: number;
  created_at: string;
  sort_key: string | number;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The Connectors list: "Created by me" / "All Connectors", name search, sorted by a column, keyset-paged. */
export async function listConnectors(actor: Actor, query: ListConnectorsQuery, limit = CONNECTORS_PAGE_SIZE): Promise<Page<ConnectorListItem>> {
  const { key, cast } = SORTS[query.sort];
  const beforeKey = query.before ? decodeCursor(query.before, 2) : null;
  const afterKey = beforeKey ? null : decodeCursor(query.after, 2);
  const backward = beforeKey !== null;
  const asc = (query.dir === 'asc') !== backward;
  const where: SQL[] = [sql`c.tenant_id = ${actor.tenantId}`, sql`c.deleted_at IS NULL`];
  if (query.view === 'mine') where.push(sql`c.owner_id = ${actor.id}`);
  if (query.q) where.push(sql`c.name ILIKE ${like(query.q)}`);
  const cursor = beforeKey ?? afterKey;
  if (cursor) {
    const [v, id] = cursor;
    where.push(asc ? sql`(${key}, c.id) > (${v}::${cast}, ${id}::uuid)` : sql`(${key}, c.id) < (${v}::${cast}, ${id}::uuid)`);
  }
  const order = asc ? sql`ASC` : sql`DESC`;
  const res = await db.execute<Raw>(sql`
    SELECT c.id, c.name, u.name AS created_by, c.status, ${GROUPS} AS groups,
      to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
      ${query.sort === 'created' ? sql`to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : key} AS sort_key
    FROM connectors c LEFT JOIN users u ON u.id = c.owner_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${key} ${order}, c.id ${order}
    LIMIT ${limit + 1}`);
  const page = toPage(res.rows, limit, (r) => [r.sort_key, r.id], { backward, hadCursor: cursor !== null });
  return {
    ...page,
    rows: page.rows.map((r) => ({ id: r.id, name: r.name, createdBy: r.created_by, status: r.status, groups: r.groups, createdAt: r.created_at })),
  };
}
