import { withDb } from '../../fixtures/db';
import { makeConnector, makeUser } from '../../fixtures/factory';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';
import { ConnectorDetailsPage } from '../../pages/connectors-page';

test.describe('[CONNECTORS] who may do what', () => {
  test('others in the organization can view but not change; a member of another tenant gets 404', async ({ signedIn }) => {
    test.slow(); // several people sign in: kept from when each registered a phone number in the UI (~50 s on a loaded machine)
    const owner = await makeUser({ name: 'owner' });
    const { id } = await makeConnector({
      tenantId: owner.tenantId,
      ownerId: owner.id,
      name: 'Owned Connector',
      description: 'Only the owner manages it.',
      permissions: ['Reactions'],
    });

    const { page: colleague } = await signedIn({ name: 'colleague' });
    await new ConnectorDetailsPage(colleague).goto(id);
    await expect(colleague.getByRole('heading', { name: 'Owned Connector' })).toBeVisible();
    await expect(colleague.getByText('Only the owner and organization admins can change this connector.')).toBeVisible();
    await expect(colleague.getByRole('button', { name: 'Rotate secret' })).toHaveCount(0);
    await expect(colleague.getByRole('button', { name: 'Delete connector' })).toHaveCount(0);

    const { page: orgAdmin } = await signedIn({ name: 'boss', orgAdmin: true });
    await new ConnectorDetailsPage(orgAdmin).goto(id);
    await expect(orgAdmin.getByRole('button', { name: 'Rotate secret' })).toBeVisible();
    await expect(orgAdmin.getByRole('button', { name: 'Show current secret' })).toBeVisible();
    await expect(orgAdmin.getByRole('button', { name: 'Generate user token' })).toBeVisible();

    const { page: outsider } = await signedIn({ name: 'outsider', tenant: 'fabrikam', orgAdmin: true });
    const res = await outsider.goto(`/connectors/${id}`);
    expect(res?.status()).toBe(404);
    await expect(outsider.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('only the owner and org admins see the secret and generate user tokens; others are told whom to ask, and a replayed action is refused and audited', async ({
    signedIn,
    bobPage: bob,
  }, testInfo) => {
    test.slow(); // several people sign in: kept from when each registered a phone number in the UI (~50 s on a loaded machine)
    const { page: ownerPage, user: owner } = await signedIn({ name: 'keeper' });
    const { id, secret } = await makeConnector({
      tenantId: owner.tenantId,
      ownerId: owner.id,
      name: `Guarded ${Date.now().toString(36)}`,
      description: 'Its secret is for the owner.',
      permissions: ['Group Information'],
    });
    const ownerName = await withDb(async (db) => (await db.query('SELECT name FROM users WHERE email = $1', [owner.email])).rows[0].name as string);
    const details = new ConnectorDetailsPage(ownerPage);
    await details.goto(id);

    // the owner: Show, Copy, Rotate and Generate; capture the two server-action calls to replay them as a member
    const isAction = (r: { method(): string; headers(): Record<string, string> }) => r.method() === 'POST' && Boolean(r.headers()['next-action']);
    const revealCall = ownerPage.waitForRequest(isAction);
    expect(await details.revealSecret()).toBe(secret);
    const revealRequest = await revealCall;
    await details.secret('Current secret').getByRole('button', { name: 'Hide current secret' }).click();
    await expect(ownerPage.getByRole('button', { name: 'Rotate secret' })).toBeVisible();
    await expect(details.secret('Current secret').getByRole('button', { name: 'Copy current secret' })).toBeVisible();
    await expect(ownerPage.getByTestId('secret-who-to-ask')).toHaveCount(0);
    for (const [width, height, name] of [
      [1280, 900, 'connector-owner-desktop'],
      [390, 844, 'connector-owner-phone'],
    ] as const) {
      await ownerPage.setViewportSize({ width, height });
      await saveScreenshot(ownerPage, testInfo, name);
    }
    await ownerPage.setViewportSize({ width: 1280, height: 900 });
    const tokenCall = ownerPage.waitForRequest(isAction);
    await ownerPage.getByRole('button', { name: 'Generate user token' }).click();
    await expect(ownerPage.getByTestId('new-refresh-token')).toHaveText(/^cprt_/);
    const tokenRequest = await tokenCall;

    // a member of the organization: the page says whom to ask, and offers none of it
    const { page: member, user: m } = await signedIn({ name: 'curious' });
    await new ConnectorDetailsPage(member).goto(id);
    await expect(member.getByRole('heading', { name: /^Guarded / })).toBeVisible();
    await expect(member.getByTestId('connector-id')).toHaveText(id);
    const ask = member.getByTestId('secret-who-to-ask');
    await expect(ask).toHaveText(`Only its owner, ${ownerName}, or an organization admin can see and copy this secret. Ask them if your system needs it.`);
    await expect(member.getByTestId('user-token-who-to-ask')).toHaveText(
      `Only its owner, ${ownerName}, or an organization admin can generate user tokens for this connector.`,
    );
    for (const name of [/^Show/i, 'Copy current secret', 'Rotate secret', /Generate .*user token/i])
      await expect(member.getByRole('button', { name })).toHaveCount(0);
    await expect(member.getByRole('list', { name: 'Secrets' })).toHaveCount(0);
    await expect(member.locator('body')).not.toContainText(secret.slice(4));
    await expect(member.locator('body')).not.toContainText('cps_');
    for (const [width, height, name] of [
      [1280, 900, 'connector-member-desktop'],
      [390, 844, 'connector-member-phone'],
    ] as const) {
      await member.setViewportSize({ width, height });
      await expect(ask).toBeVisible();
      await saveScreenshot(member, testInfo, name);
    }

    // replaying the owner's captured calls with the member's session: refused, nothing written but one denial each
    const memberId = await withDb(async (db) => (await db.query('SELECT id FROM users WHERE email = $1', [m.email])).rows[0].id as string);
    const audit = (action: string) =>
      withDb(
        async (db) =>
          (
            await db.query(
              'SELECT outcome, target_type, target_id, ip, metadata FROM audit_events WHERE action = $1 AND actor_user_id = $2 ORDER BY created_at',
              [action, memberId],
            )
          ).rows,
      );
    for (const captured of [revealRequest, tokenRequest]) {
      const replay = await member.request.post(captured.url(), {
        headers: { 'next-action': captured.headers()['next-action']!, 'content-type': captured.headers()['content-type']!, accept: 'text/x-component' },
        data: captured.postData()!,
      });
      const body = await replay.text();
      expect(body).toContain('You do not have permission to do this.');
      expect(body).not.toContain(secret.slice(4));
      expect(body).not.toContain('cprt_');
    }
    expect(await audit('connector.secret_revealed')).toEqual([]);
    expect(await audit('grant.user_token_generated')).toEqual([]);
    const grants = await withDb(async (db) => (await db.query('SELECT count(*)::int AS n FROM grants WHERE user_id = $1', [memberId])).rows[0].n);
    expect(grants).toBe(0);
    const denied = await audit('authz.denied');
    expect(denied).toHaveLength(2);
    for (const d of denied) {
      expect(d).toMatchObject({ outcome: 'denied', target_type: 'connector', target_id: id, metadata: { permission: 'connector.manage' } });
      expect(d.ip).toBeTruthy();
    }
    expect(JSON.stringify(denied)).not.toContain(secret.slice(4));

    // a group admin who is not the owner is no different
    await new ConnectorDetailsPage(bob).goto(id);
    await expect(bob.getByTestId('secret-who-to-ask')).toContainText(ownerName);
    await expect(bob.getByRole('button', { name: /Generate .*user token/ })).toHaveCount(0);
  });
});
