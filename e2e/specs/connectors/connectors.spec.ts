import { withDb } from '../../fixtures/db';
import { makeConnector } from '../../fixtures/factory';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';
import { ConnectorDetailsPage, ConnectorsPage } from '../../pages/connectors-page';

const auditCount = (action: string, targetId: string) =>
  withDb(
    async (db) => (await db.query('SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND target_id = $2', [action, targetId])).rows[0].n as number,
  );

test.describe('[CONNECTORS]', () => {
  test('a developer creates a connector with the wizard and gets its ID, Secret and a curl example', async ({ page, context, baseURL, signIn }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await signIn({ name: 'dev' });

    const connectors = new ConnectorsPage(page);
    await connectors.goto();
    await expect(page.getByText('You have not created a connector yet')).toBeVisible();
    await saveScreenshot(page, testInfo, 'connectors-empty');

    await page.getByRole('main').getByRole('link', { name: 'New Connector' }).first().click();
    await expect(page).toHaveURL(/\/connectors\/new/);
    // step 1 validates before moving on
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#name-error')).toHaveText('The connector name needs at least 3 characters.');
    await expect(page.locator('#description-error')).toHaveText('Add a short description of what the connector does.');
    await page.getByLabel('Connector Name').fill('Ticket Bot');
    await page.getByLabel('Short Description').fill('Opens support tickets from group messages.');
    await page.getByLabel('Redirect URL (optional)').fill('ftp://example.com/cb');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#redirectUrl-error')).toContainText('https://');
    await page.getByLabel('Redirect URL (optional)').fill('https://tickets.example.com/oauth/callback');
    await saveScreenshot(page, testInfo, 'connector-wizard-details');
    await page.getByRole('button', { name: 'Continue' }).click();

    // step 2: the nine permissions plus Connections, each explained; at least one is required
    const boxes = page.getByRole('checkbox');
    await expect(boxes).toHaveCount(10);
    for (const name of [
      'Group Information',
      'Group Member List',
      'Text Message',
      'Action & Responses',
      'User Profile',
      'Media',
      'Outgoing Webhooks',
      'Tenant Data',
      'Reactions',
      'Connections',
    ]) {
      await expect(page.getByRole('checkbox', { name })).toBeVisible();
    }
    await page.getByRole('button', { name: 'Create Connector' }).click();
    await expect(page.locator('#permissions-error')).toHaveText('Select at least one permission.');
    await page.getByRole('checkbox', { name: 'Group Information' }).check();
    await page.getByRole('checkbox', { name: 'Text Message' }).check();
    await saveScreenshot(page, testInfo, 'connector-wizard-permissions');
    await page.getByRole('button', { name: 'Create Connector' }).click();

    await expect(page.getByRole('heading', { name: 'Connector “Ticket Bot” created' })).toBeVisible();
    const id = (await page.getByTestId('created-connector-id').innerText()).trim();
    const secret = (await page.getByTestId('created-connector-secret').innerText()).trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(secret).toMatch(/^cps_[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('pre')).toContainText(`applicationId: ${id}`);
    await expect(page.locator('pre')).toContainText('/v1/accessToken');
    await saveScreenshot(page, testInfo, 'connector-created');

    await page.getByRole('button', { name: 'Copy Connector Secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // the secret is stored encrypted, never in clear
    const stored = await withDb(async (db) => (await db.query('SELECT encrypted, lookup_hash FROM connector_secrets WHERE connector_id = $1', [id])).rows);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(4));

    await page.getByRole('link', { name: 'Open connector details' }).click();
    await expect(page.getByRole('heading', { name: 'Ticket Bot' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Permissions' })).toContainText('Group Information');
    await expect(page.getByRole('list', { name: 'Permissions' })).toContainText('Text Message');
    await expect(page.getByRole('list', { name: 'Redirect URLs' })).toContainText('https://tickets.example.com/oauth/callback');
    await saveScreenshot(page, testInfo, 'connector-details');

    await connectors.goto();
    await expect(connectors.rowLink('Ticket Bot')).toBeVisible();
    await saveScreenshot(page, testInfo, 'connectors-list');
  });

  test('"Created by me" and "All Connectors" list the organization\'s connectors, never another tenant\'s; search by name', async ({ alicePage: page }) => {
    const connectors = new ConnectorsPage(page);
    await connectors.goto();
    await expect(connectors.rowLink('Contoso CRM Sync')).toBeVisible();
    await expect(connectors.rowLink('Field Sales Reports')).toHaveCount(0);

    // the organization has more connectors than a page (50) by now: look each one up by name
    await connectors.show('All Connectors');
    await connectors.search('Contoso CRM Sync');
    await expect(connectors.rowLink('Contoso CRM Sync')).toBeVisible();
    await connectors.search('Field Sales Reports');
    await expect(connectors.rowLink('Field Sales Reports')).toBeVisible();
    await expect(connectors.table.getByRole('row', { name: /Field Sales Reports/ })).toContainText('Bob Berger');
    await connectors.search('Fabrikam Ops Bot');
    await expect(page.getByText('No connectors match "Fabrikam Ops Bot"')).toBeVisible();

    await connectors.search('reports');
    await expect(connectors.rowLink('Field Sales Reports')).toBeVisible();
    await expect(connectors.rowLink('Contoso CRM Sync')).toHaveCount(0);
    await connectors.search('nothing-like-this');
    await expect(page.getByText('No connectors match "nothing-like-this"')).toBeVisible();
  });

  test('Show reveals the secret and is audited; rotation keeps the previous secret for 7 days or revokes it', async ({ page, signIn }) => {
    const user = await signIn({ name: 'rotator' });
    const { id, secret } = await makeConnector({
      tenantId: user.tenantId,
      ownerId: user.id,
      name: 'Rotation Demo',
      description: 'Secret rotation.',
      permissions: ['Group Information'],
    });
    const details = new ConnectorDetailsPage(page);
    await details.goto(id);
    await expect(details.secret('Current secret').getByTestId('secret-value')).not.toContainText(secret.slice(4, 12));
    const before = await auditCount('connector.secret_revealed', id);
    expect(await details.revealSecret()).toBe(secret);
    await expect.poll(() => auditCount('connector.secret_revealed', id)).toBe(before + 1);
    const audit = await withDb(async (db) => (await db.query('SELECT * FROM audit_events WHERE target_id = $1', [id])).rows);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(4));

    await details.rotate('keep');
    await expect(details.secret('Previous secret')).toContainText('stops working');
    const previous = await details.revealSecret('Previous secret');
    const current = await details.revealSecret('Current secret');
    expect(previous).toBe(secret);
    expect(current).not.toBe(secret);
    const expiry = await withDb(
      async (db) => (await db.query('SELECT expires_at FROM connector_secrets WHERE connector_id = $1 AND expires_at IS NOT NULL', [id])).rows,
    );
    expect(expiry).toHaveLength(1);
    const days = (new Date(expiry[0].expires_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    await details.rotate('revoke');
    await expect(details.secret('Previous secret')).toHaveCount(0);
    const newest = await details.revealSecret('Current secret');
    expect([secret, current]).not.toContain(newest);
    await expect.poll(() => auditCount('connector.secret_rotated', id)).toBe(2);
  });

  test('deactivate and activate, then delete with a typed confirmation', async ({ page, signIn }, testInfo) => {
    const user = await signIn({ name: 'lifecycle' });
    const { id } = await makeConnector({
      tenantId: user.tenantId,
      ownerId: user.id,
      name: 'Short Lived',
      description: 'Will be deleted.',
      permissions: ['Media'],
    });
    await new ConnectorDetailsPage(page).goto(id);

    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Short Lived?' }).getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByText('This connector is inactive.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Short Lived' }).locator('..')).toContainText('Inactive');
    await page.getByRole('button', { name: 'Activate' }).click();
    await expect(page.getByText('This connector is active.')).toBeVisible();
    expect(await auditCount('connector.deactivated', id)).toBe(1);
    expect(await auditCount('connector.activated', id)).toBe(1);

    await page.getByRole('button', { name: 'Delete connector' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Short Lived?' });
    await dialog.getByLabel('Connector name').fill('Short');
    await expect(dialog.getByRole('button', { name: 'Delete forever' })).toBeDisabled();
    await saveScreenshot(page, testInfo, 'connector-delete-confirm');
    await dialog.getByLabel('Connector name').fill('Short Lived');
    await dialog.getByRole('button', { name: 'Delete forever' }).click();
    await expect(page).toHaveURL(/\/connectors$/);
    await expect(page.getByText('You have not created a connector yet')).toBeVisible();

    const res = await page.goto(`/connectors/${id}`);
    expect(res?.status()).toBe(404);
    const secrets = await withDb(
      async (db) => (await db.query('SELECT count(*)::int AS n FROM connector_secrets WHERE connector_id = $1 AND revoked_at IS NULL', [id])).rows[0].n,
    );
    expect(secrets).toBe(0);
  });
});
