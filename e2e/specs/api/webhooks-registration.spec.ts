import { randomUUID } from 'node:crypto';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { call, ERROR_BODY, platformTokens, type TokenSet } from '../../fixtures/platform';
import { startReceiver, type Receiver } from '../../fixtures/webhooks';
import { expect, test } from '../../fixtures/test';

/** POST/GET/PUT/DELETE /v1/webhook with the validation handshake (kaizala-connectors.md §6.1–§6.2). */
test.describe.serial('[API] webhook registration', () => {
  let group: string;
  let other: string;
  let t: TokenSet;
  let rx: Receiver;

  test.beforeAll(async ({ request }) => {
    const contoso = await tenantId('Contoso');
    group = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber() });
    other = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber() });
    t = await platformTokens(request, group, ['groupinfo', 'webhook', 'action']);
    rx = await startReceiver();
  });
  test.afterAll(async () => rx?.close());

  const body = (over: Record<string, unknown> = {}) => ({
    objectId: group,
    objectType: 'Group',
    eventTypes: ['TextMessageCreated', 'MemberAdded'],
    callBackUrl: rx.url,
    callBackToken: 'tok-123',
    callBackContext: { crm: 'acme' },
    ...over,
  });

  test('POST validates the URL first (GET ?validationToken echoed as plain text), then answers { webhookId, secret }', async ({ request }) => {
    rx.answer(() => undefined);
    const before = rx.received.length;
    const res = await call(request, 'POST', '/webhook', t.group, body());
    expect(res.status(), await res.text()).toBe(200);
    const json = await res.json();
    expect(json).toEqual({ webhookId: expect.any(String), secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{40,}$/) });
    const handshake = rx.received.slice(before);
    expect(handshake).toHaveLength(1);
    expect(handshake[0]!.method).toBe('GET');
    expect(new URL(handshake[0]!.url, 'http://x').searchParams.get('validationToken')).toMatch(/^[\w-]{20,}$/);

    const list = await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, t.group);
    expect(list.status()).toBe(200);
    const { webhooks } = await list.json();
    expect(webhooks).toEqual([
      {
        id: json.webhookId,
        objectId: group,
        objectType: 'Group',
        events: ['TextMessageCreated', 'MemberAdded'],
        filters: [],
        callbackUrl: rx.url,
        callbackToken: 'tok-123',
        ts: expect.any(Number),
        validity: expect.any(Number),
        active: true,
      },
    ]);
    // default validity: 2 years
    expect(webhooks[0].validity - webhooks[0].ts).toBeGreaterThan(729 * 86_400_000);
    // the secrets are encrypted at rest
    const row = await withDb(async (db) => (await db.query('SELECT secret_enc, callback_token_enc FROM webhooks WHERE id = $1', [json.webhookId])).rows[0]);
    expect(row.secret_enc).not.toContain(json.secret.slice(6));
    expect(row.callback_token_enc).not.toContain('tok-123');
  });

  test('a wrong echo is a 400 saying what the receiver answered; nothing is registered', async ({ request }) => {
    rx.answer((r) => (r.method === 'GET' ? { status: 200, body: 'hello there' } : undefined));
    const res = await call(request, 'POST', '/webhook', t.group, body({ eventTypes: ['MemberRemoved'] }));
    expect(res.status()).toBe(400);
    const err = await res.json();
    expect(err).toEqual(ERROR_BODY);
    expect(err.message).toContain('answered 200 with "hello there"');

    rx.answer((r) => (r.method === 'GET' ? { status: 404, body: 'Not Found' } : undefined));
    const notFound = await (await call(request, 'POST', '/webhook', t.group, body())).json();
    expect(notFound.message).toContain('answered 404 with "Not Found"');
    const list = await (await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, t.group)).json();
    expect(list.webhooks).toHaveLength(1);
  });

  test('an echo slower than 5 s is a 400 naming the time-out', async ({ request }) => {
    rx.answer((r) => (r.method === 'GET' ? { delayMs: 6_500 } : undefined));
    const res = await call(request, 'POST', '/webhook', t.group, body());
    expect(res.status()).toBe(400);
    expect((await res.json()).message).toContain('no answer within 5 s');
    rx.answer(() => undefined);
  });

  test('non-HTTPS URLs (other than localhost in dev/test), credentials in the URL and unreachable hosts are refused', async ({ request }) => {
    for (const [url, text] of [
      ['http://example.com/hook', 'must be an HTTPS URL'],
      ['ftp://localhost/hook', 'must be an HTTPS URL'],
      ['https://user:pw@localhost/hook', 'user name or password'],
      ['not a url', 'not a valid URL'],
      ['http://localhost:1/hook', 'could not connect'],
    ]) {
      const res = await call(request, 'POST', '/webhook', t.group, body({ callBackUrl: url }));
      expect(res.status(), url).toBe(400);
      expect((await res.json()).message, url).toContain(text);
    }
  });

  test('bad bodies are 400s naming the field', async ({ request }) => {
    const bad = await call(request, 'POST', '/webhook', t.group, body({ eventTypes: ['Nope'] }));
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain('TextMessageCreated');
    const none = await call(request, 'POST', '/webhook', t.group, body({ eventTypes: [] }));
    expect(none.status()).toBe(400);
    const lenient = await call(
      request,
      'POST',
      '/webhook',
      t.group,
      `{objectId:'${group}',objectType:'Group',eventTypes:['JobCreated'],callBackUrl:'${rx.url}'}`,
    );
    expect(lenient.status(), await lenient.text()).toBe(200);
  });

  test('reach: a group outside the token’s reach is 404, an action of its group works, ActionPackage is 404', async ({ request }) => {
    const outside = await call(request, 'POST', '/webhook', t.group, body({ objectId: other }));
    expect(outside.status()).toBe(404);
    expect(await outside.json()).toEqual(ERROR_BODY);
    expect(rx.received.filter((r) => r.method === 'GET').length).toBeGreaterThan(0);

    const action = await call(request, 'POST', `/groups/${group}/actions`, t.group, {
      actionType: 'Poll',
      actionBody: { question: 'Lunch?', choices: [{ title: 'Pizza' }, { title: 'Soup' }] },
    });
    expect(action.status(), await action.text()).toBe(200);
    const { actionId } = await action.json();
    const onAction = await call(request, 'POST', '/webhook', t.group, body({ objectId: actionId, objectType: 'Action', eventTypes: ['ActionResponse'] }));
    expect(onAction.status(), await onAction.text()).toBe(200);
    const list = await (await call(request, 'GET', `/webhook?objectId=${actionId}&objectType=Action`, t.group)).json();
    expect(list.webhooks.map((w: { objectType: string }) => w.objectType)).toEqual(['Action']);

    expect((await call(request, 'POST', '/webhook', t.group, body({ objectId: randomUUID(), objectType: 'Action' }))).status()).toBe(404);
    expect((await call(request, 'POST', '/webhook', t.group, body({ objectId: randomUUID(), objectType: 'ActionPackage' }))).status()).toBe(404);
  });

  test('a token without Outgoing Webhooks gets 403', async ({ request }) => {
    const noHooks = await platformTokens(request, group, ['groupinfo']);
    const res = await call(request, 'POST', '/webhook', noHooks.group, body());
    expect(res.status()).toBe(403);
    expect((await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, noHooks.group)).status()).toBe(403);
  });

  test('PUT changes any subset (Active "false"/"true"), DELETE removes; other connectors’ webhooks are 404', async ({ request }) => {
    const { webhooks } = await (await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, t.group)).json();
    const id = webhooks[0].id as string;
    expect((await call(request, 'PUT', `/webhook/${id}`, t.group, { Active: 'false', eventTypes: ['MemberRemoved'] })).status()).toBe(200);
    let item = (await (await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, t.group)).json()).webhooks[0];
    expect(item).toMatchObject({ id, active: false, events: ['MemberRemoved'] });
    expect((await call(request, 'PUT', `/webhook/${id}`, t.group, { Active: 'true', callBackToken: 'tok-456' })).status()).toBe(200);
    item = (await (await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, t.group)).json()).webhooks[0];
    expect(item).toMatchObject({ id, active: true, callbackToken: 'tok-456' });

    const stranger = await platformTokens(request, group, ['groupinfo', 'webhook']);
    expect((await call(request, 'PUT', `/webhook/${id}`, stranger.group, { Active: 'false' })).status()).toBe(404);
    expect((await call(request, 'DELETE', `/webhook/${id}`, stranger.group)).status()).toBe(404);
    expect(await (await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, stranger.group)).json()).toEqual({ webhooks: [] });

    const del = await call(request, 'DELETE', `/webhook/${id}`, t.group);
    expect(del.status()).toBe(200);
    expect(await del.json()).toEqual({ result: 'true' });
    const after = (await (await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, t.group)).json()).webhooks;
    expect(after.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await call(request, 'DELETE', `/webhook/${id}`, t.group)).status()).toBe(404);
    const audit = await withDb(async (db) =>
      (await db.query('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY created_at', [id])).rows.map((r) => r.action),
    );
    expect(audit).toEqual(['webhook.created', 'webhook.updated', 'webhook.enabled', 'webhook.deleted']);
  });
});
