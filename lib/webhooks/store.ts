import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getPool, type DbOrTx } from '@/db';
import { config } from '@/lib/config';
import { decryptCached, encrypt } from '@/lib/crypto';
import { sendHttp } from './http';

/** Shared by the /v1 routes, the portal and the worker: secrets at rest, the handshake, pg NOTIFY. */

export const secretAad = (webhookId: string) => `webhook-secret:${webhookId}`;
export const tokenAad = (webhookId: string) => `webhook-callback-token:${webhookId}`;

export const sealSecret = (webhookId: string, secret: string) => encrypt(secret, secretAad(webhookId));
export const openSecret = (webhookId: string, sealed: string) => decryptCached(sealed, secretAad(webhookId));
export const sealToken = (webhookId: string, token: string | null | undefined) => (token ? encrypt(token, tokenAad(webhookId)) : null);
export const openToken = (webhookId: string, sealed: string | null) => (sealed ? decryptCached(sealed, tokenAad(webhookId)) : null);

/** production (strict address checks, https only) unless WEBHOOK_ALLOW_LOCAL_CALLBACKS=1, or unset outside production */
export function strictCallbacks(): boolean {
  const c = config();
  if (c.WEBHOOK_ALLOW_LOCAL_CALLBACKS !== undefined) return c.WEBHOOK_ALLOW_LOCAL_CALLBACKS === '0';
  return c.NODE_ENV === 'production';
}

const HANDSHAKE_TIMEOUT_MS = 5_000;

/** What a receiver answered, for the 400 (status and first bytes, or the connection problem). */
function describe(o: { status: number | null; body: string; error: string | null }): string {
  if (o.error) return o.error;
  const bytes = o.body.slice(0, 100).replace(/\s+/g, ' ');
  return `it answered ${o.status} with ${bytes ? `"${bytes}${o.body.length > 100 ? '…' : ''}"` : 'an empty body'}`;
}

/**
 * The validation handshake (kaizala-connectors.md §6.2): GET callBackUrl?validationToken=… must answer 2xx
 * with exactly that token as plain text (surrounding white space ignored) within 5 s. Returns the problem, or null.
 */
export async function handshake(callbackUrl: string): Promise<string | null> {
  const token = randomBytes(24).toString('base64url');
  const url = new URL(callbackUrl);
  url.searchParams.set('validationToken', token);
  const o = await sendHttp(url.toString(), { method: 'GET', timeoutMs: HANDSHAKE_TIMEOUT_MS, strict: strictCallbacks() });
  if (o.refused) return o.error;
  if (o.error || o.status === null || o.status < 200 || o.status >= 300 || o.body.trim() !== token) return describe(o);
  return null;
}

/** Wake the workers (after commit when sent inside a transaction). */
export async function notifyDue(tx?: DbOrTx): Promise<void> {
  if (tx) await tx.execute(sql`SELECT pg_notify('webhook_due', '')`);
  else await getPool().query(`SELECT pg_notify('webhook_due', '')`);
}
