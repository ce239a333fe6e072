import { Webhook } from 'standardwebhooks';
import { accessTokenFor } from '../../fixtures/api';
import { withDb } from '../../fixtures/db';
import { makeConnector, makeGroupWith, makeUser, tenantId } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { startReceiver } from '../../fixtures/webhooks';
import { expect, test } from '../../fixtures/test';

/**
 * Webhooks end to end (issue 13): a connector registers a webhook on a group, a member posts in the portal,
 * the receiver gets the signed TextMessageCreated; the group admin sees it in the WEBHOOKS tab's delivery
 * log and redelivers it (same eventId); the owner reveals and rotates the secret (both signatures sent).
 */
test('[WEBHOOKS] register on a group, a member posts in the portal, the receiver gets it, the log shows it, Redeliver sends it again', async ({
  page,
  signIn,
  signedIn,
  request,
}, testInfo) => {
  test.slow();
  const contoso = await tenantId('Contoso');
  const admin = await makeUser({ name: 'ada' });
  const member = await makeUser({ name: 'mia' });
  const groupName = `Yard ${member.phone!.slice(-4)}`;
  const groupId = await makeGroupWith({ tenant: contoso, name: groupName, admin: admin.phone! });
  await withDb((db) =>
    db.query(`INSERT INTO group_members (group_id, e164, display_name, role) VALUES ($1, $2, 'Mia Member', 'Member')`, [groupId, member.phone]),
  );
  const connector = await makeConnector({
    tenantId: contoso,
    ownerId: admin.id,
    name: `Yard sync ${Date.now() % 100000}`,
    permissions: ['textmessage', 'webhook'],
    groupId,
    grantedBy: admin.id,
  });
  const token = await accessTokenFor(request, connector, connector.refreshToken);
  const rx = await startReceiver();
  const reg = await call(request, 'POST', '/webhook', token, {
    objectId: groupId,
    objectType: 'Group',
    eventTypes: ['TextMessageCreated'],
    callBackUrl: rx.url,
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const { webhookId, secret } = await reg.json();

  // the member posts in the MESSAGES tab
  await signIn(member);
  await page.goto(`/groups/${groupId}/messages`);
  const box = page.getByLabel('Message', { exact: true });
  await box.fill('Gate 3 is open.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'Gate 3 is open.' })).toBeVisible();
  // a member has no WEBHOOKS tab
  await expect(page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: 'WEBHOOKS' })).toHaveCount(0);

  await expect.poll(() => rx.posts().length).toBe(1);
  const first = rx.posts()[0]!;
  expect(first.json).toMatchObject({
    eventType: 'TextMessageCreated',
    objectId: groupId,
    data: { text: 'Gate 3 is open.' },
    fromUser: member.phone,
    fromUserName: 'Mia Member',
  });
  expect(new Webhook(secret).verify(first.body, first.headers as Record<string, string>)).toEqual(first.json);

  // the group admin (also the connector's owner) opens WEBHOOKS
  const { page: adminPage } = await signedIn(admin);
  await adminPage.goto(`/groups/${groupId}`);
  await adminPage.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: 'WEBHOOKS' }).click();
  const item = adminPage.getByRole('listitem', { name: `Webhook ${rx.url}` });
  await expect(item).toContainText('Active');
  await expect(item).toContainText('TextMessageCreated');
  await expect(item).toContainText(connector.name);
  await expect(item).toContainText('100 %');
  await saveScreenshot(adminPage, testInfo, 'webhooks-group-tab');

  await item.getByRole('link', { name: 'Delivery log' }).click();
  await expect(adminPage.getByRole('heading', { name: 'Webhook delivery log' })).toBeVisible();
  const eventId = first.json!.eventId as string;
  const row = adminPage.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: eventId });
  await expect(row).toContainText('TextMessageCreated');
  await expect(row).toContainText('succeeded');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expect(row.getByRole('cell').nth(3)).toHaveText('200');
  await saveScreenshot(adminPage, testInfo, 'webhooks-delivery-log');

  await row.getByRole('button', { name: `Redeliver TextMessageCreated ${eventId}` }).click();
  await expect.poll(() => rx.posts().length).toBe(2);
  expect(rx.posts()[1]!.json!.eventId).toBe(eventId);
  expect(rx.posts()[1]!.headers['webhook-id']).toBe(eventId);
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');

  // Send test event: a signed WebhookTest delivery shows up in the log
  await adminPage.getByRole('button', { name: 'Send test event' }).click();
  await expect.poll(() => rx.posts().filter((p) => p.json!.eventType === 'WebhookTest').length).toBe(1);
  await expect(adminPage.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: 'WebhookTest' })).toContainText('succeeded');

  // the owner reveals and rotates the signing secret (audited); during the overlap both signatures are sent
  await adminPage.getByRole('button', { name: 'Show signing secret' }).click();
  await expect(adminPage.getByTestId('webhook-secret')).toHaveText(secret);
  await adminPage.getByRole('button', { name: 'Rotate secret' }).click();
  await expect(adminPage.getByTestId('webhook-secret')).not.toHaveText(secret);
  const rotated = (await adminPage.getByTestId('webhook-secret').textContent())!;
  await adminPage.getByRole('button', { name: 'Send test event' }).click();
  await expect.poll(() => rx.posts().filter((p) => p.json!.eventType === 'WebhookTest').length).toBe(2);
  const afterRotation = rx.posts().filter((p) => p.json!.eventType === 'WebhookTest')[1]!;
  expect(String(afterRotation.headers['webhook-signature']).split(' ')).toHaveLength(2);
  for (const s of [secret, rotated])
    expect(new Webhook(s).verify(afterRotation.body, afterRotation.headers as Record<string, string>)).toEqual(afterRotation.json);
  const audit = await withDb(async (db) =>
    (await db.query('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY created_at', [webhookId])).rows.map((r) => r.action),
  );
  expect(audit).toEqual(
    expect.arrayContaining(['webhook.created', 'webhook.redelivered', 'webhook.test_sent', 'webhook.secret_revealed', 'webhook.secret_rotated']),
  );

  // the connector page lists it for the owner
  await adminPage.goto(`/connectors/${connector.id}`);
  await expect(adminPage.getByRole('listitem', { name: `Webhook ${rx.url}` })).toContainText(groupName);
  await rx.close();
});
