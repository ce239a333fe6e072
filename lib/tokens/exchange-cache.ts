import 'server-only';
import { listen } from '@/db/listen';
import { onTableWrite } from '@/db/write-watch';
import { config } from '@/lib/config';
import type { AccessClaims } from './access-token';

/**
 * Verdicts of successful token exchanges, kept in memory so that the next exchange of the same refresh
 * token with the same secret needs no database round trip (issue 08 §7). An entry is only ever made from a
 * statement that proved the secret and the token, and it holds only while nothing that could change the
 * verdict has changed:
 * - every change to connectors, connector_secrets, grants or a refresh token's revoked/spent state fires
 *   NOTIFY auth_changed (migration 0007 triggers); each instance LISTENs and drops every entry at once, so a
 *   removed grant, deleted connector, revoked family or rotated-away secret stops within milliseconds on
 *   every instance (the 1 s rule);
 * - while the LISTEN connection is down, nothing is cached or served from cache;
 * - a write to those tables sent by this process drops every entry as soon as it is answered (db/write-watch.ts), before the notification comes back;
 * - a lookup that started before an invalidation never stores its (possibly stale) answer (generation check);
 * - the token's own clock is checked on each hit: expiry, the rotation threshold (those exchanges go to the
 *   database), the secret's overlap end; and an entry lives at most 5 minutes.
 * Only tokens already used once are cached (the first exchange marks `used_at`, which the rotation grace
 * depends on), never a spent one (its retry grace and replay detection need the database).
 */
export interface Verdict {
  connectorId: string;
  tenantId: string;
  permissions: string[];
  grantId: string;
  familyId: string;
  kind: AccessClaims['kind'];
  groupId: string | null;
  userId: string | null;
  phone: string | null;
  issuedMs: number;
  expiresMs: number;
  /** the matched secret's end of overlap, or null (no expiry) */
  secretExpiresMs: number | null;
}

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 50_000;

let listening = false;
let generation = 0;
const entries = new Map<string, { verdict: Verdict; at: number }>();

const enabled = () => config().EXCHANGE_CACHE === '1';

export const verdictKey = (connectorId: string, refreshHash: string, secretHash: string) => `${connectorId}\n${refreshHash}\n${secretHash}`;

/** The generation a lookup starts in; pass it back to `remember`. */
export const generationNow = () => generation;

export function cachedVerdict(key: string, now: number, rotateAfterMs: number): Verdict | null {
  if (!listening) return null;
  const e = entries.get(key);
  if (!e) return null;
  const v = e.verdict;
  if (now - e.at > TTL_MS || v.expiresMs <= now || now - v.issuedMs >= rotateAfterMs || (v.secretExpiresMs !== null && v.secretExpiresMs <= now)) {
    entries.delete(key);
    return null;
  }
  return v;
}

export function remember(key: string, verdict: Verdict, startedIn: number, now: number): void {
  if (!listening || startedIn !== generation || !enabled()) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { verdict, at: now });
}

function invalidate() {
  generation++;
  entries.clear();
}

let started = false;
/** Start listening (once per process; server.ts). Without it nothing is cached. */
export function startExchangeCache(): void {
  if (started || !enabled()) return;
  started = true;
  onTableWrite(
    ['connectors', 'connector_secrets', 'grants', 'refresh_tokens'],
    invalidate,
    /update\s+"?refresh_tokens"?\s+set\s+"?used_at"?\s*=\s*now\(\)\s+where/i,
  );
  listen('auth_changed', invalidate, (up) => {
    invalidate();
    listening = up;
  });
}
