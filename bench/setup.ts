// Benchmark fixtures, written straight into the database:
// - L3 (token exchange) and L4 (group read): a connector with `groupinfo`, a live secret, a `group` grant on
//   a seeded group and a refresh token for it;
// - L5 (member list) and L6 (member add): a second connector, with `groupinfo` + `groupmember`, made the same
//   way, granted a group of its own with 1,000 members (bulk-inserted in one statement).
//
//   node --import tsx --import ./scripts/register-server-only.mjs bench/setup.ts          create (prints JSON)
//   node --import tsx --import ./scripts/register-server-only.mjs bench/setup.ts cleanup  delete them again
//
// Needs the server's DATABASE_URL and APP_ENCRYPTION_KEY (the hashes and ciphertexts must match what the
// server computes). The JSON on stdout holds secrets and refresh tokens for bench/run.mjs: never log it.
//
// Only pure helpers are imported, by relative path: the domains' index.ts files (lib/grants, lib/groups,
// lib/auth, ...) pull in Next.js internals that only work inside the server.
import pg from 'pg';
import { generateConnectorSecret, sealConnectorSecret } from '../lib/connectors/secrets';
import { encrypt, keyedHash } from '../lib/crypto/keys';
import { parsePhone } from '../lib/phone/e164';
import { generateRefreshToken, REFRESH_TOKEN_LIFETIME_MS } from '../lib/tokens/format';

/** Fixed ids, so every run replaces the previous run's fixtures instead of piling them up. */
const CONNECTOR_ID = '00000000-0000-4000-8000-0000000be001';
const MEMBERS_CONNECTOR_ID = '00000000-0000-4000-8000-0000000be002';
const CONNECTOR_IDS = [CONNECTOR_ID, MEMBERS_CONNECTOR_ID];
/** "Field Sales" (Contoso) from db/seed.ts: it has sub-groups, so the read walks the hierarchy too. */
const GROUP_ID = '00000000-0000-4000-8000-0000000a0002';
/** The 1,000-member group of L5/L6 (Contoso, no sub-groups, linked to nothing), made here. */
const MEMBERS_GROUP_ID = '00000000-0000-4000-8000-0000000be101';
const MEMBER_COUNT = 1000;
/** How many numbers L6 sends: the last ones of the group, so every PUT is an add of numbers already in it. */
const ADD_COUNT = 10;

/**
 * Member i: +1 206 200 0000 … +1 206 200 0999, the first one the group's admin. The same Seattle (206) range
 * as e2e/fixtures/data.ts newPhoneNumber; each one is checked with the app's own parsePhone below.
 */
const memberNumber = (i: number) => `+1206200${String(i).padStart(4, '0')}`;

export interface BenchConnector {
  applicationId: string;
  applicationSecret: string;
  refreshToken: string;
  groupId: string;
}

export interface BenchFixtures extends BenchConnector {
  /** L5/L6: the connector with `groupmember`, its grant on the 1,000-member group and the numbers L6 adds */
  members: BenchConnector & { memberCount: number; addNumbers: string[] };
  postgresVersion: string;
}

/**
 * A connector with a live secret, a `group` grant on `groupId` and a refresh token for that grant, stored the
 * way the app stores them. Replaces a connector of the same id (with its secrets, grants and tokens).
 */
async function insertConnector(
  client: pg.Client,
  c: { id: string; tenantId: string; name: string; permissions: string[]; groupId: string },
): Promise<BenchConnector> {
  const applicationSecret = generateConnectorSecret();
  const refreshToken = generateRefreshToken();
  const grantId = crypto.randomUUID();
  // cascades to connector_secrets, grants and refresh_tokens of an earlier run
  await client.query('DELETE FROM connectors WHERE id = $1', [c.id]);
  await client.query(`INSERT INTO connectors (id, tenant_id, name, description, permissions) VALUES ($1, $2, $3, 'Created by bench/setup.ts', $4)`, [
    c.id,
    c.tenantId,
    c.name,
    c.permissions,
  ]);
  const sealed = sealConnectorSecret(c.id, applicationSecret);
  await client.query('INSERT INTO connector_secrets (connector_id, encrypted, lookup_hash) VALUES ($1, $2, $3)', [c.id, sealed.encrypted, sealed.lookupHash]);
  await client.query(`INSERT INTO grants (id, connector_id, tenant_id, kind, group_id) VALUES ($1, $2, $3, 'group', $4)`, [
    grantId,
    c.id,
    c.tenantId,
    c.groupId,
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
  return { applicationId: c.id, applicationSecret, refreshToken, groupId: c.groupId };
}

/** The L5/L6 group with MEMBER_COUNT members (one Admin), in ONE insert of all members. */
async function insertMembersGroup(client: pg.Client, tenantId: string): Promise<string[]> {
  const numbers = Array.from({ length: MEMBER_COUNT }, (_, i) => memberNumber(i));
  const invalid = numbers.filter((n) => {
    const p = parsePhone(n);
    return !p.ok || p.e164 !== n;
  });
  if (invalid.length) throw new Error(`Bench member numbers the app would refuse: ${invalid.slice(0, 3).join(', ')}`);
  // cascades to its members, grants and links of an earlier run
  await client.query('DELETE FROM groups WHERE id = $1', [MEMBERS_GROUP_ID]);
  await client.query(`INSERT INTO groups (id, tenant_id, name, welcome_message) VALUES ($1, $2, 'Benchmark members', 'Created by bench/setup.ts')`, [
    MEMBERS_GROUP_ID,
    tenantId,
  ]);
  await client.query(
    `INSERT INTO group_members (group_id, e164, display_name, role)
     SELECT $1, n.e164, '+1 206 200 ' || right(n.e164, 4), CASE WHEN n.i = 1 THEN 'Admin' ELSE 'Member' END::member_role
     FROM unnest($2::text[]) WITH ORDINALITY AS n(e164, i)`,
    [MEMBERS_GROUP_ID, numbers],
  );
  return numbers;
}

async function create(client: pg.Client): Promise<BenchFixtures> {
  const group = await client.query<{ tenant_id: string }>('SELECT tenant_id FROM groups WHERE id = $1', [GROUP_ID]);
  const tenantId = group.rows[0]?.tenant_id;
  if (!tenantId) throw new Error(`Seeded group ${GROUP_ID} not found: was the server started with SEED_DEMO=1?`);

  await client.query('BEGIN');
  try {
    await deleteAudit(client);
    const bench = await insertConnector(client, { id: CONNECTOR_ID, tenantId, name: 'Benchmark connector', permissions: ['groupinfo'], groupId: GROUP_ID });
    const numbers = await insertMembersGroup(client, tenantId);
    const members = await insertConnector(client, {
      id: MEMBERS_CONNECTOR_ID,
      tenantId,
      name: 'Benchmark connector (members)',
      // L7/L8/M1 (bench/platform-rungs.mjs) post messages and polls and upload media in this group too
      permissions: ['groupinfo', 'groupmember', 'textmessage', 'action', 'media'],
      groupId: MEMBERS_GROUP_ID,
    });
    await client.query('COMMIT');
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    return {
      ...bench,
      members: { ...members, memberCount: numbers.length, addNumbers: numbers.slice(-ADD_COUNT) },
      postgresVersion: version.rows[0]!.server_version,
    };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/** The audit rows the bench connectors left (one per L6 request): their actor would become null with the connector gone. */
async function deleteAudit(client: pg.Client) {
  await client.query('DELETE FROM audit_events WHERE actor_connector_id = ANY($1::uuid[])', [CONNECTOR_IDS]);
}

async function cleanup(client: pg.Client) {
  await deleteAudit(client);
  // L7/L8 events (their rows outlive the group) and M1 uploads (the files are in the run's own MEDIA_DIR)
  await client.query('DELETE FROM platform_events WHERE group_id = $1', [MEMBERS_GROUP_ID]);
  await client.query('DELETE FROM media WHERE connector_id = ANY($1::uuid[])', [CONNECTOR_IDS]);
  await client.query('DELETE FROM connectors WHERE id = ANY($1::uuid[])', [CONNECTOR_IDS]);
  await client.query('DELETE FROM groups WHERE id = $1', [MEMBERS_GROUP_ID]);
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
