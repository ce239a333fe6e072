import 'server-only';
import { deletePackage, listPackages, packageIdOf, parsePackage, savePackage } from '@/lib/actions';
import { DomainError } from '@/lib/errors';
import type { AccessClaims } from '@/lib/tokens';
import { platformWrite } from './writes';

/**
 * The Action-package registry over /v1 (ours; Kaizala registered packages in its portal). Permission: Tenant
 * Data. Any token of the organization with it lists the packages; registering, replacing and deleting them
 * changes what every group of the organization can be sent, so it takes a tenant-level token (an org admin's
 * user token), and is audited. Each call goes through the platform gate (rate limit, live token).
 */
const needTenant = (claims: AccessClaims) => {
  if (claims.kind !== 'tenant') throw new DomainError('PackageNeedsTenantToken');
};

export async function listPackagesViaApi(claims: AccessClaims, ip: string | null) {
  const { result, headers } = await platformWrite(claims, { groupId: null, admin: false, ip }, (tx) => listPackages(tx, claims.tid));
  return { headers, body: { actionPackages: result } };
}

export async function putPackageViaApi(claims: AccessClaims, rawId: string, body: unknown, ip: string | null) {
  const packageId = packageIdOf(rawId);
  const input = parsePackage(body);
  const { result, headers } = await platformWrite(claims, { groupId: null, admin: false, ip }, async (tx, ctx) => {
    needTenant(claims);
    const saved = await savePackage(tx, claims.tid, claims.cid, packageId, input);
    await ctx.audit(tx, saved.created ? 'action_package.created' : 'action_package.updated', packageId, { name: input.name }, 'action_package');
    return saved.pkg;
  });
  return { headers, body: result };
}

export async function deletePackageViaApi(claims: AccessClaims, rawId: string, ip: string | null) {
  const packageId = packageIdOf(rawId);
  const { headers } = await platformWrite(claims, { groupId: null, admin: false, ip }, async (tx, ctx) => {
    needTenant(claims);
    await deletePackage(tx, claims.tid, packageId);
    await ctx.audit(tx, 'action_package.deleted', packageId, {}, 'action_package');
  });
  return { headers, body: { result: 'true' as const } };
}
