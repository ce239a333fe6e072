import { randomUUID } from 'node:crypto';
import { withDb } from '../../fixtures/db';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { call, ERROR_BODY, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

const botEvents = (groupId: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{ event_type: string; data: Record<string, unknown> }>(
          `SELECT event_type, data FROM platform_events WHERE group_id = $1 AND data->>'type' = 'Bot' ORDER BY created_at`,
          [groupId],
        )
      ).rows,
  );

/** Bot users (kaizala-connectors.md §5.11, community endpoints): Text Message permission, posting only where added. */
test.describe.serial('[API] bots', () => {
  let group: string;
  let member: string;
  let t: TokenSet;
  let botId: string;
  let botToken: string;

  test.beforeAll(async ({ request }) => {
    member = newPhoneNumber();
    group = await makeGroupWith({ tenant: await tenantId('Contoso'), admin: newPhoneNumber(), members: [member] });
    t = await platformTokens(request, group, ['groupinfo', 'textmessage']);
  });

  test('create, list, rename: a bot belongs to its connector; every write is audited', async ({ request }) => {
    const made = await call(request, 'POST', '/bot', t.group, { name: 'Build Bot', profilePic: 'https://example.com/bot.png' });
    expect(made.status()).toBe(200);
    botId = (await made.json()).botUserId;
    expect(botId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(request, 'PUT', `/bot/${botId}`, t.tenant, { name: 'Deploy Bot' })).status()).toBe(200);
    const list = await (await call(request, 'GET', '/bot', t.group)).json();
    expect(list.bots).toEqual([
      {
        botUserId: botId,
        name: 'Deploy Bot',
        profilePic: 'https://example.com/bot.png',
        tenantId: await tenantId('Contoso'),
        creatorId: t.connector.id,
        creator: '',
        creatorName: t.connector.name,
        creatorProfilePic: '',
        status: 'Active',
      },
    ]);
    const audits = await withDb(
      async (db) => (await db.query<{ action: string }>(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY created_at`, [botId])).rows,
    );
    expect(audits.map((a) => a.action)).toEqual(['bot.created', 'bot.updated']);
    const blank = await call(request, 'POST', '/bot', t.group, { name: '  ' });
    expect(blank.status()).toBe(400);
    expect(await blank.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidParameters', message: 'name: Give the bot a name.' });
  });

  test('a bot token posts only after the bot was added to the group (403 before), as the bot', async ({ request }) => {
    const tokenRes = await call(request, 'GET', `/bot/accessToken/${botId}`, t.group);
    expect(tokenRes.status()).toBe(200);
    const minted = await tokenRes.json();
    expect(minted).toEqual({ accessToken: expect.any(String), accessTokenExpiry: expect.any(Number), scope: expect.stringContaining('textmessage') });
    expect(minted.accessTokenExpiry - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    botToken = minted.accessToken;

    const early = await call(request, 'POST', `/groups/${group}/messages`, botToken, { message: 'too early' });
    expect(early.status()).toBe(403);
    expect(await early.json()).toEqual({ ...ERROR_BODY, errorCode: 'BotNotInGroup' });

    // a member of the group is not an admin: cannot add bots
    const asMember = await memberToken(request, t.connector, member);
    const notAdmin = await call(request, 'POST', `/groups/${group}/bot`, asMember, { botUserId: botId });
    expect(notAdmin.status()).toBe(403);
    expect(await notAdmin.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotGroupAdmin' });

    const added = await call(request, 'POST', `/groups/${group}/bot`, t.group, { botUserId: botId });
    expect(added.status()).toBe(200);
    expect(await added.json()).toEqual({ result: 'true' });
    expect((await call(request, 'POST', `/groups/${group}/bot`, t.group, { botUserId: botId })).status()).toBe(200);
    expect(await botEvents(group)).toEqual([
      { event_type: 'MemberAdded', data: { member: botId, memberName: 'Deploy Bot', memberProfilePic: 'https://example.com/bot.png', type: 'Bot' } },
    ]);

    const posted = await call(request, 'POST', `/groups/${group}/messages`, botToken, { message: 'Build 42 is green' });
    expect(posted.status()).toBe(200);
    expect(Number(posted.headers()['x-sql-statements'])).toBeLessThanOrEqual(1);
    const list = await (await call(request, 'GET', `/groups/${group}/messages`, t.group)).json();
    expect(list.messages[0]).toMatchObject({ message: 'Build 42 is green', sender: { type: 'Bot', name: 'Deploy Bot' } });
    expect(list.messages.map((m: { message: string }) => m.message)).not.toContain('too early');
  });

  test('a bot token does nothing else (403); other connectors cannot see or use the bot (404); permission needed', async ({ request }) => {
    for (const [method, path] of [
      ['GET', `/groups/${group}`],
      ['GET', '/bot'],
      ['GET', `/bot/accessToken/${botId}`],
      ['GET', `/groups/${group}/messages`],
    ] as const) {
      const res = await call(request, method, path, botToken);
      expect(res.status(), path).toBe(403);
      expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'BotTokenNotAllowed' });
    }
    const other = await platformTokens(request, group, ['textmessage']);
    for (const res of [
      await call(request, 'GET', `/bot/accessToken/${botId}`, other.group),
      await call(request, 'POST', `/groups/${group}/bot`, other.group, { botUserId: botId }),
      await call(request, 'PUT', `/bot/${botId}`, other.group, { name: 'Mine now' }),
      await call(request, 'DELETE', `/bot/${randomUUID()}`, other.group),
    ]) {
      expect(res.status()).toBe(404);
      expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'BotNotFound' });
    }
    expect((await (await call(request, 'GET', '/bot', other.group)).json()).bots).toEqual([]);
    const noText = await platformTokens(request, group, ['groupinfo']);
    const denied = await call(request, 'POST', '/bot', noText.group, { name: 'x' });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden', message: expect.stringContaining('Text Message') });
  });

  test('deleting a bot takes it out of its groups (MemberRemoved) and its token stops posting', async ({ request }) => {
    const del = await call(request, 'DELETE', `/bot/${botId}`, t.group);
    expect(del.status()).toBe(200);
    expect((await botEvents(group)).map((e) => e.event_type)).toEqual(['MemberAdded', 'MemberRemoved']);
    const after = await call(request, 'POST', `/groups/${group}/messages`, botToken, { message: 'ghost' });
    expect(after.status()).toBe(403);
    expect(await after.json()).toEqual({ ...ERROR_BODY, errorCode: 'BotNotInGroup' });
    expect((await call(request, 'GET', `/bot/accessToken/${botId}`, t.group)).status()).toBe(404);
    expect((await (await call(request, 'GET', '/bot', t.group)).json()).bots).toEqual([]);
  });
});
