import 'server-only';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db';
import { refreshTokens } from '@/db/schema';
import { decrypt, encrypt, keyedHash } from '@/lib/crypto';
import { generateRefreshToken, REFRESH_TOKEN_LIFETIME_MS } from './format';

export const hashRefreshToken = (token: string) => keyedHash('refresh-token', token);

/** Issue a refresh token for a grant (a new family unless `familyId` continues one). Returns the token once. */
export async function issueRefreshToken(tx: DbOrTx, grantId: string, opts: { familyId?: string; now?: Date } = {}) {
  const token = generateRefreshToken();
  const now = opts.now ?? new Date();
  const id = crypto.randomUUID();
  const familyId = opts.familyId ?? crypto.randomUUID();
  await tx.insert(refreshTokens).values({
    id,
    grantId,
    familyId,
    lookupHash: hashRefreshToken(token),
    encrypted: encrypt(token, `refresh-token:${grantId}`),
    issuedAt: now,
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_LIFETIME_MS),
  });
  return { id, token, familyId };
}

export function openRefreshToken(grantId: string, encrypted: string): string {
  return decrypt(encrypted, `refresh-token:${grantId}`);
}

/** Revoke every live token of a grant (regenerate, remove, delete). */
export async function revokeGrantTokens(tx: DbOrTx, grantId: string, reason: string, now = new Date()) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(refreshTokens.grantId, grantId), isNull(refreshTokens.revokedAt)));
}

/** SQL for the encrypted newest live token of the grant in `grantId` (to fold into a list query). */
export function currentTokenEncrypted(grantId: AnyPgColumn): SQL<string | null> {
  return sql<string | null>`(SELECT t.encrypted FROM refresh_tokens t
    WHERE t.grant_id = ${grantId} AND t.revoked_at IS NULL AND t.spent_at IS NULL ORDER BY t.issued_at DESC LIMIT 1)`;
}

/** The newest live token of a grant (the one the group's Connectors tab shows). */
export async function currentGrantToken(tx: DbOrTx, grantId: string) {
  const [row] = await tx
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.grantId, grantId), isNull(refreshTokens.revokedAt), isNull(refreshTokens.spentAt)))
    .orderBy(desc(refreshTokens.issuedAt))
    .limit(1);
  return row ?? null;
}
