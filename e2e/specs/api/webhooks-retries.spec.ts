import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { call, platformTokens, type TokenSet } from '../../fixtures/platform';
import { deliveriesOf, makeDue, startReceiver, webhookRow, type Receiver } from '../../fixtures/webhooks';
import { expect, test } from '../../fixtures/test';

/**
 * Retries (product.md §8): ≈ 5 s, 5 min, 30 min, 2 h, 10 h, 35 h (± 10 %), then the delivery fails and the
 * webhook is disabled (audited); 410 disables at once; Retry-After pushes a retry later. The clock: waiting
 * retries are made due by the test (fixtures/webhooks.ts makeDue) after checking when they were scheduled.
 */
const attemptRows = (deliveryId: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{ attempt_no: number; started_at: Date; latency_ms: number; status_code: number | null; next_attempt_at: Date | null }>(
          'SELECT attempt_no, started_at, latency_ms, status_code, next_attempt_at FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt_no',
          [deliveryId],
        )
      ).rows,
  );
const auditOf = (webhookId: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{ action: string; metadata: Record<string, unknown> }>(
          'SELECT action, metadata FROM audit_events WHERE target_id = $1 ORDER BY created_at',
          [webhookId],
        )
      ).rows,
  );

test.describe.serial('[API] webhook retries', () => {
  let group: string;
  let t: TokenSet;
  let rx: Receiver;

  test.beforeAll(async ({ request }) => {
    group = await makeGroupWith({ tenant: await tenantId('Contoso'), admin: newPhoneNumber() });
    t = await platformTokens(request, group, ['groupinfo', 'textmessage', 'webhook']);
    rx = await startReceiver();
  });
  test.afterAll(async () => rx?.close());

  const register = async (request: Parameters<typeof call>[0], url = rx.url) => {
    const res = await call(request, 'POST', '/webhook', t.group, {
      objectId: group,
      objectType: 'Group',
      eventTypes: ['TextMessageCreated'],
      callBackUrl: url,
    });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()).webhookId as string;
  };
  const post = async (request: Parameters<typeof call>[0], message: string) =>
    expect((await call(request, 'POST', `/groups/${group}/messages`, t.group, { message })).status()).toBe(200);

  test('a failing receiver is retried on the schedule with the same eventId, then the webhook is disabled and audited; Active "true" re-enables it', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const hookId = await register(request);
    rx.answer((r) => (r.method === 'POST' ? { status: 500, body: 'boom' } : undefined));
    await post(request, 'retry me');
    const expected = [5, 300, 1_800, 7_200, 36_000, 126_000];
    await expect.poll(async () => (await deliveriesOf(hookId))[0]?.attempts).toBeGreaterThanOrEqual(1);
    const [delivery] = await deliveriesOf(hookId);
    for (let n = 1; n <= 7; n++) {
      await expect.poll(async () => (await attemptRows(delivery!.id)).length, { message: `attempt ${n}` }).toBeGreaterThanOrEqual(n);
      const a = (await attemptRows(delivery!.id))[n - 1]!;
      expect(a.status_code).toBe(500);
      if (n < 7) {
        const after = (new Date(a.next_attempt_at!).getTime() - new Date(a.started_at).getTime() - a.latency_ms) / 1000;
        expect(after, `delay after attempt ${n}`).toBeGreaterThanOrEqual(expected[n - 1]! * 0.9 - 0.05);
        expect(after, `delay after attempt ${n}`).toBeLessThanOrEqual(expected[n - 1]! * 1.1 + 1);
        if (n > 1) await makeDue(hookId); // the 5 s retry comes by itself; the later ones are made due
      } else {
        expect(a.next_attempt_at).toBeNull();
      }
    }
    const posts = rx.posts();
    expect(posts).toHaveLength(7);
    expect(new Set(posts.map((p) => p.json!.eventId)).size).toBe(1);
    expect(new Set(posts.map((p) => p.headers['webhook-id'])).size).toBe(1);
    await expect.poll(async () => webhookRow(hookId)).toEqual({ active: false, disabled_reason: 'failing' });
    expect((await deliveriesOf(hookId))[0]).toMatchObject({ state: 'failed', attempts: 7 });
    expect((await auditOf(hookId)).map((a) => a.action)).toContain('webhook.disabled');
    const listed = (await (await call(request, 'GET', `/webhook?objectId=${group}&objectType=Group`, t.group)).json()).webhooks;
    expect(listed.find((w: { id: string }) => w.id === hookId).active).toBe(false);

    // disabled: new events are not queued for it
    await post(request, 'while disabled');
    expect(await deliveriesOf(hookId)).toHaveLength(1);

    rx.answer(() => undefined);
    expect((await call(request, 'PUT', `/webhook/${hookId}`, t.group, { Active: 'true' })).status()).toBe(200);
    await post(request, 'back again');
    await expect.poll(() => rx.posts().filter((p) => (p.json!.data as { text: string }).text === 'back again').length).toBe(1);
    expect(await webhookRow(hookId)).toEqual({ active: true, disabled_reason: null });
    await call(request, 'DELETE', `/webhook/${hookId}`, t.group);
  });

  test('410 Gone disables the webhook at once, after one attempt', async ({ request }) => {
    const hookId = await register(request);
    rx.answer((r) => (r.method === 'POST' ? { status: 410 } : undefined));
    await post(request, 'gone?');
    await expect.poll(async () => webhookRow(hookId)).toEqual({ active: false, disabled_reason: 'gone' });
    expect(await deliveriesOf(hookId)).toEqual([expect.objectContaining({ state: 'failed', attempts: 1, last_status: 410 })]);
    expect((await auditOf(hookId)).find((a) => a.action === 'webhook.disabled')?.metadata).toMatchObject({ reason: 'gone' });
    await call(request, 'DELETE', `/webhook/${hookId}`, t.group);
  });

  test('Retry-After from the receiver pushes the retry later (never earlier than the schedule)', async ({ request }) => {
    const hookId = await register(request);
    rx.answer((r) => (r.method === 'POST' ? { status: 503, headers: { 'Retry-After': '600' } } : undefined));
    await post(request, 'busy');
    await expect.poll(async () => (await deliveriesOf(hookId))[0]?.attempts).toBe(1);
    const [d] = await deliveriesOf(hookId);
    const [a] = await attemptRows(d!.id);
    const after = (new Date(a!.next_attempt_at!).getTime() - new Date(a!.started_at).getTime() - a!.latency_ms) / 1000;
    expect(after).toBeGreaterThanOrEqual(599);
    expect(after).toBeLessThanOrEqual(601);
    await call(request, 'DELETE', `/webhook/${hookId}`, t.group);
  });

  test('a receiver that never answers holds only its own slots: another webhook on the group gets every event', async ({ request }) => {
    const hanging = await startReceiver();
    hanging.answer((r) => (r.method === 'POST' ? { hang: true } : undefined));
    rx.answer(() => undefined);
    const slow = await register(request, hanging.url);
    const healthy = await register(request);
    const before = rx.posts().length;
    for (let i = 0; i < 12; i++) await post(request, `burst ${i}`);
    await expect.poll(() => rx.posts().length - before).toBe(12);
    // the hanging one got at most its per-endpoint cap (8) while the healthy one got all 12
    expect(hanging.posts().length).toBeLessThanOrEqual(8);
    expect(hanging.posts().length).toBeGreaterThan(0);
    await call(request, 'DELETE', `/webhook/${slow}`, t.group);
    await call(request, 'DELETE', `/webhook/${healthy}`, t.group);
    await hanging.close();
  });
});
