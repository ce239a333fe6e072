import 'server-only';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { connectionAuthStates, connections, type OauthService } from '@/db/schema';
import { recordAudit, type AuditAction } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/authz';
import { decrypt, encrypt, keyedHash } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { authorizeUrl, exchangeCode, GrantInvalidError, newCodeVerifier, newState, ProviderRefusedError, ProviderUnavailableError } from './oauth';
import { connectSchema, splitScopes, type ConnectInput } from './schemas';
import { aad, loadService, redirectUrl } from './services';

/**
 * Create and Connect (product.md §9): the state (one use, 10 minutes, bound to the user and to a cookie of
 * this browser), PKCE S256, then on the way back the code exchange. Nothing is written to `connections`
 * until the provider has handed over tokens, so a refusal or a failed exchange leaves nothing half-saved.
 */
const STATE_TTL_MS = 10 * 60 * 1000;

const isUnique = (err: unknown) => (err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505';

export const clientOf = (s: OauthService) => ({
  clientId: s.clientId,
  clientSecret: s.clientSecretEncrypted ? decrypt(s.clientSecretEncrypted, aad('client-secret', s.id)) : '',
  tokenAuthMethod: s.tokenAuthMethod,
});

async function linkNameFree(tenantId: string, linkName: string, exceptId?: string) {
  const rows = await db
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.linkName, linkName)));
  return rows.every((r) => r.id === exceptId);
}

export type StartResult = { kind: 'redirect'; url: string } | { kind: 'connected'; id: string };

/** Starts a new connection: a redirect to the provider (OAuth 2.0), or at once for API key and Basic services. */
export async function startConnect(actor: Actor, raw: ConnectInput, browserNonce: string, ip: string | null): Promise<StartResult> {
  assertCan(actor, 'connection.manage', { tenantId: actor.tenantId });
  const input = connectSchema.parse(raw);
  const service = await loadService(actor, input.serviceId);
  if (!(await linkNameFree(actor.tenantId, input.linkName))) throw new DomainError('LinkNameTaken', { field: 'linkName' });
  const scopes = input.scopes ? splitScopes(input.scopes) : service.defaultScopes;
  if (service.authType !== 'oauth2') return { kind: 'connected', id: await saveStaticCredential(actor, service, input, scopes, ip) };
  return { kind: 'redirect', url: await beginAuthorization(actor, service, { name: input.name, linkName: input.linkName, scopes }, browserNonce, null) };
}

/** Reconnect in place: the same row and link name get the new authorization. */
export async function startReconnect(actor: Actor, id: string, browserNonce: string): Promise<StartResult> {
  const [conn] = await db.select().from(connections).where(eq(connections.id, id));
  if (!conn || conn.tenantId !== actor.tenantId) throw new DomainError('ConnectionNotFound');
  assertCan(actor, 'connection.manage', conn);
  const service = await loadService(actor, conn.serviceId);
  if (service.authType !== 'oauth2') throw new DomainError('ConnectionCredentialMissing');
  return { kind: 'redirect', url: await beginAuthorization(actor, service, conn, browserNonce, conn.id) };
}

async function beginAuthorization(
  actor: Actor,
  service: OauthService,
  what: { name: string; linkName: string; scopes: string[] },
  browserNonce: string,
  connectionId: string | null,
): Promise<string> {
  const state = newState();
  const verifier = newCodeVerifier();
  const stateHash = keyedHash('connection-state', state);
  // old, unused states go with every new one (cheap, indexed)
  await db.delete(connectionAuthStates).where(or(lt(connectionAuthStates.expiresAt, new Date()), eq(connectionAuthStates.userId, actor.id)));
  await db.insert(connectionAuthStates).values({
    stateHash,
    tenantId: actor.tenantId,
    userId: actor.id,
    browserHash: keyedHash('connection-browser', browserNonce),
    serviceId: service.id,
    connectionId,
    name: what.name,
    linkName: what.linkName,
    scopes: what.scopes,
    codeVerifierEncrypted: encrypt(verifier, aad('pkce', stateHash)),
    redirectUri: redirectUrl(),
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  return authorizeUrl({
    authorizationUrl: service.authorizationUrl!,
    clientId: service.clientId,
    redirectUri: redirectUrl(),
    scopes: what.scopes,
    delimiter: service.scopeDelimiter,
    state,
    verifier,
    extra: service.extraAuthParams,
  });
}

async function saveStaticCredential(actor: Actor, service: OauthService, input: ReturnType<typeof connectSchema.parse>, scopes: string[], ip: string | null) {
  const secret = service.authType === 'api_key' ? input.apiKey : input.username ? `${input.username}:${input.password}` : '';
  if (!secret) throw new DomainError('ConnectionCredentialMissing', { field: service.authType === 'api_key' ? 'apiKey' : 'username' });
  const id = crypto.randomUUID();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(connections).values({
        id,
        tenantId: actor.tenantId,
        serviceId: service.id,
        name: input.name,
        linkName: input.linkName,
        scopes,
        accessTokenEncrypted: encrypt(secret, aad('access', id)),
        tokenType: service.authType === 'api_key' ? 'ApiKey' : 'Basic',
        createdBy: actor.id,
      });
      await recordAudit(tx, connectionAudit(actor, 'connection.created', id, ip, { linkName: input.linkName, service: service.name }));
    });
  } catch (err) {
    if (isUnique(err)) throw new DomainError('LinkNameTaken', { field: 'linkName' });
    throw err;
  }
  return id;
}

export const connectionAudit = (actor: Actor, action: AuditAction, id: string, ip: string | null, metadata: Record<string, unknown>) => ({
  tenantId: actor.tenantId,
  actorUserId: actor.id,
  action,
  targetType: 'connection',
  targetId: id,
  ip,
  metadata,
});

export type CallbackOutcome =
  | { ok: true; connectionId: string; reconnected: boolean }
  | { ok: false; reason: 'bad_state' | 'denied' | 'provider_error' | 'missing_code' | 'exchange_failed' | 'link_taken'; detail?: string };

/** The provider sent the browser back: check the state, exchange the code, store the tokens. */
export async function completeCallback(actor: Actor, params: URLSearchParams, browserNonce: string | null, ip: string | null): Promise<CallbackOutcome> {
  const state = params.get('state') ?? '';
  if (!state || !browserNonce) return { ok: false, reason: 'bad_state' };
  // one use: the row is taken whatever happens next
  const [flow] = await db
    .update(connectionAuthStates)
    .set({ consumedAt: new Date() })
    .where(
      and(
        eq(connectionAuthStates.stateHash, keyedHash('connection-state', state)),
        isNull(connectionAuthStates.consumedAt),
        gt(connectionAuthStates.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!flow || flow.userId !== actor.id || flow.tenantId !== actor.tenantId || flow.browserHash !== keyedHash('connection-browser', browserNonce)) {
    return { ok: false, reason: 'bad_state' };
  }
  const error = params.get('error');
  if (error) {
    const detail = `${error.slice(0, 60)}${params.get('error_description') ? `: ${params.get('error_description')!.slice(0, 200)}` : ''}`;
    await recordAudit(db, {
      ...connectionAudit(actor, 'connection.authorization_failed', flow.connectionId ?? flow.linkName, ip, {
        linkName: flow.linkName,
        error: error.slice(0, 60),
      }),
      outcome: 'failure',
    });
    return { ok: false, reason: error === 'access_denied' ? 'denied' : 'provider_error', detail };
  }
  const code = params.get('code');
  if (!code) return { ok: false, reason: 'missing_code' };
  const service = await loadService(actor, flow.serviceId);
  let tokens;
  try {
    tokens = await exchangeCode(service.tokenUrl!, clientOf(service), code, flow.redirectUri, decrypt(flow.codeVerifierEncrypted, aad('pkce', flow.stateHash)));
  } catch (err) {
    if (err instanceof GrantInvalidError || err instanceof ProviderRefusedError || err instanceof ProviderUnavailableError) {
      await recordAudit(db, {
        ...connectionAudit(actor, 'connection.authorization_failed', flow.connectionId ?? flow.linkName, ip, {
          linkName: flow.linkName,
          error: err.description,
        }),
        outcome: 'failure',
      });
      return { ok: false, reason: 'exchange_failed', detail: err.description };
    }
    throw err;
  }
  const id = flow.connectionId ?? crypto.randomUUID();
  const values = {
    status: 'connected' as const,
    accessTokenEncrypted: encrypt(tokens.accessToken, aad('access', id)),
    refreshTokenEncrypted: tokens.refreshToken ? encrypt(tokens.refreshToken, aad('refresh', id)) : null,
    tokenType: tokens.tokenType,
    expiresAt: tokens.expiresAt,
    scopes: tokens.scope ? splitScopes(tokens.scope) : flow.scopes,
    accountIdentity: tokens.account,
    lastRefreshedAt: new Date(),
    lastError: null,
    lastErrorAt: null,
    updatedAt: new Date(),
  };
  try {
    await db.transaction(async (tx) => {
      if (flow.connectionId) {
        const done = await tx
          .update(connections)
          .set({ ...values, tokenVersion: sql`${connections.tokenVersion} + 1` })
          .where(and(eq(connections.id, id), eq(connections.tenantId, actor.tenantId)))
          .returning({ id: connections.id });
        if (!done.length) throw new DomainError('ConnectionNotFound');
      } else {
        await tx
          .insert(connections)
          .values({ id, tenantId: actor.tenantId, serviceId: service.id, name: flow.name, linkName: flow.linkName, createdBy: actor.id, ...values });
      }
      await recordAudit(
        tx,
        connectionAudit(actor, flow.connectionId ? 'connection.reconnected' : 'connection.created', id, ip, {
          linkName: flow.linkName,
          service: service.name,
          account: tokens.account,
          scopes: values.scopes,
        }),
      );
    });
  } catch (err) {
    if (isUnique(err)) return { ok: false, reason: 'link_taken' };
    throw err;
  }
  return { ok: true, connectionId: id, reconnected: Boolean(flow.connectionId) };
}
