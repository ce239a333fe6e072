import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { grants, oauthCodes, type Connector } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { connectorSecretMatches, findConnectorById, mayGrant, scopesFor } from '@/lib/connectors';
import { keyedHash } from '@/lib/crypto';
import { DomainError, type GrantProblem } from '@/lib/errors';
import { requestPin, verifyPin } from '@/lib/phone';
import { assertCredentialBudget, countAuthenticatedCall, recordCredentialFailure } from '@/lib/ratelimit';
import { accessTokenResponse, issueRefreshToken, REFRESH_TOKEN_LIFETIME_MS, type AccessTokenResponse } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';

/**
 * User tokens without the portal (kaizala-connectors.md §4.4, §4.5): a person proves a phone number with
 * a PIN, and the connector gets a `member` grant reaching every group of its organization that number
 * belongs to.
 */
const BAD_SECRET = () => new DomainError('Unauthenticated');
const UNKNOWN_APP = () => new DomainError('UnknownApplication');

async function usableConnector(applicationId: string): Promise<Connector> {
  const c = await findConnectorById(applicationId);
  if (!c || !mayGrant(c)) throw UNKNOWN_APP();
  return c;
}

async function createMemberGrant(tx: DbOrTx, connector: Connector, phone: string, via: 'pin' | 'oauth', ip: string | null) {
  const [grant] = await tx.insert(grants).values({ connectorId: connector.id, tenantId: connector.tenantId, kind: 'member', phone }).returning();
  const { token, familyId } = await issueRefreshToken(tx, grant!.id);
  await recordAudit(tx, {
    tenantId: connector.tenantId,
    actorConnectorId: connector.id,
    action: 'grant.user_token_generated',
    targetType: 'connector',
    targetId: connector.id,
    ip,
    metadata: { grantId: grant!.id, kind: 'member', via, phone },
  });
  return { grantId: grant!.id, refreshToken: token, familyId };
}

/** POST /v1/generatePin */
export async function apiGeneratePin(mobileNumber: string, applicationId: string, ip: string | null) {
  const connector = await usableConnector(applicationId);
  await requestPin(mobileNumber, 'api_login', { userId: null, tenantId: connector.tenantId, connectorId: connector.id, ip });
}

/** POST /v1/loginWithPinAndApplicationId */
export async function apiLoginWithPin(
  input: { mobileNumber: string; applicationId: string; pin: string; applicationSecret?: string },
  ip: string | null,
  endpointUrl: string,
) {
  const connector = await usableConnector(input.applicationId);
  if (input.applicationSecret !== undefined) {
    await assertCredentialBudget(ip);
    if (!(await connectorSecretMatches(connector.id, input.applicationSecret))) {
      throw await recordCredentialFailure(
        { ip, connectorId: connector.id, tenantId: connector.tenantId, endpoint: 'loginWithPinAndApplicationId' },
        BAD_SECRET(),
      );
    }
  }
  const out = await verifyPin(
    input.mobileNumber,
    input.pin,
    'api_login',
    { userId: null, tenantId: connector.tenantId, connectorId: connector.id, ip },
    (tx, e164) => createMemberGrant(tx, connector, e164, 'pin', ip),
  );
  return {
    refreshToken: out.refreshToken,
    grantedScope: scopesFor(connector.permissions),
    refreshTokenExpiry: Date.now() + REFRESH_TOKEN_LIFETIME_MS,
    endpointUrl,
  };
}

// ---------------------------------------------------------------------------------------------------
// OAuth 2.0 authorization code flow
// ---------------------------------------------------------------------------------------------------

const CODE_TTL_MS = 10 * 60_000;
const hashCode = (code: string) => keyedHash('oauth-code', code);

/** Checks an authorize request; never redirects to an unregistered URL. */
export async function validateAuthorizeRequest(clientId: string, redirectUri: string) {
  const connector = await findConnectorById(clientId);
  if (!connector) throw new DomainError('InvalidClient');
  if (!redirectUri || !connector.redirectUrls.includes(redirectUri)) {
    throw new DomainError('InvalidRedirectUri');
  }
  if (!mayGrant(connector)) throw new DomainError('AccessDenied');
  return { id: connector.id, name: connector.name, permissions: connector.permissions, tenantId: connector.tenantId };
}

export async function oauthSendPin(clientId: string, redirectUri: string, mobileNumber: string, ip: string | null) {
  const c = await validateAuthorizeRequest(clientId, redirectUri);
  return requestPin(mobileNumber, 'oauth_login', { userId: null, tenantId: c.tenantId, connectorId: c.id, ip });
}

/** PIN checked → a single-use code bound to connector + redirect URI; returns where to send the browser. */
export async function oauthApprove(clientId: string, redirectUri: string, state: string | undefined, mobileNumber: string, pin: string, ip: string | null) {
  const c = await validateAuthorizeRequest(clientId, redirectUri);
  const code = randomBytes(32).toString('base64url');
  await verifyPin(mobileNumber, pin, 'oauth_login', { userId: null, tenantId: c.tenantId, connectorId: c.id, ip }, async (tx, e164) => {
    await tx
      .insert(oauthCodes)
      .values({ codeHash: hashCode(code), connectorId: c.id, phone: e164, redirectUri, expiresAt: new Date(Date.now() + CODE_TTL_MS) });
  });
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  if (state) url.searchParams.set('state', state);
  return url.toString();
}

const INVALID_GRANT = (why: GrantProblem) => new DomainError('InvalidGrant', { why });

/**
 * POST /v1/oauth/token: client_id + client_secret + code (+ redirect_uri, which must match when sent) →
 * the token service's answer (§4.1) with the new refresh token. The secret is checked once; the call counts
 * toward the connector's budget like an exchange; the access token is minted for the grant just made (no
 * second lookup). A code works once; presenting it again revokes what it produced (RFC 6749 §4.1.2).
 */
export async function oauthTokenExchange(
  input: { clientId: string; clientSecret: string; code: string; redirectUri?: string },
  ctx: { ip: string | null; endpointUrl: string },
): Promise<{ body: AccessTokenResponse; headers: Record<string, string> }> {
  const { ip } = ctx;
  await assertCredentialBudget(ip);
  const connector = await findConnectorById(input.clientId);
  if (!connector || !(await connectorSecretMatches(connector.id, input.clientSecret))) {
    throw await recordCredentialFailure(
      { ip, connectorId: isUuid(input.clientId) ? input.clientId : null, tenantId: connector?.tenantId ?? null, endpoint: 'oauth/token' },
      BAD_SECRET(),
    );
  }
  const headers = await countAuthenticatedCall(connector.id, connector.tenantId);
  const out = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(oauthCodes)
      .set({ consumedAt: new Date() })
      .where(
        and(
          eq(oauthCodes.codeHash, hashCode(input.code)),
          eq(oauthCodes.connectorId, connector.id),
          isNull(oauthCodes.consumedAt),
          gt(oauthCodes.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!row) {
      // only the connector the code was issued to can trigger the replay revocation (another connector
      // presenting a stolen code must not be able to revoke the victim's grant)
      const [used] = await tx
        .select()
        .from(oauthCodes)
        .where(and(eq(oauthCodes.codeHash, hashCode(input.code)), eq(oauthCodes.connectorId, connector.id)));
      if (used?.consumedAt && used.grantId) {
        await tx.update(grants).set({ revokedAt: new Date() }).where(eq(grants.id, used.grantId));
        await recordAudit(tx, {
          tenantId: connector.tenantId,
          actorConnectorId: connector.id,
          action: 'oauth.code_replayed',
          targetType: 'connector',
          targetId: connector.id,
          outcome: 'denied',
          ip,
          metadata: { grantId: used.grantId },
        });
        return { replayed: true as const };
      }
      throw INVALID_GRANT('codeInvalid');
    }
    if (input.redirectUri !== undefined && input.redirectUri !== row.redirectUri) throw INVALID_GRANT('redirectMismatch');
    if (!mayGrant(connector)) throw INVALID_GRANT('connectorInactive');
    const made = await createMemberGrant(tx, connector, row.phone, 'oauth', ip);
    await tx.update(oauthCodes).set({ grantId: made.grantId }).where(eq(oauthCodes.id, row.id));
    return { replayed: false as const, ...made, phone: row.phone };
  });
  // the replay revocation above must commit: the refusal comes after the transaction
  if (out.replayed) throw INVALID_GRANT('codeReplayed');
  const body = accessTokenResponse(
    {
      connectorId: connector.id,
      grantId: out.grantId,
      familyId: out.familyId,
      tenantId: connector.tenantId,
      kind: 'member',
      permissions: connector.permissions,
      phone: out.phone,
    },
    { endpointUrl: ctx.endpointUrl, scopeFor: scopesFor, refreshToken: out.refreshToken },
  );
  return { body, headers: { ...headers, 'Cache-Control': 'no-store' } };
}
