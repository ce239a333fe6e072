// The local sign-in provider's second role: a real OAuth 2.0 authorization server for Connections (product.md
// §9) — a second client that gets refresh tokens (rotated on every use, short access-token lifetime when
// IDP_CONNECTIONS_ACCESS_TTL says so), a consent page, and a small protected resource API. Dev, demo and
// tests only. With IDP_TEST_ACCOUNTS=1 it also answers the tests: refresh calls counted per account, grants
// revoked on request, tokens minted for an account without a browser.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { ClientMetadata, KoaContextWithOIDC } from 'oidc-provider';

export const CONNECTIONS_CLIENT_ID = process.env.IDP_CONNECTIONS_CLIENT_ID ?? 'connections-demo';
export const CONNECTIONS_CLIENT_SECRET = process.env.IDP_CONNECTIONS_CLIENT_SECRET ?? 'connections-demo-secret';
const ACCESS_TTL = Number(process.env.IDP_CONNECTIONS_ACCESS_TTL ?? 3600);
const SCOPE = 'openid email profile offline_access';
const testAccounts = process.env.IDP_TEST_ACCOUNTS === '1';

export const isConnectionsClient = (ctx: KoaContextWithOIDC) => ctx.oidc?.client?.clientId === CONNECTIONS_CLIENT_ID;

export function connectionsClient(appUrl: string): ClientMetadata {
  return {
    client_id: CONNECTIONS_CLIENT_ID,
    client_secret: CONNECTIONS_CLIENT_SECRET,
    // the app's callback; a second redirect for a second app instance on another port may be added by env
    redirect_uris: [`${appUrl}/api/connections/callback`, ...(process.env.IDP_CONNECTIONS_EXTRA_REDIRECTS ?? '').split(',').filter(Boolean)],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

export const connectionsAccessTtl = ACCESS_TTL;

/** Refresh calls reaching the token endpoint, per account (tests read them), and the grants of each account. */
const refreshCalls = new Map<string, number>();
const grantsByAccount = new Map<string, Set<string>>();
/** refresh token (opaque value = its jti) → account, so a call with a revoked one is still counted for its account */
const accountOfRefreshToken = new Map<string, string>();

export function trackConnections(provider: Provider) {
  provider.use(async (ctx, next) => {
    const isToken = ctx.path === '/token' && ctx.method === 'POST';
    await next();
    const oidc = (ctx as unknown as KoaContextWithOIDC).oidc;
    if (isToken && oidc?.params?.grant_type === 'refresh_token' && oidc.client?.clientId === CONNECTIONS_CLIENT_ID) {
      const account =
        oidc.entities?.RefreshToken?.accountId ??
        accountOfRefreshToken.get(String(oidc.params.refresh_token ?? '')) ??
        oidc.entities?.Account?.accountId ??
        'unknown';
      refreshCalls.set(account, (refreshCalls.get(account) ?? 0) + 1);
      refreshCalls.set('*', (refreshCalls.get('*') ?? 0) + 1);
    }
  });
  provider.on('refresh_token.saved', (token) => {
    if (token.clientId !== CONNECTIONS_CLIENT_ID || !token.accountId || !token.grantId) return;
    accountOfRefreshToken.set(token.jti, token.accountId);
    const set = grantsByAccount.get(token.accountId) ?? new Set<string>();
    set.add(token.grantId);
    grantsByAccount.set(token.accountId, set);
  });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_048_576) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function revokeAccount(provider: Provider, accountId: string): Promise<number> {
  const grants = [...(grantsByAccount.get(accountId) ?? [])];
  for (const grantId of grants) {
    await Promise.all([provider.AccessToken.revokeByGrantId(grantId), provider.RefreshToken.revokeByGrantId(grantId), provider.Grant.adapter.destroy(grantId)]);
  }
  grantsByAccount.delete(accountId);
  return grants.length;
}

/** Tokens for an account without a browser (tests of invoke and refresh): a real grant, real tokens. */
async function mintTokens(provider: Provider, accountId: string) {
  const client = await provider.Client.find(CONNECTIONS_CLIENT_ID);
  if (!client) throw new Error('the connections client is not registered');
  const grant = new provider.Grant({ accountId, clientId: CONNECTIONS_CLIENT_ID });
  grant.addOIDCScope(SCOPE);
  const grantId = await grant.save();
  const accessToken = await new provider.AccessToken({ accountId, client, grantId, scope: SCOPE, gty: 'authorization_code' }).save();
  const rt = new provider.RefreshToken({
    accountId,
    client,
    grantId,
    scope: SCOPE,
    gty: 'authorization_code',
    iiat: Math.floor(Date.now() / 1000),
    rotations: 0,
  });
  const refreshToken = await rt.save();
  accountOfRefreshToken.set(refreshToken, accountId);
  const set = grantsByAccount.get(accountId) ?? new Set<string>();
  set.add(grantId);
  grantsByAccount.set(accountId, set);
  return { access_token: accessToken, refresh_token: refreshToken, expires_in: ACCESS_TTL, token_type: 'Bearer' };
}

/** The protected resource: `Authorization: Bearer <access token of the connections client>`. */
async function authorize(provider: Provider, req: IncomingMessage) {
  const auth = req.headers.authorization ?? '';
  const m = /^Bearer (.+)$/i.exec(auth);
  if (!m) return null;
  const token = await provider.AccessToken.find(m[1]!);
  if (!token || token.clientId !== CONNECTIONS_CLIENT_ID || token.isExpired) return null;
  const grant = token.grantId ? await provider.Grant.find(token.grantId) : undefined;
  if (!grant) return null;
  return token;
}

/** Handles /resource/* and /test/connections/*; false for anything else. */
export function handleConnectionsRequest(provider: Provider, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const path = url.pathname;
  if (path.startsWith('/resource/')) {
    void (async () => {
      if (path === '/resource/redirect') {
        // a redirect to another host: an API proxy must never follow it with the credential
        res.writeHead(302, { location: url.searchParams.get('to') ?? 'http://127.0.0.1:9/' });
        res.end();
        return;
      }
      if (path === '/resource/open-echo') {
        // no token needed: shows what an API-key or Basic service receives (the credential header included)
        return json(res, 200, { method: req.method, headers: req.headers });
      }
      const token = await authorize(provider, req);
      if (!token) return json(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
      if (path === '/resource/me' && req.method === 'GET') {
        return json(res, 200, { sub: token.accountId, email: token.accountId!.replace(/^test:/, ''), scope: token.scope }, { 'x-ratelimit-remaining': '99' });
      }
      if (path === '/resource/echo') {
        const body = await readBody(req);
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['authorization', 'host', 'connection'].includes(k)));
        return json(res, 200, { method: req.method, query: Object.fromEntries(url.searchParams), headers, body, authorized: true });
      }
      if (path === '/resource/big') {
        const size = Math.min(Number(url.searchParams.get('bytes') ?? 2_000_000), 20_000_000);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(size));
        return;
      }
      if (path === '/resource/set-cookie') {
        return json(res, 200, { ok: true }, { 'set-cookie': 'provider_session=secret; HttpOnly' });
      }
      json(res, 404, { error: 'not_found' });
    })().catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'server_error' });
    });
    return true;
  }
  if (testAccounts && path.startsWith('/test/connections/')) {
    void (async () => {
      const account = url.searchParams.get('account') ?? '';
      if (path === '/test/connections/refresh-calls') return json(res, 200, { refreshCalls: refreshCalls.get(account || '*') ?? 0 });
      if (path === '/test/connections/revoke' && req.method === 'POST') return json(res, 200, { revokedGrants: await revokeAccount(provider, account) });
      if (path === '/test/connections/tokens' && req.method === 'POST') return json(res, 200, await mintTokens(provider, account));
      json(res, 404, { error: 'not_found' });
    })().catch((err: unknown) => json(res, 500, { error: err instanceof Error ? err.message : 'failed' }));
    return true;
  }
  return false;
}
