import { accessTokenFor, tokenHeaders } from '../../fixtures/api';
import { withDb } from '../../fixtures/db';
import { makeConnector, makeGroupWith } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

const audited = (action: string, targetId: string) =>
  withDb(async (db) => (await db.query('SELECT metadata, ip FROM audit_events WHERE action = $1 AND target_id = $2', [action, targetId])).rows);

test.describe('[CONNECTORS] edit and delete', () => {
  test('the owner renames a connector and edits its description; a name the organization already uses is refused', async ({ page, signIn }, testInfo) => {
    const me = await signIn({ name: 'renamer' });
    const taken = await makeConnector({ tenantId: me.tenantId, name: `Taken Name ${Date.now().toString(36)}` });
    const mine = await makeConnector({ tenantId: me.tenantId, ownerId: me.id, name: `Old Name ${Date.now().toString(36)}` });

    await page.goto(`/connectors/${mine.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit connector' });
    // same name in another case: refused under the field, which gets the focus
    await dialog.getByLabel('Connector Name').fill(taken.name.toUpperCase());
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.locator('#name-error')).toHaveText('Your organization already has a connector with this name. Pick another name.');
    await expect(dialog.getByLabel('Connector Name')).toBeFocused();
    await dialog.getByLabel('Connector Name').fill('x'.repeat(81));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.locator('#name-error')).toHaveText('The connector name can have at most 80 characters.');
    await saveScreenshot(page, testInfo, 'connector-edit-error');

    const newName = `New Name ${Date.now().toString(36)}`;
    await dialog.getByLabel('Connector Name').fill(newName);
    await dialog.getByLabel('Short Description').fill('Now does something else.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: newName })).toBeVisible();
    await expect(page.getByText('Now does something else.')).toBeVisible();
    expect((await audited('connector.updated', mine.id))[0].metadata).toEqual({
      name: { from: mine.name, to: newName },
      description: { from: 'Made by the e2e factory', to: 'Now does something else.' },
    });

    // the wizard refuses a taken name too, back on step 1 with the error under the name
    await page.goto('/connectors/new');
    await page.getByLabel('Connector Name').fill(newName.toLowerCase());
    await page.getByLabel('Short Description').fill('A second one.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('checkbox', { name: 'Group Information' }).check();
    await page.getByRole('button', { name: 'Create Connector' }).click();
    await expect(page.locator('#name-error')).toHaveText('Your organization already has a connector with this name. Pick another name.');
  });

  test('the connector page lists its groups; Remove (confirmed) ends its token there', async ({ page, signIn, request }) => {
    const admin = await signIn({ orgAdmin: true, name: 'grants' });
    const groupName = `Granted ${Date.now().toString(36)}`;
    const groupId = await makeGroupWith({ tenant: admin.tenantId, name: groupName });
    const c = await makeConnector({ tenantId: admin.tenantId, ownerId: admin.id, groupId, grantedBy: admin.id });

    await page.goto(`/connectors/${c.id}`);
    const list = page.getByRole('list', { name: 'Groups of this connector' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('link', { name: groupName })).toHaveAttribute('href', `/groups/${groupId}`);
    await list.getByRole('button', { name: `Remove from ${groupName}` }).click();
    await page
      .getByRole('dialog', { name: `Remove ${c.name} from ${groupName}?` })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect(page.getByText('Not added to any group yet.')).toBeVisible();
    const res = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect(res.status()).toBe(401);
  });
});

test.describe('[GROUPS] edit and delete', () => {
  test('a group admin renames the group, changes its welcome message, then deletes it: its connectors’ tokens stop working', async ({
    page,
    signIn,
    request,
  }, testInfo) => {
    const me = await signIn({ name: 'groupowner' });
    const name = `Doomed ${Date.now().toString(36)}`;
    const groupId = await makeGroupWith({ tenant: me.tenantId, name, admin: me.phone! });
    const c = await makeConnector({ tenantId: me.tenantId, groupId, permissions: ['Group Information'] });
    const accessToken = await accessTokenFor(request, c, c.refreshToken);
    expect((await call(request, 'GET', `/groups/${groupId}`, accessToken)).status()).toBe(200);

    await page.goto(`/groups/${groupId}`);
    await page.getByRole('button', { name: 'Edit group' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit group' });
    await edit.getByLabel('Group Name').fill('');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.locator('#group-name-error')).toHaveText('The group name needs at least 2 characters.');
    await expect(edit.getByLabel('Group Name')).toBeFocused();
    const renamed = `${name} renamed`;
    await edit.getByLabel('Group Name').fill(renamed);
    await edit.getByLabel('Welcome message').fill('Welcome, new people!');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('heading', { name: renamed })).toBeVisible();
    await expect(page.getByText('Welcome, new people!')).toBeVisible();

    await page.getByRole('button', { name: 'Delete group' }).click();
    const del = page.getByRole('dialog', { name: `Delete ${renamed}?` });
    await del.getByLabel('Group name').fill(name);
    await expect(del.getByRole('button', { name: 'Delete forever' })).toBeDisabled();
    await del.getByLabel('Group name').fill(renamed);
    await saveScreenshot(page, testInfo, 'group-delete');
    await del.getByRole('button', { name: 'Delete forever' }).click();
    await expect(page).toHaveURL(/\/groups$/);
    await expect(page.getByRole('link', { name: renamed })).toHaveCount(0);

    // the connector's access token and refresh token for the group stop working over /v1
    expect((await call(request, 'GET', `/groups/${groupId}`, accessToken)).status()).toBe(401);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) })).status()).toBe(401);
    const [event] = await audited('group.deleted', groupId);
    expect(event.metadata).toEqual({ name: renamed, grantsRevoked: 1 });
    expect(event.ip).toBeTruthy();
    await page.goto(`/groups/${groupId}`);
    await expect(page.getByRole('heading', { name: renamed })).toHaveCount(0);
  });
});
