import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import type { Actor } from '@/lib/authz';
import { decodeCursor, toPage, type Page } from '@/lib/paging';
import { actionsMatching, auditActionLabel, type ActionLabeler } from './actions';
import type { AuditFilter, AuditQuery } from './schemas';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  /** ISO 8601, microseconds, UTC (also the cursor's key) */
  at: string;
  action: string;
  actionLabel: string;
  outcome: string;
  actor: { kind: 'person' | 'connector' | 'system'; name: string; email: string | null; id: string | null; viaConnector: string | null };
  target: { type: string | null; id: string | null; name: string | null };
  ip: string | null;
  details: Record<string, unknown> | null;
}

interface RawRow extends Record<string, unknown> {
  id: string;
  ts: string;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  metadata: Record<string, unknown> | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  actor_connector_id: string | null;
  actor_connector_name: string | null;
  target_name: string | null;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Who sees what: org admins the whole organization, everyone else their own actions. */
function scope(actor: Actor): SQL {
  return actor.isOrgAdmin ? sql`a.tenant_id = ${actor.tenantId}` : sql`a.tenant_id = ${actor.tenantId} AND a.actor_user_id = ${actor.id}`;
}

/** Ids of the organization's connectors and groups whose name contains `pattern`. */
function namedTargets(tenantId: string, pattern: string): SQL {
  return sql`(SELECT id::text FROM connectors WHERE tenant_id = ${tenantId} AND name ILIKE ${pattern}
    UNION ALL SELECT id::text FROM groups WHERE tenant_id = ${tenantId} AND name ILIKE ${pattern})`;
}

function filters(actor: Actor, f: AuditFilter, label?: ActionLabeler): SQL[] {
  const where: SQL[] = [scope(actor)];
  if (f.action) where.push(sql`a.action = ${f.action}`);
  if (f.from) where.push(sql`a.created_at >= ${`${f.from}T00:00:00Z`}::timestamptz`);
  if (f.to) where.push(sql`a.created_at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  if (f.actor) {
    const p = like(f.actor);
    where.push(sql`(u.name ILIKE ${p} OR u.email ILIKE ${p} OR c.name ILIKE ${p})`);
  }
  if (f.target) {
    const p = like(f.target);
    where.push(sql`(a.target_id = ${f.target} OR a.target_id IN ${namedTargets(actor.tenantId, p)})`);
  }
  if (f.q) {
    const p = like(f.q);
    const actions = actionsMatching(f.q, label);
    const byAction = actions.length
      ? sql`a.action IN (${sql.join(
          actions.map((x) => sql`${x}`),
          sql`, `,
        )}) OR `
      : sql``;
    where.push(
      sql`(${byAction}a.target_id ILIKE ${p} OR a.ip ILIKE ${p} OR a.metadata::text ILIKE ${p} OR u.name ILIKE ${p} OR u.email ILIKE ${p} OR c.name ILIKE ${p}
        OR a.target_id IN ${namedTargets(actor.tenantId, p)})`,
    );
  }
  return where;
}

const SELECT = sql`SELECT a.id, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts, a.action, a.outcome,
    a.target_type, a.target_id, a.ip, a.metadata, a.actor_user_id, u.name AS actor_name, u.email AS actor_email,
    a.actor_connector_id, c.name AS actor_connector_name,
    CASE WHEN a.target_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
      CASE a.target_type
        WHEN 'connector' THEN (SELECT t.name FROM connectors t WHERE t.id = a.target_id::uuid AND t.tenant_id = a.tenant_id)
        WHEN 'group' THEN (SELECT t.name FROM groups t WHERE t.id = a.target_id::uuid)
        WHEN 'user' THEN (SELECT coalesce(t.name, t.email) FROM users t WHERE t.id = a.target_id::uuid)
      END
    END AS target_name
  FROM audit_events a
  LEFT JOIN users u ON u.id = a.actor_user_id
  LEFT JOIN connectors c ON c.id = a.actor_connector_id`;

/**
 * One page of rows in `dir` order, strictly after `key` (created_at, id) when given. Along the
 * (tenant_id | actor_user_id | action | target_id, created_at, id) indexes.
 */
async function readRows(
  actor: Actor,
  f: AuditFilter,
  dir: 'asc' | 'desc',
  key: (string | number | null)[] | null,
  limit: number,
  label?: ActionLabeler,
): Promise<RawRow[]> {
  const where = filters(actor, f, label);
  if (key) {
    const [ts, id] = key as [string, string];
    where.push(dir === 'desc' ? sql`(a.created_at, a.id) < (${ts}::timestamptz, ${id}::uuid)` : sql`(a.created_at, a.id) > (${ts}::timestamptz, ${id}::uuid)`);
  }
  const order = dir === 'desc' ? sql`a.created_at DESC, a.id DESC` : sql`a.created_at ASC, a.id ASC`;
  const res = await db.execute<RawRow>(sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${order} LIMIT ${limit}`);
  return res.rows;
}

function toRow(r: RawRow): AuditRow {
  const viaConnector = r.actor_connector_id ? (r.actor_connector_name ?? 'A deleted connector') : null;
  const actor: AuditRow['actor'] = r.actor_user_id
    ? { kind: 'person', name: r.actor_name ?? r.actor_email ?? 'A removed user', email: r.actor_email, id: r.actor_user_id, viaConnector }
    : r.actor_connector_id
      ? { kind: 'connector', name: viaConnector!, email: null, id: r.actor_connector_id, viaConnector: null }
      : { kind: 'system', name: 'Unauthenticated caller', email: null, id: null, viaConnector: null };
  return {
    id: r.id,
    at: r.ts,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    outcome: r.outcome,
    actor,
    target: { type: r.target_type, id: r.target_id, name: r.target_name },
    ip: r.ip,
    details: r.metadata,
  };
}

/**
 * The audit log page: filtered, sorted by time, keyset-paged (`after` / `before` cursors). `label`: the reader's
 * action labels, which the free-text search matches too.
 */
export async function listAuditEvents(actor: Actor, q: AuditQuery, label?: ActionLabeler, limit = AUDIT_PAGE_SIZE): Promise<Page<AuditRow>> {
  const forward: 'asc' | 'desc' = q.sort === 'newest' ? 'desc' : 'asc';
  const beforeKey = q.before ? decodeCursor(q.before, 2) : null;
  const afterKey = beforeKey ? null : decodeCursor(q.after, 2);
  const backward = beforeKey !== null;
  const dir = backward ? (forward === 'desc' ? 'asc' : 'desc') : forward;
  const raw = await readRows(actor, q, dir, beforeKey ?? afterKey, limit + 1, label);
  return toPage(raw.map(toRow), limit, (r) => [r.at, r.id], { backward, hadCursor: (beforeKey ?? afterKey) !== null });
}

/** Every row of the filtered set, in batches along the same index (for the CSV export). */
export async function* auditEventBatches(actor: Actor, f: AuditFilter, label?: ActionLabeler, batch = 1000): AsyncGenerator<AuditRow[]> {
  const dir = f.sort === 'newest' ? 'desc' : 'asc';
  let key: [string, string] | null = null;
  for (;;) {
    const raw = await readRows(actor, f, dir, key, batch, label);
    if (raw.length === 0) return;
    yield raw.map(toRow);
    if (raw.length < batch) return;
    const last = raw[raw.length - 1]!;
    key = [last.ts, last.id];
  }
}
