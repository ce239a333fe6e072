import type { Provider } from 'next-auth/providers';
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id';

/**
 * AUTH_PROVIDER = local (default) | microsoft-entra-id | oidc.
 * - local: the Office 365-style OpenID Connect provider started by `npm run dev` (scripts/idp).
 * - microsoft-entra-id: AUTH_MICROSOFT_ENTRA_ID_ID / _SECRET / _ISSUER (set the tenant in the issuer).
 * - oidc: any OpenID Connect issuer, AUTH_OIDC_ID / _SECRET / _ISSUER (+ AUTH_OIDC_NAME).
 */
export type ProviderId = 'local' | 'microsoft-entra-id' | 'oidc';

export function providerId(): ProviderId {
  const p = process.env.AUTH_PROVIDER ?? 'local';
  if (p === 'microsoft-entra-id' || p === 'oidc') return p;
  return 'local';
}

export function buildProviders(): Provider[] {
  const id = providerId();
  if (id === 'microsoft-entra-id') return [MicrosoftEntraID({})];
  if (id === 'oidc') {
    return [
      {
        id: 'oidc',
        name: process.env.AUTH_OIDC_NAME ?? 'Single sign-on',
        type: 'oidc',
        issuer: process.env.AUTH_OIDC_ISSUER,
        clientId: process.env.AUTH_OIDC_ID,
        clientSecret: process.env.AUTH_OIDC_SECRET,
      },
    ];
  }
  return [
    {
      id: 'local',
      name: 'Office 365',
      type: 'oidc',
      issuer: process.env.AUTH_LOCAL_ISSUER ?? `http://localhost:${process.env.IDP_PORT ?? 4000}`,
      clientId: process.env.AUTH_LOCAL_ID ?? 'connector-portal',
      clientSecret: process.env.AUTH_LOCAL_SECRET ?? 'local-dev-client-secret',
      checks: ['pkce', 'state'],
    },
  ];
}

/** Claim names: `tid` and `roles` as Entra ID emits them; overridable for other issuers. */
export const tenantClaim = () => process.env.AUTH_TENANT_CLAIM ?? 'tid';
export const orgAdminRoles = () => (process.env.AUTH_ORG_ADMIN_ROLES ?? 'OrgAdmin,Kaizala.Admin').split(',').map((r) => r.trim());
