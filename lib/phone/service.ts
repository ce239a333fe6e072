import 'server-only';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { db, getPool } from '@/db';
import { config } from '@/lib/config';
import { phoneNumbers, pinChallenges } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { keyedHash, safeEqual } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { smsProvider, SmsSendError } from '@/lib/sms';
import { parsePhone } from './e164';
import { checkPin, describeWait, generatePin, PIN_RULES, sendBudget, type BudgetTally, type SendDecision } from './pin-rules';

export type PinPurpose = (typeof pinChallenges.purpose.enumValues)[number];

export interface PinActor {
  userId: string | null;
  tenantId: string | null;
  ip: string | null;
  /** API and OAuth PINs: the connector asking (the PIN works only through it); null in the portal */
  connectorId?: string | null;
}

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
 * A PIN is bound to who asked for it: the portal user, or the connector (and so its tenant) it was
 * requested through. A PIN sent for one connector never signs in through another.
 */
const sameRequester = (actor: PinActor) =>
  and(
    actor.userId ? eq(pinChallenges.userId, actor.userId) : isNull(pinChallenges.userId),
    actor.connectorId ? eq(pinChallenges.connectorId, actor.connectorId) : isNull(pinChallenges.connectorId),
    actor.tenantId ? eq(pinChallenges.tenantId, actor.tenantId) : isNull(pinChallenges.tenantId),
  );

const hashCode = (challengeId: string, code: string) => keyedHash('pin', `${challengeId}:${code}`);

export function requireE164(raw: string, field = 'phone'): string {
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new DomainError('InvalidPhone', { problem: parsed.problem }, { field });
  return parsed.e164;
}

/** Refuses a number another user of the same tenant has already verified. */
async function assertNumberFree(e164: string, actor: PinActor) {
  if (!actor.tenantId || !actor.userId) return;
  const [taken] = await db
    .select({ userId: phoneNumbers.userId })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.tenantId, actor.tenantId), eq(phoneNumbers.e164, e164), sql`${phoneNumbers.verifiedAt} IS NOT NULL`));
  if (taken && taken.userId !== actor.userId) {
    throw new DomainError('PhoneTaken', { field: 'phone' });
  }
  if (taken) throw new DomainError('PhoneAlreadyVerified', { field: 'phone' });
}

/**
 * Send a new PIN to `rawNumber`. Enforces every send budget (per number and requester, per number, per
 * IP, per tenant, global) atomically. If the carrier fails, the PIN is discarded (it does not count
 * against the budgets) and the error says so.
 */
export async function requestPin(rawNumber: string, purpose: PinPurpose, actor: PinActor): Promise<{ e164: string; expiresAt: Date }> {
  const e164 = requireE164(rawNumber);
  if (purpose === 'portal_verify') await assertNumberFree(e164, actor);

  const code = generatePin();
  const challengeId = crypto.randomUUID();
  const { expiresAt, now } = await reserveSend(e164, purpose, actor, challengeId, hashCode(challengeId, code));

  try {
    await smsProvider().send(e164, `Your Connector Portal PIN is ${code}. It expires in 10 minutes. Never share it.`);
  } catch (err) {
    await db.delete(pinChallenges).where(eq(pinChallenges.id, challengeId));
    await recordAudit(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'pin.send_failed',
      targetType: 'phone',
      targetId: e164,
      outcome: 'failure',
      ip: actor.ip,
    });
    if (err instanceof SmsSendError) {
      throw new DomainError('SmsFailed', { field: 'phone' });
    }
    throw err;
  }

  await db.transaction(async (tx) => {
    // only the newest PIN for this number and purpose is valid
    await tx
      .update(pinChallenges)
      .set({ supersededAt: now })
      .where(
        and(
          eq(pinChallenges.e164, e164),
          eq(pinChallenges.purpose, purpose),
          ne(pinChallenges.id, challengeId),
          isNull(pinChallenges.consumedAt),
          isNull(pinChallenges.supersededAt),
          sameRequester(actor),
        ),
      );
    if (purpose === 'portal_verify' && actor.userId && actor.tenantId) {
      await tx.insert(phoneNumbers).values({ userId: actor.userId, tenantId: actor.tenantId, e164 }).onConflictDoNothing();
    }
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'pin.sent',
      targetType: 'phone',
      targetId: e164,
      ip: actor.ip,
      metadata: { purpose },
    });
  });
  return { e164, expiresAt };
}

/**
 * Check every budget and record the send, atomically: under one transaction-scoped advisory lock, so 50
 * parallel requests cannot all read "4 sent" and all send. The SMS itself goes out after the commit; a
 * carrier failure deletes the row again (it then does not count).
 */
async function reserveSend(e164: string, purpose: PinPurpose, actor: PinActor, challengeId: string, codeHash: string) {
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
    const { rows: counted } = await getPool().query<{ count: number }>(
      `INSERT INTO rate_counters (key, window_start, count) VALUES ($1, date_trunc('minute', now()), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 RETURNING count`,
      [`pl:${decision.reason}:${subject}`.slice(0, 200)],
    );
    if (counted[0]?.count === 1) {
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
      { budget: decision.reason, wait: describeWait(decision.retryAfterSeconds) },
      { field: 'phone', retryAfterSeconds: decision.retryAfterSeconds, headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
    );
  }
  return { expiresAt, now };
}

/**
 * Check a typed PIN against the newest PIN sent to the number for this purpose (and user). On success
 * the PIN is spent (single use) inside `onVerified`'s transaction; any failure in there rolls it back.
 */
export async function verifyPin<T>(
  rawNumber: string,
  code: string,
  purpose: PinPurpose,
  actor: PinActor,
  onVerified: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], e164: string) => Promise<T>,
): Promise<T> {
  const e164 = requireE164(rawNumber);
  const audit = (action: string, outcome: string) =>
    recordAudit(db, { tenantId: actor.tenantId, actorUserId: actor.userId, action, targetType: 'phone', targetId: e164, outcome, ip: actor.ip });

  const [challenge] = await db
    .select()
    .from(pinChallenges)
    .where(and(eq(pinChallenges.e164, e164), eq(pinChallenges.purpose, purpose), isNull(pinChallenges.supersededAt), sameRequester(actor)))
    .orderBy(desc(pinChallenges.createdAt))
    .limit(1);
  if (!challenge) {
    throw new DomainError('PinNotFound', { field: 'code' });
  }

  const matches = safeEqual(hashCode(challenge.id, code), challenge.codeHash);
  const result = checkPin(challenge, matches, new Date());
  switch (result.outcome) {
    case 'used':
      throw new DomainError('PinUsed', { field: 'code' });
    case 'locked':
      if (!matches && challenge.attempts < PIN_RULES.maxAttempts) {
        await db
          .update(pinChallenges)
          .set({ attempts: sql`${pinChallenges.attempts} + 1` })
          .where(eq(pinChallenges.id, challenge.id));
        await audit('pin.locked', 'failure');
      }
      throw new DomainError('PinLocked', { field: 'code' });
    case 'expired':
      throw new DomainError('PinExpired', { field: 'code' });
    case 'wrong': {
      // atomic: two concurrent wrong guesses both count
      const [row] = await db
        .update(pinChallenges)
        .set({ attempts: sql`${pinChallenges.attempts} + 1` })
        .where(and(eq(pinChallenges.id, challenge.id), sql`${pinChallenges.attempts} < ${PIN_RULES.maxAttempts}`))
        .returning({ attempts: pinChallenges.attempts });
      const left = PIN_RULES.maxAttempts - (row?.attempts ?? PIN_RULES.maxAttempts);
      await audit(left <= 0 ? 'pin.locked' : 'pin.failed', 'failure');
      if (left <= 0) {
        throw new DomainError('PinLocked', { field: 'code' });
      }
      throw new DomainError('PinWrong', { left }, { field: 'code' });
    }
    case 'ok':
      break;
  }

  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(pinChallenges)
      .set({ consumedAt: new Date() })
      .where(
        and(
          eq(pinChallenges.id, challenge.id),
          isNull(pinChallenges.consumedAt),
          isNull(pinChallenges.supersededAt),
          sql`${pinChallenges.attempts} < ${PIN_RULES.maxAttempts}`,
          sql`${pinChallenges.expiresAt} > now()`,
        ),
      )
      .returning({ id: pinChallenges.id });
    if (!spent) throw new DomainError('PinUsed', { field: 'code' });
    const out = await onVerified(tx, e164);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'pin.verified',
      targetType: 'phone',
      targetId: e164,
      ip: actor.ip,
      metadata: { purpose },
    });
    return out;
  });
}
