// The local Office 365-style sign-in provider: a real OpenID Connect server (oidc-provider) with a
// Microsoft-like two-step sign-in page (email, then password) and the demo accounts of db/demo-data.ts.
// It emits `tid` (tenant id) and `roles` like Microsoft Entra ID does. Dev, demo and tests only:
// production uses AUTH_PROVIDER=microsoft-entra-id (or oidc) and never starts this.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DEMO_ACCOUNTS, DEMO_TENANTS, ORG_ADMIN_ROLE, type DemoAccount } from '../../db/demo-data';
import { connectionsAccessTtl, connectionsClient, CONNECTIONS_CLIENT_ID, handleConnectionsRequest, isConnectionsClient, trackConnections } from './connections';
import { renderConsentStep, renderEmailStep, renderPasswordStep } from './pages';

const port = Number(process.env.IDP_PORT ?? 4000);
const issuer = process.env.IDP_ISSUER ?? `http://localhost:${port}`;
const appUrl = (process.env.AUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const clientId = process.env.AUTH_LOCAL_ID ?? 'connector-portal';
const clientSecret = process.env.AUTH_LOCAL_SECRET ?? 'local-dev-client-secret';

// End-to-end tests get fresh users: with IDP_TEST_ACCOUNTS=1 (set only by `scripts/run.mjs e2e`), any
// `<name>@contoso.test` / `<name>@fabrikam.test` signs in with password `test-pass`; a name starting with
// `admin` gets the org-admin role.
const testAccounts = process.env.IDP_TEST_ACCOUNTS === '1';
const TEST_EMAIL = /^([a-z0-9][a-z0-9._+-]{0,60})@(contoso|fabrikam)\.test$/;

function testAccount(email: string): DemoAccount | undefined {
  const m = testAccounts ? TEST_EMAIL.exec(email) : null;
  if (!m) return undefined;
  const local = m[1]!;
  return {
    sub: `test:${email}`,
    email,
    password: 'test-pass',
    name: local.replace(/[._+-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
    tenant: m[2] as 'contoso' | 'fabrikam',
    roles: local.startsWith('admin') ? [ORG_ADMIN_ROLE] : [],
    persona: 'test user',
    phone: '',
  };
}

function findByEmail(email: string): DemoAccount | undefined {
  const wanted = email.trim().toLowerCase();
  return DEMO_ACCOUNTS.find((a) => a.email === wanted) ?? testAccount(wanted);
}

function findBySub(sub: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((a) => a.sub === sub) ?? (sub.startsWith('test:') ? testAccount(sub.slice(5)) : undefined);
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };

const configuration: Configuration = {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appUrl}/api/auth/callback/local`],
      post_logout_redirect_uris: [`${appUrl}/signin`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
    connectionsClient(appUrl),
  ],
  jwks: { keys: [jwk as never] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // the Connections client must use PKCE (the app always sends S256); the sign-in client may
  pkce: { required: (_ctx, client) => client.clientId === CONNECTIONS_CLIENT_ID },
  // Connections: refresh tokens for its client, rotated on every use (a reused one revokes the grant)
  issueRefreshToken: async (ctx, client, code) =>
    client.clientId === CONNECTIONS_CLIENT_ID ? true : client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  rotateRefreshToken: (ctx) => isConnectionsClient(ctx),
  conformIdTokenClaims: false, // Auth.js reads name/email/tid/roles from the ID token
  claims: {
    openid: ['sub', 'tid', 'roles', 'tenant_name'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
  ttl: {
    Session: 8 * 3600,
    Grant: 8 * 3600,
    Interaction: 3600,
    IdToken: 3600,
    AccessToken: (_ctx, _token, client) => (client?.clientId === CONNECTIONS_CLIENT_ID ? connectionsAccessTtl : 3600),
    AuthorizationCode: 600,
  },
  async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
    const account = findBySub(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          email: account.email,
          email_verified: true,
          name: account.name,
          preferred_username: account.email,
          tid: DEMO_TENANTS[account.tenant].tid,
          tenant_name: DEMO_TENANTS[account.tenant].name,
          roles: account.roles,
        };
      },
    };
  },
  // First-party client: no consent screen. The Connections client asks for consent (a third-party app).
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    if (isConnectionsClient(ctx)) return undefined;
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client!.clientId,
      accountId: ctx.oidc.session!.accountId,
    });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['tid', 'roles', 'tenant_name', 'name', 'email', 'email_verified']);
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Sign-in error</title><body style="font-family:Segoe UI,system-ui,sans-serif;padding:40px"><h1>Sorry, we couldn't sign you in</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p></body>`;
  },
};

const provider = new Provider(issuer, configuration);
provider.proxy = false;
trackConnections(provider);
const oidcCallback = provider.callback();

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function handleInteraction(req: IncomingMessage, res: ServerResponse, uid: string, step: string | undefined) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (details.prompt.name === 'consent' && details.params.client_id === CONNECTIONS_CLIENT_ID) {
    await handleConsent(req, res, details, `/interaction/${uid}`);
    return;
  }
  if (details.prompt.name !== 'login') {
    // consent is granted automatically by loadExistingGrant
    await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    return;
  }
  const action = `/interaction/${uid}`;
  if (req.method === 'GET') {
    sendHtml(res, 200, renderEmailStep({ action, email: '', accounts: DEMO_ACCOUNTS }));
    return;
  }
  const form = await readForm(req);
  const email = (form.get('email') ?? '').trim();
  if (step === 'email' || !form.has('password')) {
    if (!email || !findByEmail(email)) {
      sendHtml(
        res,
        200,
        renderEmailStep({
          action,
          email,
          accounts: DEMO_ACCOUNTS,
          error: email
            ? "We couldn't find an account with that username. Try another, or use one of the demo accounts below."
            : 'Enter a valid email address, phone number, or Skype name.',
        }),
      );
      return;
    }
    sendHtml(res, 200, renderPasswordStep({ action, email }));
    return;
  }
  const account = findByEmail(email);
  const password = form.get('password') ?? '';
  if (!account || account.password !== password) {
    sendHtml(
      res,
      200,
      renderPasswordStep({
        action,
        email,
        error: password ? "Your account or password is incorrect. If you don't remember your password, ask your administrator." : 'Please enter your password.',
      }),
    );
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
}

type InteractionDetails = Awaited<ReturnType<typeof provider.interactionDetails>>;

/** The Connections client's consent page: Allow grants the requested scopes, Deny answers access_denied. */
async function handleConsent(req: IncomingMessage, res: ServerResponse, details: InteractionDetails, action: string) {
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (req.method === 'GET') {
    const account = findBySub(details.session?.accountId ?? '');
    sendHtml(
      res,
      200,
      renderConsentStep({
        action: `${action}/consent`,
        app: 'Connector Portal (Connections)',
        email: account?.email ?? '',
        scopes: String(details.params.scope ?? '')
          .split(' ')
          .filter(Boolean),
      }),
    );
    return;
  }
  const form = await readForm(req);
  if (form.get('decision') !== 'allow') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The user declined the request.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', issuer);
  if (handleConnectionsRequest(provider, req, res, url)) return;
  const match = /^\/interaction\/([^/]+)(?:\/(email|password|consent))?$/.exec(url.pathname);
  if (match) {
    handleInteraction(req, res, match[1]!, match[2]).catch((err: unknown) => {
      console.error('[idp] interaction failed:', err instanceof Error ? err.message : err);
      if (!res.headersSent) {
        sendHtml(res, 400, '<!doctype html><title>Sign-in error</title><p>This sign-in request has expired. Go back to the portal and try again.</p>');
      }
    });
    return;
  }
  if (url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  void oidcCallback(req, res);
});

// Loopback only (both families, so `localhost` works whichever address it resolves to).
const ipv6 = createServer(server.listeners('request')[0] as Parameters<typeof createServer>[1]);
ipv6.on('error', () => undefined); // no IPv6 loopback on this host: fine
ipv6.listen(port, '::1');
server.listen(port, '127.0.0.1', () => {
  console.log(`[idp] local Office 365-style sign-in provider on ${issuer}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    ipv6.close();
    server.close(() => process.exit(0));
  });
}
