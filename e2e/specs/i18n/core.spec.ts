import { newPhoneNumber } from '../../fixtures/data';
import { makeConnector } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';

/**
 * The core pages in German (the switch's cookie, as the language switch sets it): labels, a client-side and a
 * server-side field error, a domain error under its field, a toast, dates in German format; the PIN SMS and
 * its errors in the user's language.
 */
test.describe('[I18N] core pages in German', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL! }]);
  });

  test('connectors list, wizard and connector page speak German; errors and toasts too', async ({ page, signIn }) => {
    const user = await signIn();
    const taken = await makeConnector({ tenantId: user.tenantId, ownerId: user.id, name: `Vorhanden ${Date.now().toString(36)}` });

    await page.goto('/connectors');
    await expect(page).toHaveTitle('Connectors · Connector Portal');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1, name: 'Connectors' })).toBeVisible();
    await expect(page.getByLabel('Anzeigen')).toHaveValue('mine');
    await expect(page.getByRole('option', { name: 'Von mir erstellt' })).toBeAttached();
    await expect(page.getByRole('columnheader', { name: /Erstellt von/ })).toBeVisible();
    // the date in German format (dd.mm.yyyy, UTC)
    const today = new Date();
    const german = `${String(today.getUTCDate()).padStart(2, '0')}.${String(today.getUTCMonth() + 1).padStart(2, '0')}.${today.getUTCFullYear()}`;
    await expect(page.getByRole('row', { name: new RegExp(taken.name) })).toContainText(german);

    await page.getByRole('main').getByRole('link', { name: 'Connector hinzufügen' }).first().click();
    await expect(page.getByRole('heading', { name: 'Connector-Details' })).toBeVisible();
    // client-side check: the schema's message key, shown in German
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.locator('#name-error')).toHaveText('Der Name des Connectors braucht mindestens 3 Zeichen.');
    await expect(page.locator('#description-error')).toHaveText('Beschreiben Sie kurz, was der Connector tut.');
    await page.getByLabel('Name des Connectors').fill(taken.name);
    await page.getByLabel('Kurzbeschreibung').fill('Öffnet Tickets aus Gruppennachrichten.');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByRole('checkbox', { name: 'Gruppeninformationen' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Ausgehende Webhooks' })).toBeVisible();
    // server-side field error (a key translated at the action edge)
    await page.getByRole('button', { name: 'Connector erstellen' }).click();
    await expect(page.locator('#permissions-error')).toHaveText('Wählen Sie mindestens eine Berechtigung aus.');
    await page.getByRole('checkbox', { name: 'Textnachricht' }).check();
    // a domain error under its field: the name is taken (back on step 1)
    await page.getByRole('button', { name: 'Connector erstellen' }).click();
    await expect(page.locator('#name-error')).toHaveText('Ihre Organisation hat bereits einen Connector mit diesem Namen. Wählen Sie einen anderen Namen.');
    const name = `Ticket-Bot ${Date.now().toString(36)}`;
    await page.getByLabel('Name des Connectors').fill(name);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Connector erstellen' }).click();
    await expect(page.getByRole('heading', { name: `Connector „${name}“ erstellt` })).toBeVisible();
    await expect(page.getByText('Geheimer Schlüssel des Connectors')).toBeVisible();

    await page.getByRole('link', { name: 'Connector-Details öffnen' }).click();
    await expect(page).toHaveTitle('Connector · Connector Portal');
    await expect(page.getByText(`Erstellt von ${user.name} am ${german} · für 0 Gruppen freigegeben`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'ID & geheimer Schlüssel' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Berechtigungen' })).toBeVisible();
    await expect(page.getByText('Jedes Anzeigen und Kopieren wird im Überwachungsprotokoll erfasst.')).toBeVisible();
    await expect(page.getByText(/erstellt am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/)).toBeVisible();

    // a toast
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connector bearbeiten' });
    await dialog.getByLabel('Kurzbeschreibung').fill('Öffnet und schließt Tickets.');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Connector gespeichert.')).toBeVisible();

    // the delete confirmation
    await page.getByRole('button', { name: 'Connector löschen' }).click();
    await expect(page.getByRole('dialog', { name: `${name} löschen?` })).toContainText(`Geben Sie zur Bestätigung ${name} ein.`);
    await expect(page.getByRole('button', { name: 'Endgültig löschen' })).toBeDisabled();
  });

  test('phone numbers: labels, the PIN SMS and a wrong PIN in German', async ({ page, signIn, request }) => {
    await signIn({ phone: null });
    await page.goto('/settings/phone-numbers');
    await expect(page).toHaveTitle('Telefonnummern · Connector Portal');
    await expect(page.getByText('Registrieren Sie eine Telefonnummer, um fortzufahren.')).toBeVisible();
    await page.getByRole('button', { name: 'PIN generieren' }).click();
    await expect(page.locator('#phone-error')).toHaveText('Geben Sie eine Telefonnummer ein.');
    await page.getByLabel('Telefonnummer', { exact: true }).fill('425 555 0101');
    await page.getByRole('button', { name: 'PIN generieren' }).click();
    await expect(page.locator('#phone-error')).toContainText('im internationalen Format');

    const phone = newPhoneNumber();
    await page.getByLabel('Telefonnummer', { exact: true }).fill(phone);
    await page.getByRole('button', { name: 'PIN generieren' }).click();
    await expect(page.getByRole('heading', { name: 'PIN eingeben' })).toBeVisible();
    await expect(async () => {
      const messages = (await (await request.get('/dev/outbox/messages')).json()) as { to: string; body: string }[];
      expect(messages.find((m) => m.to === phone)?.body).toMatch(/^Ihre Connector Portal-PIN lautet \d{6}\. Sie läuft in 10 Minuten ab\./);
    }).toPass({ timeout: 10_000 });

    await page.getByLabel('PIN', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'PIN bestätigen' }).click();
    await expect(page.locator('#code-error')).toHaveText(/^Diese PIN ist nicht korrekt\. Noch \d Versuche?\.$/);
  });
});
