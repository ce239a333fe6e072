import 'server-only';
import { db, getPool } from '@/db';
import { recordAudit } from '@/lib/audit';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { firstThisMinute } from '@/lib/ratelimit';
import { describeWait, PIN_RULES, waitParts, sendBudget, type BudgetTally, type SendDecision } from './pin-rules';
import type { PinActor, PinPurpose } from './types';

/**
 * PIN send budgets (product.md §7, quality-targets.md C2): per number and requester, per number, per IP,
 * per tenant and global, all checked and the send recorded atomically.
 */
/** Budgets, overridable for deployments (and the tests) by environment. */
function limits() {
  const c = config();
  return {
    requester: c.PIN_SENDS_PER_NUMBER,
    number: c.PIN_SENDS_PER_NUMBER_TOTAL,
    ip: c.PIN_SENDS_PER_IP,
    tenant: c.PIN_SENDS_PER_TENANT,
    global: c.PIN_SENDS_GLOBAL,
  };
}

/** Addresses whose per-IP budgets do not apply (IP_BUDGET_ALLOWLIST, e.g. a trusted gateway's egress); other budgets still do. */
const ipAllowlist = () => new Set(config().IP_BUDGET_ALLOWLIST);

/**
 * Every budget in one statement, read while holding the send lock. For each: the sends in the window and
 * the time of the limit-th newest (when it frees up). $1 number, $2 connector, $3 user, $4 ip, $5 tenant,
 * $6..$10 the limits (requester, number, ip, tenant, global), $11 window in ms.
 */
const TALLY_SQL = `SELECT
    count(*) FILTER (WHERE e164 = $1 AND connector_id IS NOT DISTINCT FROM $2::uuid AND user_id IS NOT DISTINCT FROM $3::uuid)::int AS n_requester,
    (array_agg(created_at ORDER BY created_at DESC) FILTER (WHERE e164 = $1 AND connector_id IS NOT DISTINCT FROM $2::uuid AND user_id IS NOT DISTINCT FROM $3::uuid))[$6::int] AS t_requester,
    count(*) FILTER (WHERE e164 = $1)::int AS n_number,
    (array_agg(created_at ORDER BY created_at DESC) FILTER (WHERE e164 = $1))[$7::int] AS t_number,
    count(*) FILTER (WHERE requester_ip = $4::text)::int AS n_ip,
    (array_agg(created_at ORDER BY created_at DESC) FILTER (WHERE requester_ip = $4::text))[$8::int] AS t_ip,
    count(*) FILTER (WHERE tenant_id = $5::uuid)::int AS n_tenant,
    (array_agg(created_at ORDER BY created_at DESC) FILTER (WHERE tenant_id = $5::uuid))[$9::int] AS t_tenant,
    count(*)::int AS n_global,
    (array_agg(created_at ORDER BY created_at DESC))[$10::int] AS t_global
  FROM pin_challenges WHERE created_at > now() - ($11::int * interval '1 millisecond')`;

interface TallyRow {
  n_requester: number;
  t_requester: Date | null;
  n_number: number;
  t_number: Date | null;
  n_ip: number;
  t_ip: Date | null;
  n_tenant: number;
  t_tenant: Date | null;
  n_global: number;
  t_global: Date | null;
}

/** One lock for every PIN send: budgets are checked and the send recorded while holding it (never count-then-insert). */
const SEND_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('connector-portal:pin-send-budgets'))`;

/**
 * Check every budget and record the send, atomically: under one transaction-scoped advisory lock, so 50
 * parallel requests cannot all read "4 sent" and all send. The SMS itself goes out after the commit; a
 * carrier failure deletes the row again (it then does not count).
 */
export async function reserveSend(e164: string, purpose: PinPurpose, actor: PinActor, challengeId: string, codeHash: string) {
  const l = limits();
  const ip = actor.ip && !ipAllowlist().has(actor.ip) ? actor.ip : null;
  const client = await getPool().connect();
  let decision: SendDecision;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + PIN_RULES.ttlMs);
  try {
    await client.query('BEGIN');
    await client.query(SEND_LOCK_SQL);
    const { rows } = await client.query<TallyRow>(TALLY_SQL, [
      e164,
      actor.connectorId ?? null,
      actor.userId,
      ip,
      actor.tenantId,
      l.requester,
      l.number,
      l.ip,
      l.tenant,
      l.global,
      PIN_RULES.sendWindowMs,
    ]);
    const t = rows[0]!;
    const tallies: BudgetTally[] = [
      { reason: 'requester', limit: l.requester, count: t.n_requester, limitThNewest: t.t_requester },
      { reason: 'number', limit: l.number, count: t.n_number, limitThNewest: t.t_number },
      ...(ip ? [{ reason: 'ip' as const, limit: l.ip, count: t.n_ip, limitThNewest: t.t_ip }] : []),
      ...(actor.tenantId ? [{ reason: 'tenant' as const, limit: l.tenant, count: t.n_tenant, limitThNewest: t.t_tenant }] : []),
      { reason: 'global', limit: l.global, count: t.n_global, limitThNewest: t.t_global },
    ];
    decision = sendBudget(tallies, now);
    if (decision.allowed) {
      await client.query(
        `INSERT INTO pin_challenges (id, user_id, tenant_id, connector_id, e164, purpose, code_hash, expires_at, requester_ip, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
        [challengeId, actor.userId, actor.tenantId, actor.connectorId ?? null, e164, purpose, codeHash, expiresAt, actor.ip],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }

  if (!decision.allowed) {
    // sampled: the first refusal per budget and subject in a minute, with the running count, so a flood
    // of refused sends writes a row a minute rather than one per request
    const subject = { requester: `${e164}:${actor.connectorId ?? actor.userId}`, number: e164, ip: ip ?? '', tenant: actor.tenantId ?? '', global: '' }[
      decision.reason
    ];
    if (await firstThisMinute(`pl:${decision.reason}:${subject}`)) {
      await recordAudit(db, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: 'pin.send_limited',
        targetType: 'phone',
        targetId: e164,
        outcome: 'denied',
        ip: actor.ip,
        metadata: { reason: decision.reason, connectorId: actor.connectorId ?? null },
      });
    }
    throw new DomainError(
      'PinSendLimit',
      { budget: decision.reason, wait: describeWait(decision.retryAfterSeconds), ...waitParts(decision.retryAfterSeconds) },
      { field: 'phone', retryAfterSeconds: decision.retryAfterSeconds, headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
    );
  }
  return { expiresAt, now };
}
