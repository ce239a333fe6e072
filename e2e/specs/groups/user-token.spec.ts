import { withDb } from '../../fixtures/db';
import { makeConnector } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';

const CRM_SYNC = '00000000-0000-4000-8000-0000000c0001';

test.describe('[GROUPS] user tokens', () => {
  test('Generate user token: an org admin gets a tenant-wide token on any connector, an owner one for their admin groups', async ({
    alicePage: page,
    signedIn,
  }) => {
    await page.goto(`/connectors/${CRM_SYNC}`);
    await page.getByRole('button', { name: /^Generate (a new )?user token$/ }).click();
    await expect(page.getByTestId('new-refresh-token')).toHaveText(/^cprt_/);
    await expect(page.getByText('every group of your organization')).toBeVisible();
    const kinds = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT kind FROM grants WHERE connector_id = $1 AND user_id = (SELECT id FROM users WHERE email = 'alice@contoso.com') AND revoked_at IS NULL`,
            [CRM_SYNC],
          )
        ).rows,
    );
    expect(kinds).toEqual([{ kind: 'tenant' }]);

    const { page: dev, user: d } = await signedIn({ name: 'tokendev' });
    // on someone else's connector there is nothing to generate
    await dev.goto(`/connectors/${CRM_SYNC}`);
    await expect(dev.getByTestId('user-token-who-to-ask')).toContainText('Alice Anders');
    await expect(dev.getByRole('button', { name: /Generate .*user token/ })).toHaveCount(0);
    // on their own connector there is
    const { id: own } = await makeConnector({
      tenantId: d.tenantId,
      ownerId: d.id,
      name: `Token Dev ${Date.now().toString(36)}`,
      description: 'User tokens.',
      permissions: ['Group Information'],
    });
    await dev.goto(`/connectors/${own}`);
    await expect(dev.getByText('every group where you are an admin')).toBeVisible();
    await dev.getByRole('button', { name: 'Generate user token' }).click();
    const token = dev.getByTestId('new-refresh-token');
    await expect(token).toHaveText(/^cprt_/);
    const first = (await token.innerText()).trim();
    await dev.reload();
    await dev.getByRole('button', { name: 'Generate a new user token' }).click();
    await expect(token).toHaveText(/^cprt_/);
    await expect(token).not.toHaveText(first);
    const grants = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT connector_id, kind, revoked_at IS NULL AS live FROM grants WHERE user_id = (SELECT id FROM users WHERE email = $1) ORDER BY created_at`,
            [d.email],
          )
        ).rows,
    );
    expect(grants).toEqual([
      { connector_id: own, kind: 'user', live: false },
      { connector_id: own, kind: 'user', live: true },
    ]);
  });
});
