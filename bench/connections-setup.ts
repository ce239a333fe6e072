// Benchmark fixtures for Connections (issue 14): a connector with the Connections permission granted on the
// seeded group, a service pointing at the local provider's resource API (scripts/idp, IDP_TEST_ACCOUNTS=1)
// and a connection holding real provider tokens (minted by the provider for a bench account). Run after the
// app server (and so the provider, whose grants live in memory) has started.
//
//   node --import tsx bench/connections-setup.ts <idp url>            create (prints JSON: secrets, never log it)
//   node --import tsx bench/connections-setup.ts <idp url> cleanup    delete them again
import pg from 'pg';
import { generateConnectorSecret, sealConnectorSecret } from '../lib/connectors/secrets';
import { encrypt, keyedHash } from '../lib/crypto/keys';
import { generateRefreshToken, REFRESH_TOKEN_LIFETIME_MS } from '../lib/tokens/format';

const CONNECTOR_ID = '00000000-0000-4000-8000-0000000be003';
const SERVICE_ID = '00000000-0000-4000-8000-0000000be201';
const CONNECTION_ID = '00000000-0000-4000-8000-0000000be301';
const GROUP_ID = '00000000-0000-4000-8000-0000000a0002'; // "Field Sales" (Contoso), seeded
const LINK_NAME = 'bench_local';
const ACCOUNT = 'test:bench.connections@contoso.test';

async function create(client: pg.Client, idp: string) {
  const res = await fetch(`${idp}/test/connections/tokens?account=${encodeURIComponent(ACCOUNT)}`, { method: 'POST' });
  if (!res.ok) throw new Error(`the provider minted no tokens (${res.status}): is IDP_TEST_ACCOUNTS=1 set?`);
  const t = (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
  const tenantId = (await client.query<{ tenant_id: string }>('SELECT tenant_id FROM groups WHERE id = $1', [GROUP_ID])).rows[0]!.tenant_id;
  const secret = generateConnectorSecret();
  const refreshToken = generateRefreshToken();
  const grantId = crypto.randomUUID();
  await client.query('BEGIN');
  await cleanup(client);
  await client.query(
    `INSERT INTO connectors (id, tenant_id, name, description, permissions) VALUES ($1, $2, 'Benchmark connector (connections)', 'bench', $3)`,
    [CONNECTOR_ID, tenantId, ['connections']],
  );
  const sealed = sealConnectorSecret(CONNECTOR_ID, secret);
  await client.query('INSERT INTO connector_secrets (connector_id, encrypted, lookup_hash) VALUES ($1, $2, $3)', [
    CONNECTOR_ID,
    sealed.encrypted,
    sealed.lookupHash,
  ]);
  await client.query(`INSERT INTO grants (id, connector_id, tenant_id, kind, group_id) VALUES ($1, $2, $3, 'group', $4)`, [
    grantId,
    CONNECTOR_ID,
    tenantId,
    GROUP_ID,
  ]);
  await client.query(
    `INSERT INTO refresh_tokens (id, grant_id, family_id, lookup_hash, encrypted, issued_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, now(), now() + make_interval(secs => $6))`,
    [
      crypto.randomUUID(),
      grantId,
      crypto.randomUUID(),
      keyedHash('refresh-token', refreshToken),
      encrypt(refreshToken, `refresh-token:${grantId}`),
      REFRESH_TOKEN_LIFETIME_MS / 1000,
    ],
  );
  await client.query(
    `INSERT INTO oauth_services (id, tenant_id, name, auth_type, client_id, client_secret_encrypted, authorization_url, token_url, token_auth_method, allowed_base_urls)
     VALUES ($1, $2, 'Benchmark local provider', 'oauth2', 'connections-demo', $3, $4, $5, 'basic', $6)`,
    [SERVICE_ID, tenantId, encrypt('connections-demo-secret', `connections:client-secret:${SERVICE_ID}`), `${idp}/auth`, `${idp}/token`, [`${idp}/resource/`]],
  );
  await client.query(
    `INSERT INTO connections (id, tenant_id, service_id, name, link_name, status, access_token_encrypted, refresh_token_encrypted, expires_at)
     VALUES ($1, $2, $3, 'Benchmark', $4, 'connected', $5, $6, now() + make_interval(secs => $7))`,
    [
      CONNECTION_ID,
      tenantId,
      SERVICE_ID,
      LINK_NAME,
      encrypt(t.access_token, `connections:access:${CONNECTION_ID}`),
      encrypt(t.refresh_token, `connections:refresh:${CONNECTION_ID}`),
      t.expires_in,
    ],
  );
  await client.query('COMMIT');
  return {
    applicationId: CONNECTOR_ID,
    applicationSecret: secret,
    refreshToken,
    linkName: LINK_NAME,
    providerAccessToken: t.access_token,
    resourceUrl: `${idp}/resource/me`,
  };
}

async function cleanup(client: pg.Client) {
  await client.query('DELETE FROM connections WHERE id = $1', [CONNECTION_ID]);
  await client.query('DELETE FROM oauth_services WHERE id = $1', [SERVICE_ID]);
  await client.query('DELETE FROM audit_events WHERE actor_connector_id = $1', [CONNECTOR_ID]);
  await client.query('DELETE FROM connectors WHERE id = $1', [CONNECTOR_ID]);
}

async function main() {
  const url = process.env.DATABASE_URL;
  const idp = process.argv[2];
  if (!url || !process.env.APP_ENCRYPTION_KEY || !idp) throw new Error('Set DATABASE_URL and APP_ENCRYPTION_KEY, and pass the provider URL.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (process.argv[3] === 'cleanup') await cleanup(client);
    else process.stdout.write(`${JSON.stringify(await create(client, idp))}\n`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(`[bench/connections-setup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
