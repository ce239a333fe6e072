import type { MiddlewareHandler } from 'hono';
import { permissionLabel, type PermissionKey } from '@/lib/connectors';
import { verifyAccessToken, type AccessClaims } from '@/lib/tokens';
import { ApiError } from './errors';

export type ApiEnv = { Variables: { claims: AccessClaims } };

/**
 * Access-token check for platform routes: signature and expiry without a database read, then the
 * connector permission the route needs (its entry in the route table, lib/api/table.ts). Revocation is checked inside each route's
 * own query. The token comes in the `accessToken` header (or `Authorization: Bearer`).
 */
export function requireAccess(permission: PermissionKey): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const raw = c.req.header('accessToken') ?? c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!raw) throw new ApiError(401, 'InvalidToken', 'Token missing. Header should have token as value of ACCESSTOKEN', 'AuthException');
    const result = verifyAccessToken(raw.trim());
    if (!result.ok) {
      const why = result.reason === 'expired' ? 'the token has expired' : 'Token validation failed due to unknown reason!';
      throw new ApiError(401, 'InvalidToken', `Invalid token. Failure reason:${why}`, 'AuthException');
    }
    if (!result.claims.perm.includes(permission)) {
      throw new ApiError(403, 'Forbidden', `This connector does not have the "${permissionLabel(permission)}" permission needed here.`, 'AuthorizationException');
    }
    c.set('claims', result.claims);
    await next();
  };
}
