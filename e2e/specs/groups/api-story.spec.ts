import { accessTokenFor } from '../../fixtures/api';
import { displayUs, newPhoneNumber } from '../../fixtures/data';
import { makeConnector, makeUser, makeUserGrant } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

/**
 * The loop between the platform API and the portal (issue 09): a connector creates a group with a member
 * over /v1, the group's admin finds it in the portal ("created by <connector>") and adds a member there,
 * and the API then lists both.
 */
test('[GROUPS] a group created over the API shows in the portal; a member added there is listed by the API', async ({ page, signIn, request }, testInfo) => {
  const admin = await makeUser();
  const connector = await makeConnector({
    tenantId: admin.tenantId,
    ownerId: admin.id,
    name: `CRM sync ${Date.now() % 100000}`,
    permissions: ['groupinfo', 'groupmember'],
  });
  const grant = await makeUserGrant({ connectorId: connector.id, user: admin });
  const token = await accessTokenFor(request, connector, grant.refreshToken);

  const first = newPhoneNumber();
  const name = `Field team ${first.slice(-4)}`;
  const created = await call(request, 'POST', '/groups', token, { name, welcomeMessage: 'Synced from the CRM', members: [first] });
  expect(created.status()).toBe(200);
  const { groupId } = await created.json();

  await signIn(admin);
  await page.goto('/groups');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`created by ${connector.name}`);
  await expect(row).toContainText('Admin');
  await saveScreenshot(page, testInfo, 'groups-created-by-connector');
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row', { name: displayUs(first) })).toContainText('Member');

  const second = newPhoneNumber();
  await page.getByLabel('Phone number').fill(second);
  await page.getByLabel('Name').fill('Sam Added');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(members.getByRole('row', { name: 'Sam Added' })).toContainText('Member');

  const listed = await (await call(request, 'GET', `/groups/${groupId}/members`, token)).json();
  expect(listed.members.map((m: { mobileNumber: string; role: string }) => [m.mobileNumber, m.role])).toEqual([
    [admin.phone, 'Admin'],
    ...[first, second].sort().map((n) => [n, 'Member']),
  ]);
});
