import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { call, platformTokens } from '../../fixtures/platform';
import { deliveriesOf, pauseAppWorker, startReceiver, startWorkerProcess } from '../../fixtures/webhooks';
import { expect, test } from '../../fixtures/test';

/**
 * `npm run worker` shares the queue: a worker killed with SIGKILL in the middle of a delivery leaves a
 * lease that expires, and the delivery is made again (same eventId) — never lost, never stuck.
 */
test('[API] kill -9 of a standalone worker mid-delivery: delivered again after its lease expires, exactly once more', async ({ request }) => {
  test.setTimeout(120_000);
  const group = await makeGroupWith({ tenant: await tenantId('Contoso'), admin: newPhoneNumber() });
  const t = await platformTokens(request, group, ['groupinfo', 'textmessage', 'webhook']);
  const rx = await startReceiver();
  const reg = await call(request, 'POST', '/webhook', t.group, {
    objectId: group,
    objectType: 'Group',
    eventTypes: ['TextMessageCreated'],
    callBackUrl: rx.url,
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const { webhookId } = await reg.json();

  // only the standalone worker takes deliveries until it is killed; its first POST is never answered
  await pauseAppWorker(request, true);
  try {
    const worker = await startWorkerProcess({ WEBHOOK_LEASE_MS: '12000' });
    rx.answer((r) => (r.method === 'POST' && rx.posts().length === 1 ? { hang: true } : undefined));
    expect((await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'survive the crash' })).status()).toBe(200);
    await expect.poll(() => rx.posts().length).toBe(1);
    const [leased] = await deliveriesOf(webhookId);
    expect(leased).toMatchObject({ state: 'pending', attempts: 0 });
    expect(leased!.lease_until).not.toBeNull();
    await worker.kill9();
  } finally {
    await pauseAppWorker(request, false);
  }
  // the app's worker claims it once the dead worker's lease has expired
  await expect.poll(() => rx.posts().length, { timeout: 45_000 }).toBe(2);
  await expect.poll(async () => (await deliveriesOf(webhookId))[0]?.state, { timeout: 15_000 }).toBe('succeeded');
  const [first, second] = rx.posts();
  expect(second!.json!.eventId).toBe(first!.json!.eventId);
  expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
  expect((await deliveriesOf(webhookId))[0]).toMatchObject({ attempts: 1, last_status: 200 });
  expect(rx.posts()).toHaveLength(2);
  await rx.close();
});
