// Benchmark fixtures for the token exchange (L3) and the group read (L4): a connector with a live secret,
// a `group` grant on a seeded group and a refresh token for it, written straight into the database.
//
//   node --import tsx --import ./scripts/register-server-only.mjs bench/setup.ts          create (prints JSON)
//   node --import tsx --import ./scripts/register-server-only.mjs bench/setup.ts cleanup  delete them again
//
// Needs the server's DATABASE_URL and APP_ENCRYPTION_KEY (the hashes and ciphertexts must match what the
// server computes). The JSON on stdout holds a secret and a refresh token for bench/run.mjs: never log it.
//
// Only pure helpers are imported, by relative path: the domains' index.ts files (lib/grants, lib/groups,
// lib/auth, ...) pull in Next.js internals that only work inside the server.
import pg from 'pg';
import { generateConnectorSecret, sealConnectorSecret } from '../lib/connectors/secrets';
import { encrypt, keyedHash } from '../lib/crypto/keys';
import { generateRefreshToken, REFRESH_TOKEN_LIFETIME_MS } from '../lib/tokens/format';

/** A fixed id, so every run replaces the previous run's fixtures instead of piling them up. */
const CONNECTOR_ID = '00000000-0000-4000-8000-0000000be001';
/** "Field Sales" (Contoso) from db/seed.ts: it has sub-groups, so the read walks the hierarchy too. */
const GROUP_ID = '00000000-0000-4000-8000-0000000a0002';

export interface BenchFixtures {
  applicationId: string;
  applicationSecret: string;
  refreshToken: string;
  groupId: string;
  postgresVersion: string;
}

async function create(client: pg.Client): Promise<BenchFixtures> {
  const group = await client.query<{ tenant_id: string }>('SELECT tenant_id FROM groups WHERE id = $1', [GROUP_ID]);
  const tenantId = group.rows[0]?.tenant_id;
  if (!tenantId) throw new Error(`Seeded group ${GROUP_ID} not found: was the server started with SEED_DEMO=1?`);

  const applicationSecret = generateConnectorSecret();
  const refreshToken = generateRefreshToken();
  const grantId = crypto.randomUUID();
  await client.query('BEGIN');
  try {
    // cascades to connector_secrets, grants and refresh_tokens of an earlier run
    await client.query('DELETE FROM connectors WHERE id = $1', [CONNECTOR_ID]);
    await client.query(
      `INSERT INTO connectors (id, tenant_id, name, description, permissions) VALUES ($1, $2, 'Benchmark connector', 'Created by bench/setup.ts', $3)`,
      [CONNECTOR_ID, tenantId, ['groupinfo']],
    );
    const sealed = sealConnectorSecret(CONNECTOR_ID, applicationSecret);
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
    // the same stored form as lib/tokens/refresh-tokens.ts issueRefreshToken()
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
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
  const version = await client.query<{ server_version: string }>('SHOW server_version');
  return { applicationId: CONNECTOR_ID, applicationSecret, refreshToken, groupId: GROUP_ID, postgresVersion: version.rows[0]!.server_version };
}

async function cleanup(client: pg.Client) {
  await client.query('DELETE FROM connectors WHERE id = $1', [CONNECTOR_ID]);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.APP_ENCRYPTION_KEY) throw new Error('Set DATABASE_URL and APP_ENCRYPTION_KEY to the values the server uses.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (process.argv[2] === 'cleanup') await cleanup(client);
    else process.stdout.write(`${JSON.stringify(await create(client))}\n`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(`[bench/setup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
