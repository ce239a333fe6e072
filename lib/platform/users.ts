import 'server-only';
import { getPool } from '@/db';
import { DomainError } from '@/lib/errors';
import { enforceRateLimit, keysFromParams, RATE_LIMIT_COLUMNS, rateLimitCte, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { liveSql } from './live';

const ME_SQL = `WITH ${rateLimitCte(keysFromParams('$1', '$2'))},
  live AS (${liveSql('$3', '$6')}),
  person AS (
    SELECT u.id, u.name, u.email, u.is_org_admin, p.e164 FROM users u
      LEFT JOIN phone_numbers p ON p.user_id = u.id AND p.is_active
      WHERE u.id = $4::uuid AND u.tenant_id = $2::uuid
    UNION ALL
    SELECT u.id, u.name, u.email, u.is_org_admin, $5::text FROM (SELECT 1) one
      LEFT JOIN phone_numbers p ON p.e164 = $5::text AND p.tenant_id = $2::uuid AND p.verified_at IS NOT NULL
      LEFT JOIN users u ON u.id = p.user_id
      WHERE $4::uuid IS NULL AND $5::text IS NOT NULL
  )
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live,
    person.id, person.name, person.email, person.is_org_admin, person.e164,
    (SELECT display_name FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.e164 = person.e164 AND g.tenant_id = $2::uuid LIMIT 1) AS display_name
  FROM (SELECT 1) AS one LEFT JOIN person ON true LIMIT 1`;

interface MeRow extends RateRow {
  live: boolean;
  id: string | null;
  name: string | null;
  email: string | null;
  is_org_admin: boolean | null;
  e164: string | null;
  display_name: string | null;
}

/** GET /v1/users/me: the user a user token acts for (User Profile permission). One statement. */
export async function getMe(claims: AccessClaims) {
  if (claims.kind === 'group') {
    throw new DomainError('UserContextMissing');
  }
  const { rows } = await getPool().query<MeRow>({
    name: 'platform_users_me_v2',
    text: ME_SQL,
    values: [claims.cid, claims.tid, claims.gid, claims.uid ?? null, claims.phn ?? null, claims.fam],
  });
  const r = rows[0]!;
  const headers = enforceRateLimit(r, claims);
  if (!r.live) throw new DomainError('TokenRevoked');
  return {
    headers,
    body: {
      userId: r.id,
      name: r.name ?? r.display_name,
      phoneNumber: r.e164,
      email: r.email,
      tenantId: claims.tid,
      isTenantAdmin: claims.kind === 'tenant' || Boolean(r.is_org_admin),
    },
  };
}
