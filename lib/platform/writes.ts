import 'server-only';
import { db, getPool, type DbOrTx } from '@/db';
import { recordAudit, type AuditAction } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { lockGroup } from '@/lib/groups';
import { enforceRateLimit, RATE_LIMIT_COLUMNS, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { ACTOR_NAME, CALLER_PHONE, CALLER_ROLE, reachCtes, reachValues } from './reach';

/**
 * Platform API writes (kaizala-connectors.md §5.1–§5.4). First ONE gate statement, committed on its own
 * (so a refused call still counts toward the budgets): the call is counted, the token must still hold,
 * the target group must be in its reach, and the caller's role there is read. Then the change runs in
 * one transaction with the group's row locked, and is audited with the connector as the actor.
 */
interface GateRow extends RateRow {
  live: boolean;
  id: string | null;
  tenant_id: string | null;
  group_type: 'Group' | 'ConnectGroup' | null;
  name: string | null;
  caller_role: string | null;
  caller_phone: string | null;
  actor_name: string | null;
  also_admin_of: string[];
}

const gates = new Map<string, string>();
function gateSql(kind: AccessClaims['kind']): string {
  let s = gates.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)}
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live,
    g.id, g.tenant_id, g.group_type, g.name, ${CALLER_ROLE[kind]('g.id')} AS caller_role, ${CALLER_PHONE[kind]} AS caller_phone, ${ACTOR_NAME[kind]('g.id')} AS actor_name,
    ARRAY(SELECT o.id FROM groups o WHERE o.id = ANY($9::uuid[]) AND o.tenant_id = $2::uuid AND o.id IN (SELECT id FROM reach)
      AND ${CALLER_ROLE[kind]('o.id')} = 'Admin') AS also_admin_of
  FROM (SELECT 1) AS one
  LEFT JOIN groups g ON g.id = $7::uuid AND g.tenant_id = $2::uuid AND g.id IN (SELECT id FROM reach)`;
    gates.set(kind, s);
  }
  return s;
}

export interface WriteContext {
  claims: AccessClaims;
  tenantId: string;
  /** the target group (null for POST /groups without a group in the path) */
  group: { id: string; name: string; groupType: 'Group' | 'ConnectGroup' } | null;
  /** the phone number the token acts for (none for a group token) */
  callerPhone: string | null;
  /** the token's role in the group: 'Admin' for group, tenant and admin-user tokens, the number's own role for member tokens */
  callerRole: string | null;
  /** the ids of `alsoAdminOf` the token reaches with an admin's rights */
  alsoAdminOf: Set<string>;
  /** who made the change, for the event envelope's fromUser (platform_events): the token's number, user and name */
  fromUser: { phone: string | null; name: string | null; id: string | null };
  audit: (tx: DbOrTx, action: AuditAction, targetId: string, metadata?: Record<string, unknown>, targetType?: string) => Promise<void>;
}

export interface WriteOptions {
  /** the group the call acts on; null: none (creating a top-level group) */
  groupId: string | null;
  /** only admins of the group (and group/tenant/admin tokens) may make this change */
  admin: boolean;
  ip: string | null;
  /** other groups the change touches (sub-groups to link): which of them the token administers, read in the same gate */
  alsoAdminOf?: string[];
  /** runs after the gate, before the transaction (slow checks that must not hold a lock: a webhook's handshake) */
  prepare?: (ctx: WriteContext) => Promise<void>;
}

export async function platformWrite<T>(claims: AccessClaims, opts: WriteOptions, change: (tx: DbOrTx, ctx: WriteContext) => Promise<T>) {
  const { rows } = await getPool().query<GateRow>({
    name: `platform_gate_v3_${claims.kind}`,
    text: gateSql(claims.kind),
    values: [...reachValues(claims, opts.groupId), (opts.alsoAdminOf ?? []).filter(isUuid)],
  });
  const gate = rows[0]!;
  const headers = enforceRateLimit(gate, claims);
  if (!gate.live) throw new DomainError('TokenRevoked');
  if (opts.groupId && !gate.id) throw new DomainError('GroupNotReachable', { headers });
  if (opts.groupId && opts.admin && gate.caller_role !== 'Admin') throw new DomainError('NotGroupAdmin', { headers });

  const ctx: WriteContext = {
    claims,
    tenantId: claims.tid,
    group: gate.id ? { id: gate.id, name: gate.name!, groupType: gate.group_type! } : null,
    callerPhone: gate.caller_phone,
    callerRole: gate.caller_role,
    alsoAdminOf: new Set(gate.also_admin_of),
    fromUser: { phone: gate.caller_phone, name: gate.actor_name, id: claims.uid ?? null },
    audit: (tx, action, targetId, metadata, targetType = 'group') =>
      recordAudit(tx, {
        tenantId: claims.tid,
        actorUserId: claims.uid ?? null,
        actorConnectorId: claims.cid,
        action,
        targetType,
        targetId,
        ip: opts.ip,
        metadata: { via: 'api', ...(claims.phn ? { phone: claims.phn } : {}), ...metadata },
      }),
  };
  if (opts.prepare) await opts.prepare(ctx);
  const result = await db.transaction(async (tx) => {
    if (opts.groupId && !(await lockGroup(tx, opts.groupId))) throw new DomainError('GroupNotReachable');
    return change(tx, ctx);
  });
  return { result, headers };
}
