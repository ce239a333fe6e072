import type { MiddlewareHandler } from 'hono';
import { permissionLabel, type PermissionKey } from '@/lib/connectors';
import { verifyAccessToken, type AccessClaims } from '@/lib/tokens';
import { DomainError } from '@/lib/errors';

export type ApiEnv = { Variables: { claims: AccessClaims } };

/**
 * Access-token check for platform routes: signature and expiry without a database read, then the
 * connector permission the route needs (its entry in the route table, lib/api/table.ts). Revocation is checked inside each route's
 * own query. The token comes in the `accessToken` header (or `Authorization: Bearer`).
 */
export function requireAccess(permission: PermissionKey, allowsBots = false): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const raw = c.req.header('accessToken') ?? c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!raw) throw new DomainError('TokenMissing');
    const result = verifyAccessToken(raw.trim());
    if (!result.ok) throw new DomainError(result.reason === 'expired' ? 'TokenExpired' : 'InvalidToken');
    if (!result.claims.perm.includes(permission)) throw new DomainError('MissingPermission', { permission: permissionLabel(permission) });
    // a bot access token acts as its bot, only where a route says it can (posting messages)
    if (result.claims.bot && !allowsBots) throw new DomainError('BotTokenNotAllowed');
    c.set('claims', result.claims);
    await next();
  };
}
