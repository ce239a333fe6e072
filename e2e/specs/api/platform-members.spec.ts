import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { DAVE_GROUP } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { call, ERROR_BODY, membersOf, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/** Members and subscribers over /v1 (kaizala-connectors.md §5.3, §5.4), Idempotency-Key (product.md §12). */
test.describe.serial('[API] members, subscribers and Idempotency-Key', () => {
  let contoso: string;
  let group: string;
  let admin: string;
  let t: TokenSet;

  test.beforeAll(async ({ request }) => {
    contoso = await tenantId('Contoso');
    admin = newPhoneNumber();
    group = await makeGroupWith({ tenant: contoso, admin });
    t = await platformTokens(request, group);
  });

  test('PUT members (lenient JSON) adds them; GET lists them in one SQL statement with id, role, number and isProvisioned', async ({ request }) => {
    const [a, b] = [newPhoneNumber(), newPhoneNumber()];
    const put = await call(request, 'PUT', `/groups/${group}/members`, t.group, `{members:["${a}", '${b}']}`);
    expect(put.status()).toBe(200);
    expect(await put.json()).toEqual({ result: 'true' });

    const res = await call(request, 'GET', `/groups/${group}/members`, t.group);
    expect(res.status()).toBe(200);
    expect(Number(res.headers()['x-sql-statements'])).toBe(1);
    const { members, cursor } = await res.json();
    expect(cursor).toBeUndefined();
    expect(members).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), role: 'Admin', mobileNumber: admin, isProvisioned: false },
      ...[a, b].sort().map((n) => ({ id: expect.any(String), role: 'Member', mobileNumber: n, isProvisioned: false })),
    ]);

    // a bad number is reported, not fatal: the good one is added and result is "false"
    const c = newPhoneNumber();
    const partial = await call(request, 'PUT', `/groups/${group}/members`, t.group, { members: [c, 'not a phone'] });
    expect(await partial.json()).toEqual({
      result: 'false',
      failedResult: [{ mobileNumber: 'not a phone', errorCode: 'InvalidPhone', errorReason: expect.any(String) }],
    });
    expect((await membersOf(group))[c]).toBe('Member');

    // visible in the audit log with the connector as the actor
    const audit = await withDb(
      async (db) =>
        (
          await db.query(`SELECT actor_connector_id, metadata FROM audit_events WHERE action = 'group.members_added' AND target_id = $1 ORDER BY created_at`, [
            group,
          ])
        ).rows,
    );
    expect(audit.map((r) => r.actor_connector_id)).toEqual([t.connector.id, t.connector.id]);
    expect(audit[0].metadata).toMatchObject({ via: 'api', members: [a, b] });
  });

  test('roles and removal: promote, never lose the last admin (409), remove by id or by number, unknown member 404', async ({ request }) => {
    const members = (await (await call(request, 'GET', `/groups/${group}/members`, t.group)).json()).members as {
      id: string;
      role: string;
      mobileNumber: string;
    }[];
    const adminRow = members.find((m) => m.role === 'Admin')!;
    const other = members.find((m) => m.role === 'Member')!;

    const demote = await call(request, 'PUT', `/groups/${group}/members/${adminRow.id}`, t.group, { role: 'Member' });
    expect(demote.status()).toBe(409);
    expect(await demote.json()).toEqual({ ...ERROR_BODY, errorCode: 'LastAdmin' });
    const removeLast = await call(request, 'DELETE', `/groups/${group}/members/${encodeURIComponent(adminRow.mobileNumber)}`, t.group);
    expect(removeLast.status()).toBe(409);
    expect((await membersOf(group))[admin]).toBe('Admin');

    expect(await (await call(request, 'PUT', `/groups/${group}/members/${other.id}`, t.group, { role: 'Admin' })).json()).toEqual({ result: 'true' });
    expect((await membersOf(group))[other.mobileNumber]).toBe('Admin');
    const bad = await call(request, 'PUT', `/groups/${group}/members/${other.id}`, t.group, { role: 'Owner' });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain('role');
    // now the first admin can step down, and be removed by number
    expect((await call(request, 'PUT', `/groups/${group}/members/${adminRow.id}`, t.group, { role: 'Member' })).status()).toBe(200);
    const removed = await call(request, 'DELETE', `/groups/${group}/members/${encodeURIComponent(admin)}`, t.group);
    expect(await removed.json()).toEqual({ result: 'true' });
    expect((await membersOf(group))[admin]).toBeUndefined();
    const unknown = await call(request, 'DELETE', `/groups/${group}/members/${crypto.randomUUID()}`, t.group);
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ ...ERROR_BODY, errorCode: 'MemberNotFound' });
  });

  test('GET members pages with cursor and count; a made-up cursor is 400', async ({ request }) => {
    const big = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber(), members: Array.from({ length: 6 }, () => newPhoneNumber()) });
    const tk = await platformTokens(request, big);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call(request, 'GET', `/groups/${big}/members?count=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, tk.group);
      const body = await res.json();
      expect(body.members.length).toBeLessThanOrEqual(3);
      seen.push(...body.members.map((m: { mobileNumber: string }) => m.mobileNumber));
      cursor = body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual(Object.keys(await membersOf(big)).sort());

    const forged = await call(request, 'GET', `/groups/${big}/members?cursor=abc`, tk.group);
    expect(forged.status()).toBe(400);
    expect(await forged.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidCursor' });
    expect((await call(request, 'GET', `/groups/${big}/members?count=0`, tk.group)).status()).toBe(400);
  });

  test('subscribers: ConnectGroups only (400 on a plain group), per-number results, paged list, members list stays apart', async ({ request }) => {
    const plain = await call(request, 'PUT', `/groups/${group}/subscribers/add`, t.group, { subscribers: [newPhoneNumber()] });
    expect(plain.status()).toBe(400);
    expect(await plain.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotConnectGroup', message: expect.stringContaining('ConnectGroup') });
    expect((await call(request, 'POST', `/groups/${group}/subscribers`, t.group, {})).status()).toBe(400);

    const bcAdmin = newPhoneNumber();
    const broadcast = await makeGroupWith({ tenant: contoso, groupType: 'ConnectGroup', admin: bcAdmin });
    const tk = await platformTokens(request, broadcast);
    const [s1, s2] = [newPhoneNumber(), newPhoneNumber()];
    const add = await call(request, 'PUT', `/groups/${broadcast}/subscribers/add`, tk.group, { subscribers: [s1, s2, 'oops', bcAdmin] });
    expect(add.status()).toBe(200);
    expect(await add.json()).toEqual({
      result: {
        [s1]: { isAdded: true },
        [s2]: { isAdded: true },
        oops: { isAdded: false, errorCode: 'InvalidPhone', errorReason: expect.any(String) },
        [bcAdmin]: { isAdded: false, errorCode: 'MemberDuplicate', errorReason: expect.stringContaining('admin') },
      },
    });

    const first = await (await call(request, 'POST', `/groups/${broadcast}/subscribers`, tk.group, { count: 1 })).json();
    expect(first.subscribers).toEqual([
      { id: expect.any(String), mobileNumber: [s1, s2].sort()[0], name: expect.any(String), profilePic: '', isProvisioned: false },
    ]);
    const second = await (await call(request, 'POST', `/groups/${broadcast}/subscribers`, tk.group, { cursor: first.cursor, count: 1 })).json();
    expect(second.subscribers.map((s: { mobileNumber: string }) => s.mobileNumber)).toEqual([[s1, s2].sort()[1]]);
    expect(second.cursor).toBeUndefined();
    expect((await call(request, 'POST', `/groups/${broadcast}/subscribers`, tk.group, { count: 51 })).status()).toBe(400);
    // subscribers are not members
    const members = (await (await call(request, 'GET', `/groups/${broadcast}/members`, tk.group)).json()).members;
    expect(members.map((m: { mobileNumber: string }) => m.mobileNumber)).toEqual([bcAdmin]);

    const remove = await call(request, 'PUT', `/groups/${broadcast}/subscribers/remove`, tk.group, { subscribers: [s1, newPhoneNumber()] });
    const removed = (await remove.json()).result;
    expect(removed[s1]).toEqual({ isRemoved: true });
    expect(Object.values(removed)[1]).toEqual({ isRemoved: false, errorCode: 'SubscriberNotFound', errorReason: expect.any(String) });
    expect(Object.keys(await membersOf(broadcast)).sort()).toEqual([bcAdmin, s2].sort());
  });

  test('permissions and reach: Group Member List needed, members read but cannot write, other tenants 404', async ({ request }) => {
    const infoOnly = await platformTokens(request, group, ['groupinfo']);
    const forbidden = await call(request, 'GET', `/groups/${group}/members`, infoOnly.group);
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden' });

    const member = newPhoneNumber();
    await call(request, 'PUT', `/groups/${group}/members`, t.group, { members: [member] });
    const asMember = await memberToken(request, t.connector, member);
    expect((await call(request, 'GET', `/groups/${group}/members`, asMember)).status()).toBe(200);
    const denied = await call(request, 'PUT', `/groups/${group}/members`, asMember, { members: [newPhoneNumber()] });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotGroupAdmin' });

    for (const [method, path] of [
      ['GET', `/groups/${DAVE_GROUP}/members`],
      ['PUT', `/groups/${DAVE_GROUP}/members`],
      ['PUT', `/groups/${DAVE_GROUP}/subscribers/add`],
    ] as const) {
      const res = await call(request, method, path, t.tenant, method === 'PUT' ? { members: [member], subscribers: [member] } : undefined);
      expect(res.status(), `${method} ${path}`).toBe(404);
    }
    expect(Object.keys(await membersOf(DAVE_GROUP))).not.toContain(member);
  });

  test('Idempotency-Key: a retry gets the same answer and creates nothing more; another body 422; still running 409', async ({ request }) => {
    const key = `create-${crypto.randomUUID()}`;
    const body = { name: `Idem ${key.slice(-6)}`, welcomeMessage: 'once' };
    const first = await call(request, 'POST', '/groups', t.tenant, body, { 'Idempotency-Key': key });
    expect(first.status()).toBe(200);
    const created = await first.json();
    const again = await call(request, 'POST', '/groups', t.tenant, `{name:'${body.name}', welcomeMessage:'once'}`, { 'Idempotency-Key': key });
    expect(again.status()).toBe(200);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(await again.json()).toEqual(created);
    const count = await withDb(async (db) => (await db.query('SELECT count(*)::int AS n FROM groups WHERE name = $1', [body.name])).rows[0].n);
    expect(count).toBe(1);

    const other = await call(request, 'POST', '/groups', t.tenant, { ...body, welcomeMessage: 'twice' }, { 'Idempotency-Key': key });
    expect(other.status()).toBe(422);
    expect(await other.json()).toEqual({ ...ERROR_BODY, errorCode: 'IdempotencyKeyReused' });

    // a refusal is kept too: the retry gets the same 403 without running
    const refusedKey = `refused-${crypto.randomUUID()}`;
    const refused = await call(
      request,
      'POST',
      '/groups',
      t.group,
      { name: 'CG', welcomeMessage: 'x', groupType: 'ConnectGroup' },
      { 'Idempotency-Key': refusedKey },
    );
    expect(refused.status()).toBe(403);
    const refusedAgain = await call(
      request,
      'POST',
      '/groups',
      t.group,
      { name: 'CG', welcomeMessage: 'x', groupType: 'ConnectGroup' },
      { 'Idempotency-Key': refusedKey },
    );
    expect(refusedAgain.status()).toBe(403);
    expect(refusedAgain.headers()['idempotent-replayed']).toBe('true');

    // a first request still running (simulated: its answer not kept yet): 409
    await withDb((db) => db.query(`UPDATE idempotency_keys SET completed_at = NULL WHERE key = $1`, [key]));
    const running = await call(request, 'POST', '/groups', t.tenant, body, { 'Idempotency-Key': key });
    expect(running.status()).toBe(409);
    expect(await running.json()).toEqual({ ...ERROR_BODY, errorCode: 'IdempotencyKeyInUse' });

    const badKey = await call(request, 'PUT', `/groups/${group}/members`, t.group, { members: [newPhoneNumber()] }, { 'Idempotency-Key': 'x'.repeat(300) });
    expect(badKey.status()).toBe(400);
    expect(await badKey.json()).toEqual({ ...ERROR_BODY, errorCode: 'IdempotencyKeyInvalid', message: expect.stringContaining('Idempotency-Key') });

    // keys are per connector: another connector's same key runs its own request
    const stranger = await platformTokens(request, group);
    const theirs = await call(request, 'POST', '/groups', stranger.tenant, body, { 'Idempotency-Key': key });
    expect(theirs.status()).toBe(200);
    expect((await theirs.json()).groupId).not.toBe(created.groupId);
  });
});
