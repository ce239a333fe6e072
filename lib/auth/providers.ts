import type { Provider } from 'next-auth/providers';
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id';
import { config } from '@/lib/config';

/**
 * AUTH_PROVIDER = local (default) | microsoft-entra-id | oidc.
 * - local: the Office 365-style OpenID Connect provider started by `npm run dev` (scripts/idp).
 * - microsoft-entra-id: AUTH_MICROSOFT_ENTRA_ID_ID / _SECRET / _ISSUER (set the tenant in the issuer).
 * - oidc: any OpenID Connect issuer, AUTH_OIDC_ID / _SECRET / _ISSUER (+ AUTH_OIDC_NAME).
 */
export type ProviderId = 'local' | 'microsoft-entra-id' | 'oidc';

export function providerId(): ProviderId {
  return config().AUTH_PROVIDER;
}

export function buildProviders(): Provider[] {
  const id = providerId();
  const c = config();
  if (id === 'microsoft-entra-id') {
    return [
      MicrosoftEntraID({ clientId: c.AUTH_MICROSOFT_ENTRA_ID_ID, clientSecret: c.AUTH_MICROSOFT_ENTRA_ID_SECRET, issuer: c.AUTH_MICROSOFT_ENTRA_ID_ISSUER }),
    ];
  }
  if (id === 'oidc') {
    return [
      {
        id: 'oidc',
        name: c.AUTH_OIDC_NAME,
        type: 'oidc',
        issuer: c.AUTH_OIDC_ISSUER,
        clientId: c.AUTH_OIDC_ID,
        clientSecret: c.AUTH_OIDC_SECRET,
      },
    ];
  }
  return [
    {
      id: 'local',
      name: 'Office 365',
      type: 'oidc',
      issuer: c.AUTH_LOCAL_ISSUER ?? `http://localhost:${c.IDP_PORT}`,
      clientId: c.AUTH_LOCAL_ID,
      clientSecret: c.AUTH_LOCAL_SECRET,
      checks: ['pkce', 'state'],
    },
  ];
}

/** Claim names: `tid` and `roles` as Entra ID emits them; overridable for other issuers. */
export const tenantClaim = () => config().AUTH_TENANT_CLAIM;
export const orgAdminRoles = () => config().AUTH_ORG_ADMIN_ROLES;
