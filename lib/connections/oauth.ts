import { createHash, randomBytes } from 'node:crypto';
import { config } from '@/lib/config';

/**
 * The OAuth 2.0 client side of Connections (RFC 6749, PKCE RFC 7636, revocation RFC 7009): the authorize
 * URL, the code exchange, refresh and revocation. Tokens never appear in errors or logs; a provider's
 * error answer is reduced to its `error` code and a short description.
 */
export interface ClientSettings {
  clientId: string;
  clientSecret: string;
  tokenAuthMethod: 'body' | 'basic';
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  expiresAt: Date | null;
  scope: string | null;
  /** who authorized, when the provider says (ID token claims, Slack's team…) */
  account: string | null;
}

/** Permanent: the grant is gone (revoked, expired, replayed) and only a new authorization helps. */
export class GrantInvalidError extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = 'GrantInvalidError';
  }
}

/** Transient (network, timeout, 5xx, 429): worth retrying. */
export class ProviderUnavailableError extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = 'ProviderUnavailableError';
  }
}

/** Any other refusal (invalid_client, unsupported grant…): a configuration problem. */
export class ProviderRefusedError extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = 'ProviderRefusedError';
  }
}

export const newState = () => randomBytes(32).toString('base64url');
export const newCodeVerifier = () => randomBytes(48).toString('base64url');
export const codeChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export function authorizeUrl(opts: {
  authorizationUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  delimiter: string;
  state: string;
  verifier: string;
  extra: Record<string, string>;
}): string {
  const url = new URL(opts.authorizationUrl);
  for (const [k, v] of Object.entries(opts.extra)) url.searchParams.set(k, v);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', opts.clientId);
  url.searchParams.set('redirect_uri', opts.redirectUri);
  if (opts.scopes.length) url.searchParams.set('scope', opts.scopes.join(opts.delimiter));
  url.searchParams.set('state', opts.state);
  url.searchParams.set('code_challenge', codeChallenge(opts.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

const clean = (s: unknown, max = 200) =>
  String(s ?? '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .slice(0, max);

/** Claims of an ID token, for display only (it came straight from the token endpoint over TLS: OIDC Core §3.1.3.7). */
function idTokenAccount(idToken: unknown): string | null {
  if (typeof idToken !== 'string') return null;
  try {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const who = claims.email ?? claims.preferred_username ?? claims.name ?? claims.sub;
    return typeof who === 'string' ? clean(who, 200) : null;
  } catch {
    return null;
  }
}

async function tokenRequest(url: string, client: ClientSettings, params: Record<string, string>): Promise<TokenSet> {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (client.tokenAuthMethod === 'basic') {
    const enc = (s: string) => encodeURIComponent(s);
    headers.authorization = `Basic ${Buffer.from(`${enc(client.clientId)}:${enc(client.clientSecret)}`).toString('base64')}`;
  } else {
    body.set('client_id', client.clientId);
    body.set('client_secret', client.clientSecret);
  }
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(config().CONNECTIONS_TIMEOUT_MS) });
  } catch (err) {
    throw new ProviderUnavailableError(
      err instanceof Error && err.name === 'TimeoutError' ? 'The provider did not answer in time.' : 'The provider could not be reached.',
    );
  }
  const text = (await res.text()).slice(0, 65_536);
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // GitHub answers form-encoded unless asked otherwise; accept both
    json = Object.fromEntries(new URLSearchParams(text));
  }
  if (res.status >= 500 || res.status === 429) throw new ProviderUnavailableError(`The provider answered ${res.status}.`);
  const error = typeof json.error === 'string' ? json.error : null;
  if (!res.ok || error || typeof json.access_token !== 'string') {
    const what = error ? `${clean(error, 60)}${json.error_description ? `: ${clean(json.error_description)}` : ''}` : `HTTP ${res.status}`;
    if (error === 'invalid_grant') throw new GrantInvalidError(what);
    throw new ProviderRefusedError(what);
  }
  const expiresIn = Number(json.expires_in);
  const team = (json.team as { name?: unknown } | undefined)?.name;
  return {
    accessToken: json.access_token,
    refreshToken: typeof json.refresh_token === 'string' && json.refresh_token ? json.refresh_token : null,
    tokenType: typeof json.token_type === 'string' && json.token_type.toLowerCase() !== 'bearer' ? clean(json.token_type, 30) : 'Bearer',
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
    scope: typeof json.scope === 'string' ? clean(json.scope, 2000) : null,
    account: idTokenAccount(json.id_token) ?? (typeof team === 'string' ? clean(team) : null),
  };
}

export function exchangeCode(tokenUrl: string, client: ClientSettings, code: string, redirectUri: string, verifier: string): Promise<TokenSet> {
  return tokenRequest(tokenUrl, client, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
}

export function refreshGrant(url: string, client: ClientSettings, refreshToken: string): Promise<TokenSet> {
  return tokenRequest(url, client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** RFC 7009: best effort; true when the provider confirmed. */
export async function revokeAtProvider(url: string, client: ClientSettings, token: string, hint: 'refresh_token' | 'access_token'): Promise<boolean> {
  const body = new URLSearchParams({ token, token_type_hint: hint });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (client.tokenAuthMethod === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
  } else {
    body.set('client_id', client.clientId);
    body.set('client_secret', client.clientSecret);
  }
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(config().CONNECTIONS_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}
