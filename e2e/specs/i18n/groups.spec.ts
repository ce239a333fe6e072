import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';

/** Groups, members, messages and actions in German: labels, a translated field error and toast, dates in German format. */
test('[I18N] the group pages in German', async ({ page, context, baseURL, signIn }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL! }]);
  const me = await signIn({ name: 'gruppe' });
  const contoso = await tenantId('Contoso');
  const name = `Lager ${me.phone!.slice(-4)}`;
  const groupId = await makeGroupWith({ tenant: contoso, name, admin: me.phone! });
  await withDb((db) =>
    db.query(
      `INSERT INTO messages (tenant_id, group_id, sender_kind, sender_phone, sender_name, text, created_at)
       VALUES ($1, $2, 'member', $3, 'Group Admin', 'Guten Morgen', '2026-03-05T14:07:00Z')`,
      [contoso, groupId, me.phone],
    ),
  );

  // the list
  await page.goto('/groups');
  await expect(page.getByRole('heading', { name: 'Gruppen', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Organisationsgruppen' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('columnheader', { name: /Gruppenname/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Administrator');

  // a group's users: tabs, count, a field error and a toast in German
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'BENUTZER' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'UNTERGRUPPEN' })).toBeVisible();
  await expect(page.getByText('Sie: Administrator')).toBeVisible();
  await expect(page.getByText('1 Mitglied.')).toBeVisible();
  const phone = newPhoneNumber();
  await page.getByLabel('Telefonnummer').fill(phone);
  await page.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(page.locator('#member-name-error')).toHaveText('Geben Sie den Namen des Mitglieds ein.');
  await page.getByLabel('Name', { exact: true }).fill('Erika Muster');
  await page.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(page.getByText(/wurde hinzugefügt\.$/)).toBeVisible();
  const erika = page.getByRole('table', { name: 'Mitglieder' }).getByRole('row', { name: 'Erika Muster' });
  await expect(erika).toContainText('Mitglied');
  await expect(erika.getByRole('button', { name: 'Zum Administrator machen' })).toBeVisible();
  await expect(page.getByText('2 Mitglieder.')).toBeVisible();

  // messages: the date in German format (UTC)
  await page.getByRole('link', { name: 'NACHRICHTEN' }).click();
  await expect(page.getByRole('log', { name: 'Unterhaltung' })).toBeVisible();
  const message = page.getByRole('list', { name: 'Nachrichten' }).getByRole('listitem', { name: /Guten Morgen/ });
  await expect(message.locator('time')).toHaveText('05.03.2026, 14:07');
  await expect(page.getByRole('button', { name: 'Senden' })).toBeVisible();

  // actions: the empty state
  await page.getByRole('link', { name: 'AKTIONEN' }).click();
  await expect(page.getByText('Noch keine Aktionen')).toBeVisible();

  // a new group: the schema's field error comes back in German
  await page.goto('/groups/new');
  await page.getByRole('button', { name: 'Gruppe erstellen' }).click();
  await expect(page.locator('#group-name-error')).toHaveText('Der Gruppenname muss mindestens 2 Zeichen lang sein.');
});
