import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { makeConnector, tenantId, userId } from '../../fixtures/factory';
import { saveScreenshot } from '../../fixtures/screenshot';
import { DEMO } from '../../fixtures/session';
import { expect, test } from '../../fixtures/test';
import { ConnectorDetailsPage } from '../../pages/connectors-page';
import { GroupPage, SEEDED_GROUPS } from '../../pages/group-page';

const CRM_SYNC = '00000000-0000-4000-8000-0000000c0001';

async function tokenState(token: string) {
  // a token is only ever looked up by its keyed hash; here we check the grant's tokens instead
  return withDb(
    async (db) => (await db.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE revoked_at IS NULL AND encrypted LIKE $1', [`%${token}%`])).rows[0].n,
  );
}

test.describe('[GROUPS]', () => {
  test('the whole story: a connector is added to groups, its token regenerated and removed; deactivation stops new grants only', async ({
    alicePage: page,
    bobPage: bob,
    carolPage: carol,
    davePage: dave,
  }, testInfo) => {
    test.slow(); // four people at work: kept from when each signed in and registered a phone number in the UI (~50 s on a loaded machine)
    const connectorName = `Story Connector ${Date.now().toString(36)}`;
    // alice's connector, as the wizard makes it (the wizard has its own spec)
    const { id: connectorId } = await makeConnector({
      tenantId: await tenantId('Contoso'),
      ownerId: await userId(DEMO.alice.email),
      name: connectorName,
      description: 'End-to-end story.',
      permissions: ['Group Information'],
    });

    // org admin: every group of the organization, with the banner
    await page.goto('/groups');
    await expect(page.getByText('You are Organization Admin. You can manage all groups in this Organization.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Field Sales/ })).toContainText('Not a member');
    await expect(page.getByRole('row', { name: /Marketing/ })).toContainText('Admin');
    await saveScreenshot(page, testInfo, 'groups-org-admin');

    await bob.goto('/groups');
    await expect(bob.getByTestId('user-role')).toHaveText('Group admin');
    await expect(bob.getByRole('row', { name: /Field Sales/ })).toContainText('Admin');
    await expect(bob.getByRole('row', { name: /Field Sales/ })).toContainText('2'); // sub groups
    await expect(bob.getByRole('row', { name: /Marketing/ })).toHaveCount(0);
    await expect(bob.getByText('You are Organization Admin')).toHaveCount(0);
    await saveScreenshot(bob, testInfo, 'groups-group-admin');

    const group = new GroupPage(bob);
    await group.openConnectorsTab(SEEDED_GROUPS.fieldSales);
    // capture the raw server-action call, to replay it as a member later
    const addRequest = bob.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    const first = await group.addConnector(connectorName);
    const captured = await addRequest;
    await expect(bob.getByText(`Hand this refresh token to the developer of ${connectorName}`)).toBeVisible();
    await expect(group.granted(connectorName)).toContainText('Working');
    await saveScreenshot(bob, testInfo, 'group-connectors-tab');

    // Show reveals the same token (audited)
    await group.granted(connectorName).getByRole('button', { name: 'Show' }).click();
    await expect(group.granted(connectorName).getByTestId('group-token')).toHaveText(first);

    const second = await group.regenerate(connectorName);
    expect(second).not.toBe(first);
    expect(second).toMatch(/^cprt_[A-Za-z0-9_-]{43}[0-9a-z]{7}$/);
    const live = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM refresh_tokens t JOIN grants g ON g.id = t.grant_id WHERE g.connector_id = $1 AND t.revoked_at IS NULL`,
            [connectorId],
          )
        ).rows[0].n,
    );
    expect(live).toBe(1);
    expect(await tokenState(second)).toBe(0); // stored encrypted, never in clear

    await group.openConnectorsTab(SEEDED_GROUPS.north);
    await group.addConnector(connectorName);
    await group.remove(connectorName, 'North');
    const northGrant = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT g.revoked_at, (SELECT count(*)::int FROM refresh_tokens t WHERE t.grant_id = g.id AND t.revoked_at IS NULL) AS live FROM grants g WHERE g.connector_id = $1 AND g.group_id = $2`,
            [connectorId, SEEDED_GROUPS.north],
          )
        ).rows,
    );
    expect(northGrant).toHaveLength(1);
    expect(northGrant[0].revoked_at).not.toBeNull();
    expect(northGrant[0].live).toBe(0);

    // alice deactivates the connector
    await new ConnectorDetailsPage(page).goto(connectorId);
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('dialog', { name: `Deactivate ${connectorName}?` })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await expect(page.getByText('This connector is inactive.')).toBeVisible();

    // bob can no longer add it: not to North (removed there), not to South (new)
    for (const g of [SEEDED_GROUPS.north, SEEDED_GROUPS.south]) {
      await group.openConnectorsTab(g);
      await expect(group.options().filter({ hasText: connectorName })).toHaveCount(0);
    }
    // the existing grant keeps working
    await group.openConnectorsTab(SEEDED_GROUPS.fieldSales);
    await expect(group.granted(connectorName)).toContainText('Working');
    await expect(group.granted(connectorName)).toContainText('Connector deactivated');

    // a member cannot open the tab, nor call its server action directly
    await carol.goto(`/groups/${SEEDED_GROUPS.fieldSales}`);
    await expect(carol.getByRole('heading', { name: 'Field Sales' })).toBeVisible();
    await expect(carol.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: 'CONNECTORS' })).toHaveCount(0);
    const carolId = await withDb(async (db) => (await db.query("SELECT id FROM users WHERE email = 'carol@contoso.com'")).rows[0].id as string);
    const denials = () =>
      withDb(
        async (db) =>
          (
            await db.query(
              `SELECT target_type, target_id, metadata FROM audit_events WHERE action = 'authz.denied' AND outcome = 'denied' AND actor_user_id = $1 ORDER BY created_at`,
              [carolId],
            )
          ).rows,
      );
    const deniedBefore = (await denials()).length;
    const tab = await carol.goto(`/groups/${SEEDED_GROUPS.fieldSales}/connectors`);
    expect(tab?.status()).toBe(403);
    // the refused page is audited once
    expect((await denials()).slice(deniedBefore)).toEqual([
      { target_type: 'group', target_id: SEEDED_GROUPS.fieldSales, metadata: { permission: 'group.grant' } },
    ]);
    const body = captured.postData()!.replace(connectorId, CRM_SYNC);
    expect(body).toContain(CRM_SYNC);
    const replay = await carol.request.post(captured.url(), {
      headers: { 'next-action': captured.headers()['next-action']!, 'content-type': captured.headers()['content-type']!, accept: 'text/x-component' },
      data: body,
    });
    expect(await replay.text()).toContain('You do not have permission to do this.');
    const sneaked = await withDb(
      async (db) =>
        (await db.query('SELECT count(*)::int AS n FROM grants WHERE connector_id = $1 AND group_id = $2', [CRM_SYNC, SEEDED_GROUPS.fieldSales])).rows[0].n,
    );
    expect(sneaked).toBe(0);
    // and so is the refused action
    expect((await denials()).slice(deniedBefore)).toHaveLength(2);

    // a user of the other tenant gets 404 for the group
    const res = await dave.goto(`/groups/${SEEDED_GROUPS.fieldSales}`);
    expect(res?.status()).toBe(404);
    await expect(dave.getByRole('row', { name: /Field Sales/ })).toHaveCount(0);
  });

  test('users and sub groups: add, promote, remove members; create, link and unlink sub groups', async ({ page, signIn }, testInfo) => {
    const u = await signIn({ name: 'grouper' });
    const suffix = Date.now().toString(36);

    await page.goto('/groups');
    await page.getByRole('main').getByRole('link', { name: 'New group' }).first().click();
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(page.locator('#group-name-error')).toHaveText('The group name needs at least 2 characters.');
    await page.getByLabel('Group name').fill(`Parent ${suffix}`);
    await page.getByLabel('Welcome message (optional)').fill('Hello team');
    await page.getByRole('radio', { name: /Managed Public group/ }).check();
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(page.getByRole('heading', { name: `Parent ${suffix}` })).toBeVisible();
    await expect(page.getByText('You: Admin')).toBeVisible();
    await expect(page.getByText('Managed Public group')).toBeVisible();

    // USERS
    const phone = newPhoneNumber();
    await page.getByLabel('Phone number').fill('12345');
    await page.getByLabel('Name').fill('Dana Doe');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.locator('#member-phone-error')).toContainText('international format');
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Add' }).click();
    const dana = page.getByRole('table', { name: 'Members' }).getByRole('row', { name: 'Dana Doe' });
    await expect(dana).toContainText('Member');
    await dana.getByRole('button', { name: 'Promote to Admin' }).click();
    await expect(dana).toContainText('Admin');
    await saveScreenshot(page, testInfo, 'group-users');
    await dana.getByRole('button', { name: 'Make member' }).click();
    await expect(dana.getByRole('button', { name: 'Promote to Admin' })).toBeVisible();
    await dana.getByRole('button', { name: 'Remove Dana Doe' }).click();
    await page.getByRole('dialog', { name: 'Remove Dana Doe?' }).getByRole('button', { name: 'Remove member' }).click();
    await expect(dana).toHaveCount(0);

    // SUB GROUPS
    await expect(page).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
    const parentUrl = page.url();
    await page.getByRole('link', { name: 'SUB GROUPS' }).click();
    await expect(page.getByText('No sub groups')).toBeVisible();
    await page.getByLabel('Sub group name').fill(`Child ${suffix}`);
    await page.getByRole('button', { name: 'Create sub group' }).click();
    const subs = page.getByRole('list', { name: 'Sub groups' });
    await expect(subs.getByRole('listitem', { name: `Child ${suffix}` })).toBeVisible();

    // another group of this user, then link it here
    await page.goto('/groups/new');
    await page.getByLabel('Group name').fill(`Other ${suffix}`);
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(page.getByRole('heading', { name: `Other ${suffix}` })).toBeVisible();
    await page.goto(`${parentUrl}/subgroups`);
    await page.getByLabel('Group', { exact: true }).selectOption({ label: `Other ${suffix}` });
    await page.getByRole('button', { name: 'Link group' }).click();
    await expect(subs.getByRole('listitem', { name: `Other ${suffix}` })).toBeVisible();
    await saveScreenshot(page, testInfo, 'group-subgroups');
    await subs.getByRole('button', { name: `Unlink Other ${suffix}` }).click();
    await page
      .getByRole('dialog', { name: `Unlink Other ${suffix}?` })
      .getByRole('button', { name: 'Unlink' })
      .click();
    await expect(subs.getByRole('listitem', { name: `Other ${suffix}` })).toHaveCount(0);

    await page.goto('/groups');
    await expect(page.getByRole('row', { name: new RegExp(`Parent ${suffix}`) })).toContainText('Admin');
    const audit = await withDb(async (db) =>
      (
        await db.query(
          `SELECT action FROM audit_events WHERE action LIKE 'group.%' AND actor_user_id = (SELECT id FROM users WHERE email = $1) ORDER BY created_at`,
          [u.email],
        )
      ).rows.map((r) => r.action),
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        'group.created',
        'group.member_added',
        'group.member_role_changed',
        'group.member_removed',
        'group.subgroup_created',
        'group.subgroup_linked',
        'group.subgroup_unlinked',
      ]),
    );
    // the parent's Group webhooks hear each sub-group change: the outbox rows they are delivered from
    const events = await withDb(
      async (db) =>
        (
          await db.query<{ event_type: string; data: { groupName: string; parentGroupId: string } }>(
            `SELECT event_type, data FROM platform_events WHERE group_id = $1 AND event_type IN ('GroupAdded', 'GroupRemoved') ORDER BY created_at`,
            [parentUrl.split('/').pop()],
          )
        ).rows,
    );
    expect(events.map((e) => [e.event_type, e.data.groupName])).toEqual([
      ['GroupAdded', `Child ${suffix}`],
      ['GroupAdded', `Other ${suffix}`],
      ['GroupRemoved', `Other ${suffix}`],
    ]);
  });

  test('a member sees the groups of their number: organization groups as Member, private groups on their own tab', async ({ carolPage: page }, testInfo) => {
    await page.goto('/groups');
    await expect(page.getByRole('row', { name: /Field Sales/ })).toContainText('Member');
    await expect(page.getByRole('row', { name: /South/ })).toHaveCount(0); // not her group
    await expect(page.getByRole('row', { name: /Book Club/ })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Private Groups' }).click();
    await expect(page).toHaveURL(/tab=private/);
    await expect(page.getByRole('row', { name: /Book Club/ })).toContainText('Admin');
    await saveScreenshot(page, testInfo, 'groups-private');
    // a private group never offers the Connectors tab (connectors are granted to organization groups)
    await page.getByRole('link', { name: 'Book Club' }).click();
    await expect(page.getByRole('heading', { name: 'Book Club' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: 'CONNECTORS' })).toHaveCount(0);
  });
});
