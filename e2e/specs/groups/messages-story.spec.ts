import { accessTokenFor } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { makeConnector, makeGroupWith, makeUser, tenantId } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

/**
 * The conversation loop (issue 12): a connector posts over /v1, a member sees it appear in the group's
 * MESSAGES tab without a reload (polling) and answers there; the API then lists both. An org admin who is
 * not a member reads but has no Send box.
 */
test('[MESSAGES] a connector posts over the API, a member sees it in the MESSAGES tab and answers; the API lists both', async ({
  page,
  signIn,
  signedIn,
  request,
}, testInfo) => {
  const contoso = await tenantId('Contoso');
  const member = await makeUser({ name: 'mia' });
  const groupName = `Depot ${member.phone!.slice(-4)}`;
  const groupId = await makeGroupWith({ tenant: contoso, name: groupName, admin: newPhoneNumber() });
  await withDb((db) =>
    db.query(`INSERT INTO group_members (group_id, e164, display_name, role) VALUES ($1, $2, 'Mia Member', 'Member')`, [groupId, member.phone]),
  );
  const connector = await makeConnector({
    tenantId: contoso,
    ownerId: member.id,
    name: `Dispatch bot ${Date.now() % 100000}`,
    permissions: ['textmessage'],
    groupId,
    grantedBy: member.id,
  });
  const token = await accessTokenFor(request, connector, connector.refreshToken);

  await signIn(member);
  await page.goto(`/groups/${groupId}`);
  const tabs = page.getByRole('navigation', { name: 'Group sections' });
  await expect(tabs.getByRole('link')).toHaveText(['USERS', 'SUB GROUPS', 'ACTIONS', 'MESSAGES']);
  await tabs.getByRole('link', { name: 'MESSAGES' }).click();
  await expect(page.getByText('No messages yet')).toBeVisible();
  await saveScreenshot(page, testInfo, 'messages-tab-empty');

  // the connector posts; the open tab shows it without a reload
  const posted = await call(request, 'POST', `/groups/${groupId}/messages`, token, { message: 'Truck 7 arrives at 3 pm.\nDock B.' });
  expect(posted.status()).toBe(200);
  const conversation = page.getByRole('list', { name: 'Messages' });
  const fromConnector = conversation.getByRole('listitem').filter({ hasText: 'Truck 7 arrives at 3 pm.' });
  await expect(fromConnector).toContainText(connector.name);
  await expect(fromConnector).toContainText('Connector');

  // never cut: 4001 characters stay in the box with a field error; blank is refused too
  const box = page.getByLabel('Message', { exact: true });
  await box.fill('x'.repeat(4001));
  await expect(page.getByText('4,001 / 4,000')).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('A message can have at most 4000 characters.')).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveValue('x'.repeat(4001));
  await box.fill('   ');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Write a message first.')).toBeVisible();

  // the member answers with the keyboard (Enter sends)
  await box.fill('Thanks, I will be at dock B.');
  await box.press('Enter');
  const mine = conversation.getByRole('listitem').filter({ hasText: 'Thanks, I will be at dock B.' });
  await expect(mine).toContainText('You');
  await expect(mine).toContainText('Member');
  await expect(box).toHaveValue('');
  await expect(page.getByText('A message can have at most 4000 characters.')).toHaveCount(0);
  // newest last
  await expect(conversation.getByRole('listitem')).toHaveCount(2);
  await expect(conversation.getByRole('listitem').last()).toContainText('Thanks, I will be at dock B.');
  await saveScreenshot(page, testInfo, 'messages-tab-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(conversation.getByRole('listitem')).toHaveCount(2);
  await expect(box).toBeVisible();
  await saveScreenshot(page, testInfo, 'messages-tab-phone');

  const listed = await (await call(request, 'GET', `/groups/${groupId}/messages`, token)).json();
  expect(listed.messages.map((m: { message: string; sender: unknown }) => [m.message, m.sender])).toEqual([
    ['Thanks, I will be at dock B.', { type: 'Member', name: 'Mia Member', mobileNumber: member.phone }],
    ['Truck 7 arrives at 3 pm.\nDock B.', { type: 'Connector', name: connector.name }],
  ]);
  const event = await withDb(
    async (db) =>
      (
        await db.query(
          `SELECT data, from_user_phone FROM platform_events WHERE group_id = $1 AND event_type = 'TextMessageCreated' ORDER BY created_at DESC LIMIT 1`,
          [groupId],
        )
      ).rows[0],
  );
  expect(event).toEqual({ data: { text: 'Thanks, I will be at dock B.', referenceId: listed.messages[0].referenceId }, from_user_phone: member.phone });

  // an org admin who is not a member reads, but gets no Send box
  const orgAdmin = await signedIn({ orgAdmin: true });
  await orgAdmin.page.goto(`/groups/${groupId}/messages`);
  await expect(orgAdmin.page.getByRole('list', { name: 'Messages' }).getByRole('listitem')).toHaveCount(2);
  await expect(orgAdmin.page.getByText('Only the group’s admins and members can post.')).toBeVisible();
  await expect(orgAdmin.page.getByRole('button', { name: 'Send' })).toHaveCount(0);
});

test('[MESSAGES] a long conversation loads older messages on request; people outside the group get the not-found page', async ({ page, signIn, signedIn }) => {
  const contoso = await tenantId('Contoso');
  const member = await makeUser();
  const groupId = await makeGroupWith({ tenant: contoso, admin: member.phone! });
  await withDb((db) =>
    db.query(
      `INSERT INTO messages (tenant_id, group_id, sender_kind, sender_phone, sender_name, text, created_at)
       SELECT $1, $2, 'member', $3, 'Group Admin', 'Note ' || n, now() - (40 - n) * interval '1 minute' FROM generate_series(1, 35) n`,
      [contoso, groupId, member.phone],
    ),
  );
  await signIn(member);
  await page.goto(`/groups/${groupId}/messages`);
  const items = page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
  await expect(items).toHaveCount(30);
  await expect(items.last()).toContainText(/Note 35$/);
  await expect(items.first()).toContainText(/Note 6$/);
  // older messages load when the top of the conversation scrolls into view, or with the button (keyboards):
  // whichever comes first; the button may go away under the click when the scroll already loaded them
  const loadOlder = page.getByRole('button', { name: 'Load older messages' });
  await expect(async () => {
    if (await loadOlder.count()) await loadOlder.click({ timeout: 2_000 }).catch(() => undefined);
    await expect(items).toHaveCount(35, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(items.first()).toContainText(/Note 1$/);
  await expect(page.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);

  const outsider = await signedIn();
  const res = await outsider.page.goto(`/groups/${groupId}/messages`);
  expect(res?.status()).toBe(404);
  const feed = await outsider.page.request.get(`/api/groups/${groupId}/messages`);
  expect(feed.status()).toBe(404);
});
