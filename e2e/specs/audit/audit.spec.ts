import { readFile } from 'node:fs/promises';
import { accessTokenFor } from '../../fixtures/api';
import { withDb } from '../../fixtures/db';
import { makeGroupWith } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';
import { ConnectorDetailsPage, ConnectorsPage } from '../../pages/connectors-page';
import { GroupPage } from '../../pages/group-page';

const rows = (page: import('@playwright/test').Page) => page.getByRole('table').locator('tbody tr');

test.describe('[AUDIT]', () => {
  test('every reveal and change is in the audit log with actor, target and IP, and the CSV export holds no secret', async ({ page, signIn }, testInfo) => {
    test.setTimeout(120_000);
    const admin = await signIn({ orgAdmin: true, name: 'auditor' });
    const secrets: string[] = [];
    const connectors = new ConnectorsPage(page);
    const details = new ConnectorDetailsPage(page);

    // a connector (its secret shown once), the secret shown again, rotated, a user token
    const name = `Audit Bot ${Date.now().toString(36)}`;
    const created = await connectors.create({ name, description: 'Writes into the audit log.', permissions: ['Group Information'] });
    secrets.push(created.secret);
    await details.goto(created.id);
    expect(await details.revealSecret()).toBe(created.secret);
    await details.rotate('keep');
    secrets.push(await details.revealSecret('Current secret'));
    await page.getByRole('button', { name: 'Generate user token' }).click();
    await expect(page.getByTestId('new-refresh-token')).toHaveText(/^cprt_/);
    secrets.push((await page.getByTestId('new-refresh-token').innerText()).trim());

    // a group token: added, shown again, regenerated; then the connector acts over /v1 with it
    const groupName = `Audit Group ${Date.now().toString(36)}`;
    const groupId = await makeGroupWith({ tenant: admin.tenantId, name: groupName, admin: admin.phone! });
    const group = new GroupPage(page);
    await group.openConnectorsTab(groupId);
    secrets.push(await group.addConnector(name));
    await group.granted(name).getByRole('button', { name: 'Show' }).click();
    secrets.push(await group.regenerate(name));
    const accessToken = await accessTokenFor(page.request, { id: created.id, secret: secrets[1]! }, secrets.at(-1)!);
    secrets.push(accessToken);
    const sub = await call(page.request, 'POST', `/groups/${groupId}/subGroups`, accessToken, { groupName: 'Made by the connector' });
    expect(sub.status(), await sub.text()).toBe(200);

    // the log, filtered to this admin: each action by name, with the target and the caller's IP
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await page.getByLabel('Actor').fill(admin.email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/actor=/);
    for (const label of [
      'Connector created',
      'Connector secret shown or copied',
      'Connector secret rotated',
      'User token generated',
      'Connector added to a group',
      'Group token shown or copied',
      'Group token regenerated',
    ]) {
      await expect(rows(page).filter({ hasText: label }).first()).toBeVisible();
    }
    const reveal = rows(page).filter({ hasText: 'Connector secret shown or copied' }).first();
    await expect(reveal).toContainText(admin.name);
    await expect(reveal.getByRole('link', { name })).toHaveAttribute('href', `/connectors/${created.id}`);
    await expect(reveal.locator('td').nth(4)).toHaveText(/\d|:/); // an IP address
    await saveScreenshot(page, testInfo, 'audit-log');

    // the connector's own action, with the connector as the actor
    await page.goto(`/audit?actor=${encodeURIComponent(name)}`);
    const bySub = rows(page).filter({ hasText: 'Sub group created' });
    await expect(bySub).toHaveCount(1);
    await expect(bySub).toContainText(name);

    // filter by action and by target name; search by label
    await page.goto('/audit');
    await page.getByLabel('Action').selectOption({ label: 'Group token regenerated' });
    await page.getByLabel('Target').fill(groupName);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toHaveAttribute('data-action', 'grant.token_regenerated');
    await page.goto(`/audit?q=${encodeURIComponent('secret rotated')}&actor=${encodeURIComponent(admin.email)}`);
    await expect(rows(page)).toHaveCount(1);

    // sorted by time, both ways
    await page.goto(`/audit?actor=${encodeURIComponent(admin.email)}`);
    const newestFirst = await rows(page)
      .locator('time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    await page.getByRole('link', { name: /Time \(UTC\)/ }).click();
    await expect(page).toHaveURL(/sort=oldest/);
    const oldestFirst = await rows(page)
      .locator('time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(oldestFirst).toEqual([...newestFirst].reverse());

    // the CSV export of the whole organization: our rows are in it, no secret or token is
    await page.goto('/audit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('time_utc,action,action_label,outcome,actor_type,actor');
    expect(csv).toContain(`connector.created,Connector created,success,person,${admin.name}`);
    expect(csv).toContain('group.subgroup_created');
    expect(csv).toContain('connector.secret_revealed');
    for (const s of secrets) {
      expect(csv).not.toContain(s);
      // nor a recognisable part of it
      expect(csv).not.toContain(s.slice(-24));
    }
  });

  test('someone who is not an org admin sees only their own actions', async ({ page, signIn, signedIn }) => {
    const { user: other } = await signedIn({ name: 'neighbour' }); // signed in (audited) in a context of their own
    const me = await signIn({ name: 'own' });
    await page.goto('/audit');
    await expect(page.getByText('Every change you made')).toBeVisible();
    await expect(page.getByLabel('Actor')).toHaveCount(0);
    await expect(rows(page).filter({ hasText: 'Signed in' }).first()).toContainText(me.name);
    await expect(rows(page).filter({ hasText: other.name })).toHaveCount(0);
    const res = await page.request.get('/audit/export');
    const csv = await res.text();
    expect(csv).toContain(me.name);
    expect(csv).not.toContain(other.name);
  });

  test('pages with cursors through a long log', async ({ page, signIn }) => {
    const me = await signIn({ name: 'pager' });
    await withDb((db) =>
      db.query(
        `INSERT INTO audit_events (tenant_id, actor_user_id, action, target_type, target_id, ip, created_at)
         SELECT $1, $2, 'phone.activated', 'phone', '+1425555' || lpad(g::text, 4, '0'), '203.0.113.7', now() - make_interval(secs => g)
         FROM generate_series(1, 120) g`,
        [me.tenantId, me.id],
      ),
    );
    await page.goto('/audit?action=phone.activated');
    await expect(rows(page)).toHaveCount(50);
    await expect(page.getByRole('link', { name: 'Previous' })).toHaveCount(0);
    // Each click waits for the page it leads to (its first row changes) before the next click.
    const firstTime = () => rows(page).first().locator('time');
    const page1 = await firstTime().getAttribute('datetime');
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(firstTime()).not.toHaveAttribute('datetime', page1!);
    await expect(rows(page)).toHaveCount(50);
    const page2 = await firstTime().getAttribute('datetime');
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(rows(page)).toHaveCount(20);
    await expect(page.getByRole('link', { name: 'Next' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Previous' }).click();
    await expect(firstTime()).toHaveAttribute('datetime', page2!);
    await expect(rows(page)).toHaveCount(50);
    await page.getByRole('link', { name: 'Previous' }).click();
    await expect(firstTime()).toHaveAttribute('datetime', page1!);
    await expect(rows(page)).toHaveCount(50);
    await expect(page.getByRole('link', { name: 'Previous' })).toHaveCount(0);
  });
});
