import { randomUUID } from 'node:crypto';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { DAVE_GROUP } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { call, ERROR_BODY, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

const messagesOf = (groupId: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{
          reference_id: string;
          text: string;
          sender_kind: string;
          sender_name: string;
          sender_phone: string | null;
          subscribers: string[] | null;
        }>('SELECT reference_id, text, sender_kind, sender_name, sender_phone, subscribers FROM messages WHERE group_id = $1 ORDER BY created_at, id', [
          groupId,
        ])
      ).rows,
  );

const eventsOf = (groupId: string, type: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{
          object_id: string;
          object_type: string;
          data: Record<string, unknown>;
          from_user_name: string | null;
          from_user_phone: string | null;
        }>(
          'SELECT object_id, object_type, data, from_user_name, from_user_phone FROM platform_events WHERE group_id = $1 AND event_type = $2 ORDER BY created_at',
          [groupId, type],
        )
      ).rows,
  );

/** Messages over /v1 (kaizala-connectors.md §5.5) and their TextMessageCreated events (§6.3–§6.4). */
test.describe.serial('[API] messages', () => {
  let contoso: string;
  let group: string;
  let admin: string;
  let member: string;
  let t: TokenSet;

  test.beforeAll(async ({ request }) => {
    contoso = await tenantId('Contoso');
    admin = newPhoneNumber();
    member = newPhoneNumber();
    group = await makeGroupWith({ tenant: contoso, admin, members: [member] });
    t = await platformTokens(request, group, ['groupinfo', 'textmessage']);
  });

  test('POST answers { referenceId } in ONE SQL statement; the message and its TextMessageCreated event are written', async ({ request }) => {
    const res = await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'Quarterly numbers are in.' });
    expect(res.status()).toBe(200);
    expect(Number(res.headers()['x-sql-statements'])).toBeLessThanOrEqual(1);
    const { referenceId, ...rest } = await res.json();
    expect(referenceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rest).toEqual({});

    const [m] = await messagesOf(group);
    expect(m).toEqual({
      reference_id: referenceId,
      text: 'Quarterly numbers are in.',
      sender_kind: 'connector',
      sender_name: t.connector.name,
      sender_phone: null,
      subscribers: null,
    });
    const [ev] = await eventsOf(group, 'TextMessageCreated');
    expect(ev).toEqual({
      object_id: group,
      object_type: 'Group',
      data: { text: 'Quarterly numbers are in.', referenceId },
      from_user_name: t.connector.name,
      from_user_phone: null,
    });
    // data-plane: no audit row per message
    const audits = await withDb(async (db) => (await db.query(`SELECT 1 FROM audit_events WHERE target_id = $1`, [group])).rowCount);
    expect(audits).toBe(0);
  });

  test('lenient JSON and `Message`; 4000 characters pass, 4001 are a 400 naming the field; no text is a 400', async ({ request }) => {
    const lenient = await call(request, 'POST', `/groups/${group}/messages`, t.tenant, `{Message:'hi'}`);
    expect(lenient.status()).toBe(200);
    expect((await messagesOf(group)).at(-1)).toMatchObject({ text: 'hi', sender_kind: 'connector' });

    expect((await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'x'.repeat(4000) })).status()).toBe(200);
    const long = await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'x'.repeat(4001) });
    expect(long.status()).toBe(400);
    expect(await long.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidParameters', message: 'message: A message can have at most 4000 characters.' });
    const longCap = await call(request, 'POST', `/groups/${group}/messages`, t.group, { Message: 'y'.repeat(4001) });
    expect((await longCap.json()).message).toContain('Message:');

    for (const body of [{}, { message: '   ' }, { message: 42 }]) {
      const bad = await call(request, 'POST', `/groups/${group}/messages`, t.group, body);
      expect(bad.status(), JSON.stringify(body)).toBe(400);
      expect((await bad.json()).message).toMatch(/^message: /);
    }
    expect((await messagesOf(group)).filter((m) => m.text.length > 4000)).toEqual([]);
  });

  test('a member token posts as that member; the list (ours) shows every sender, newest first, paged by cursor', async ({ request }) => {
    const asMember = await memberToken(request, t.connector, member);
    const posted = await call(request, 'POST', `/groups/${group}/messages`, asMember, { message: 'On my way' });
    expect(posted.status()).toBe(200);
    const { referenceId } = await posted.json();
    expect((await messagesOf(group)).at(-1)).toMatchObject({
      reference_id: referenceId,
      sender_kind: 'member',
      sender_phone: member,
      sender_name: 'Test Member',
    });
    expect((await eventsOf(group, 'TextMessageCreated')).at(-1)).toMatchObject({ from_user_phone: member, from_user_name: 'Test Member' });

    const first = await call(request, 'GET', `/groups/${group}/messages?count=2`, t.group);
    expect(first.status()).toBe(200);
    expect(Number(first.headers()['x-sql-statements'])).toBe(1);
    const page1 = await first.json();
    expect(page1.messages).toEqual([
      { referenceId, message: 'On my way', sender: { type: 'Member', name: 'Test Member', mobileNumber: member }, createdAt: expect.any(Number) },
      { referenceId: expect.any(String), message: 'x'.repeat(4000), sender: { type: 'Connector', name: t.connector.name }, createdAt: expect.any(Number) },
    ]);
    expect(Math.abs(page1.messages[0].createdAt - Date.now())).toBeLessThan(60_000);
    expect(page1.cursor).toEqual(expect.any(String));

    const second = await (await call(request, 'GET', `/groups/${group}/messages?count=2&cursor=${page1.cursor}`, t.group)).json();
    expect(second.messages.map((m: { message: string }) => m.message)).toEqual(['hi', 'Quarterly numbers are in.']);
    expect(second.cursor).toBeUndefined();

    const made = await call(request, 'GET', `/groups/${group}/messages?cursor=bm9wZQ`, t.group);
    expect(made.status()).toBe(400);
    expect(await made.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidCursor' });
  });

  test('targeting: ConnectGroups only (400), admins only (403); targeted numbers that do not subscribe are reported', async ({ request }) => {
    const plain = await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'to all', sendToAllSubscribers: true });
    expect(plain.status()).toBe(400);
    expect(await plain.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotConnectGroup' });
    const plainList = await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'to one', subscribers: [member] });
    expect(plainList.status()).toBe(400);

    const [cgAdmin, cgMember, sub1, sub2, stranger] = [newPhoneNumber(), newPhoneNumber(), newPhoneNumber(), newPhoneNumber(), newPhoneNumber()];
    const cg = await makeGroupWith({ tenant: contoso, groupType: 'ConnectGroup', admin: cgAdmin, members: [cgMember] });
    await withDb((db) =>
      db.query(`INSERT INTO group_members (group_id, e164, display_name, role) VALUES ($1, $2, 'S1', 'Subscriber'), ($1, $3, 'S2', 'Subscriber')`, [
        cg,
        sub1,
        sub2,
      ]),
    );
    const asCgMember = await memberToken(request, t.connector, cgMember);
    const denied = await call(request, 'POST', `/groups/${cg}/messages`, asCgMember, { message: 'hello all', sendToAllSubscribers: 'true' });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotGroupAdmin' });
    // a plain message from a member stays with the admins and members
    expect((await call(request, 'POST', `/groups/${cg}/messages`, asCgMember, { message: 'internal' })).status()).toBe(200);
    // a subscriber cannot post at all
    const asSub = await memberToken(request, t.connector, sub1);
    const subPost = await call(request, 'POST', `/groups/${cg}/messages`, asSub, { message: 'me too' });
    expect(subPost.status()).toBe(403);
    expect(await subPost.json()).toEqual({ ...ERROR_BODY, errorCode: 'SubscriberCannotPost' });

    const asCgAdmin = await memberToken(request, t.connector, cgAdmin);
    expect((await call(request, 'POST', `/groups/${cg}/messages`, asCgAdmin, { message: 'to everyone', sendToAllSubscribers: true })).status()).toBe(200);
    const targeted = await call(request, 'POST', `/groups/${cg}/messages`, asCgAdmin, { message: 'just you', subscribers: [sub2, stranger, 'nope'] });
    expect(targeted.status()).toBe(200);
    expect(await targeted.json()).toEqual({
      referenceId: expect.any(String),
      failedResult: [
        { mobileNumber: 'nope', errorCode: 'InvalidPhone', errorReason: expect.any(String) },
        { mobileNumber: stranger, errorCode: 'SubscriberNotFound', errorReason: expect.any(String) },
      ],
    });
    expect((await messagesOf(cg)).map((m) => [m.text, m.subscribers])).toEqual([
      ['internal', []],
      ['to everyone', null],
      ['just you', [sub2]],
    ]);
    // each subscriber's token lists only what reached that number
    const seen = async (token: string) =>
      ((await (await call(request, 'GET', `/groups/${cg}/messages`, token)).json()).messages as { message: string }[]).map((m) => m.message);
    expect(await seen(asSub)).toEqual(['to everyone']);
    expect(await seen(await memberToken(request, t.connector, sub2))).toEqual(['just you', 'to everyone']);
    expect(await seen(asCgAdmin)).toEqual(['just you', 'to everyone', 'internal']);
  });

  test('permission Text Message needed (403); other tenants and unknown groups 404 and nothing is written', async ({ request }) => {
    const noText = await platformTokens(request, group, ['groupinfo']);
    const forbidden = await call(request, 'POST', `/groups/${group}/messages`, noText.group, { message: 'nope' });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden', message: expect.stringContaining('Text Message') });
    expect((await call(request, 'GET', `/groups/${group}/messages`, noText.group)).status()).toBe(403);

    const before = (await messagesOf(DAVE_GROUP)).length;
    for (const [method, path] of [
      ['POST', `/groups/${DAVE_GROUP}/messages`],
      ['GET', `/groups/${DAVE_GROUP}/messages`],
      ['POST', `/groups/${randomUUID()}/messages`],
      ['POST', `/groups/not-a-group/messages`],
    ] as const) {
      const res = await call(request, method, path, t.tenant, method === 'POST' ? { message: 'hello' } : undefined);
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'GroupNotFound' });
    }
    expect((await messagesOf(DAVE_GROUP)).length).toBe(before);
  });

  test('Idempotency-Key: a retried post answers the same referenceId and creates one message and one event', async ({ request }) => {
    const key = `msg-${randomUUID()}`;
    const body = { message: `once ${key}` };
    const first = await call(request, 'POST', `/groups/${group}/messages`, t.group, body, { 'Idempotency-Key': key });
    expect(first.status()).toBe(200);
    const again = await call(request, 'POST', `/groups/${group}/messages`, t.group, `{message:'${body.message}'}`, { 'Idempotency-Key': key });
    expect(again.status()).toBe(200);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await messagesOf(group)).filter((m) => m.text === body.message)).toHaveLength(1);
    expect((await eventsOf(group, 'TextMessageCreated')).filter((e) => e.data.text === body.message)).toHaveLength(1);
  });

  test('member writes emit MemberAdded / MemberRemoved events in their transaction', async ({ request }) => {
    const members = await platformTokens(request, group, ['groupmember']);
    const [a, b] = [newPhoneNumber(), newPhoneNumber()];
    expect((await call(request, 'PUT', `/groups/${group}/members`, members.group, { members: [a, b, member] })).status()).toBe(200);
    const added = (await eventsOf(group, 'MemberAdded')).sort((x, y) => (String(x.data.member) < String(y.data.member) ? -1 : 1));
    // the number already in the group is not added again
    expect(added.map((e) => e.data)).toEqual(
      [a, b].map((n) => ({ member: n, memberName: expect.any(String), memberProfilePic: '', type: 'Member' })).sort((x, y) => (x.member < y.member ? -1 : 1)),
    );
    expect(added[0]!.from_user_name).toBe(members.connector.name);
    expect((await call(request, 'DELETE', `/groups/${group}/members/${encodeURIComponent(a)}`, members.group)).status()).toBe(200);
    expect((await eventsOf(group, 'MemberRemoved')).map((e) => e.data.member)).toEqual([a]);
  });
});
