// Soak fixtures (`npm run soak`, bench/soak.mjs): several organizations, each with a group and a few
// connectors granted to it (a live secret and a refresh token each), so that the soak's token exchanges and
// API reads stay inside the real rate limits (100/min per connector, 300/min per tenant); and a verified
// active phone number for the demo user alice, so her portal pages render instead of redirecting.
//
//   node --import tsx --import ./scripts/register-server-only.mjs bench/soak-setup.ts <tenants> <connectorsPerTenant>
//   node --import tsx --import ./scripts/register-server-only.mjs bench/soak-setup.ts cleanup
//
// Like bench/setup.ts: plain pg and the pure helpers, the server's DATABASE_URL and APP_ENCRYPTION_KEY; the
// JSON on stdout holds secrets and refresh tokens for bench/soak.mjs only (never log it). Tenants and groups
// have fixed ids and stay (idempotent); connectors (with grants and tokens) and alice's phone are removed by
// `cleanup`.
import pg from 'pg';
import { DEMO_ACCOUNTS } from '../db/demo-data';
import { generateConnectorSecret, sealConnectorSecret } from '../lib/connectors/secrets';
import { encrypt, keyedHash } from '../lib/crypto/keys';
import { generateRefreshToken, REFRESH_TOKEN_LIFETIME_MS } from '../lib/tokens/format';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const tenantId = (t: number) => `00000000-0000-4000-8000-0000005a${hex(t, 4)}`;
const groupId = (t: number) => `00000000-0000-4000-8000-0000005b${hex(t, 4)}`;
const connectorId = (t: number, c: number) => `00000000-0000-4000-8000-0000005c${hex(t, 2)}${hex(c, 2)}`;
const PHONE_ID = '00000000-0000-4000-8000-0000005d0001';
const MARKETING = '00000000-0000-4000-8000-0000000a0001';
/** alice (db/seed.ts SEED_USERS.alice; seed.ts itself pulls in the schema and drizzle) */
const ALICE = '00000000-0000-4000-8000-000000000010';

export interface SoakConnector {
  tenantId: string;
  groupId: string;
  applicationId: string;
  applicationSecret: string;
  refreshToken: string;
}

async function create(client: pg.Client, tenants: number, perTenant: number) {
  const connectors: SoakConnector[] = [];
  const alice = DEMO_ACCOUNTS.find((a) => a.email === 'alice@contoso.com')!;
  await client.query('BEGIN');
  try {
    await client.query(`DELETE FROM connectors WHERE id::text LIKE '00000000-0000-4000-8000-0000005c%'`); // an earlier run's
    for (let t = 1; t <= tenants; t++) {
      await client.query(`INSERT INTO tenants (id, name, external_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
        tenantId(t),
        `Soak org ${t}`,
        `soak-${t}`,
      ]);
      await client.query(`INSERT INTO groups (id, tenant_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
        groupId(t),
        tenantId(t),
        `Soak group ${t}`,
      ]);
      for (let c = 1; c <= perTenant; c++) {
        const id = connectorId(t, c);
        const secret = generateConnectorSecret();
        const refreshToken = generateRefreshToken();
        const grantId = crypto.randomUUID();
        await client.query(`INSERT INTO connectors (id, tenant_id, name, description, permissions) VALUES ($1, $2, $3, 'Created by bench/soak-setup.ts', $4)`, [
          id,
          tenantId(t),
          `Soak connector ${t}.${c}`,
          ['groupinfo'],
        ]);
        const sealed = sealConnectorSecret(id, secret);
        await client.query('INSERT INTO connector_secrets (connector_id, encrypted, lookup_hash) VALUES ($1, $2, $3)', [
          id,
          sealed.encrypted,
          sealed.lookupHash,
        ]);
        await client.query(`INSERT INTO grants (id, connector_id, tenant_id, kind, group_id) VALUES ($1, $2, $3, 'group', $4)`, [
          grantId,
          id,
          tenantId(t),
          groupId(t),
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
        connectors.push({ tenantId: tenantId(t), groupId: groupId(t), applicationId: id, applicationSecret: secret, refreshToken });
      }
    }
    // alice's number, verified and active (only when she has none: a developer's own registration stays)
    await client.query(
      `INSERT INTO phone_numbers (id, user_id, tenant_id, e164, verified_at, is_active)
       SELECT $1, u.id, u.tenant_id, $2, now(), true FROM users u
       WHERE u.id = $3 AND NOT EXISTS (SELECT 1 FROM phone_numbers p WHERE p.user_id = u.id AND p.is_active)
       ON CONFLICT DO NOTHING`,
      [PHONE_ID, alice.phone, ALICE],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
  return { connectors, alice: { id: ALICE, name: alice.name, email: alice.email }, marketingGroupId: MARKETING };
}

async function cleanup(client: pg.Client) {
  await client.query(`DELETE FROM connectors WHERE id::text LIKE '00000000-0000-4000-8000-0000005c%'`);
  await client.query('DELETE FROM phone_numbers WHERE id = $1', [PHONE_ID]);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.APP_ENCRYPTION_KEY) throw new Error('Set DATABASE_URL and APP_ENCRYPTION_KEY to the values the server uses.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (process.argv[2] === 'cleanup') await cleanup(client);
    else process.stdout.write(`${JSON.stringify(await create(client, Number(process.argv[2] ?? 4), Number(process.argv[3] ?? 3)))}\n`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(`[bench/soak-setup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
