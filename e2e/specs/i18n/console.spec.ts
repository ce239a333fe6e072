import { IDP, PROVIDER_CLIENT } from '../../fixtures/connections';
import { makeConnector } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';

// The console area in other languages (issue 15 §3): Connections (labels, field errors with and without
// arguments, toasts), the audit log (labels, every action's name, dates in the language's format, the CSV's
// label column) and the usage charts, with the language chosen by the switch's cookie.

test.describe('[I18N] console', () => {
  test('German: Connections, the audit log and its CSV, usage', async ({ page, context, baseURL, signIn }) => {
    test.setTimeout(120_000);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL! }]);
    const admin = await signIn({ orgAdmin: true, name: 'pruefer' });

    // Connections: page, tabs, the list of presets
    await page.goto('/connections');
    await expect(page.getByRole('heading', { name: 'Verbindungen', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/^Verbindungen/);
    await page.getByRole('link', { name: 'Dienst hinzufügen' }).click();
    await expect(page.getByRole('tab', { name: 'Dienst auswählen' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('list', { name: 'Dienste zur Auswahl' }).getByRole('listitem')).toHaveCount(10);
    await page.getByRole('link', { name: /^Google/ }).click();
    await expect(page.getByText('Registrieren Sie beim Anbieter eine OAuth-App (Google Cloud console')).toBeVisible();
    await expect(page.getByText('Durch Leerzeichen oder Kommas getrennt (durch Leerzeichen getrennt gesendet).')).toBeVisible();

    // Custom Service: field errors in German, those with arguments too
    await page.getByRole('tab', { name: 'Eigener Dienst' }).click();
    await expect(page.getByText('Umleitungs-URL', { exact: true })).toBeVisible();
    await page.getByLabel('Autorisierungs-URL').fill('not a url');
    await page.getByLabel('Zugriffstoken-URL').fill('ftp://example.com/token');
    await page.getByLabel('Zusätzliche Autorisierungsparameter').fill('state=mine');
    await page.getByRole('button', { name: 'Dienst speichern' }).click();
    await expect(page.locator('#name-error')).toHaveText('Geben Sie den Namen des Dienstes ein.');
    await expect(page.locator('#clientId-error')).toHaveText('Geben Sie die Client-ID ein, die Ihnen der Anbieter gegeben hat.');
    await expect(page.locator('#tokenUrl-error')).toHaveText('Zugriffstoken-URL: Verwenden Sie eine http(s)-URL.');
    await expect(page.locator('#extraAuthParams-error')).toHaveText('state wird vom Ablauf selbst gesetzt.');
    await expect(page.locator('#allowedBaseUrls-error')).toHaveText('Geben Sie mindestens eine API-Basis-URL ein, an die Aufrufe gehen dürfen.');

    // a service saved (toast), then deleted (confirmation and toast)
    const serviceName = `Anbieter ${Date.now().toString(36)}`;
    await page.getByLabel('Name des Dienstes').fill(serviceName);
    await page.getByLabel('Client-ID').fill(PROVIDER_CLIENT.id);
    await page.getByLabel('Geheimer Clientschlüssel').fill(PROVIDER_CLIENT.secret);
    await page.getByLabel('Autorisierungs-URL').fill(`${IDP}/auth`);
    await page.getByLabel('Zugriffstoken-URL').fill(`${IDP}/token`);
    await page.getByLabel('Zusätzliche Autorisierungsparameter').fill('');
    await page.getByLabel('Zulässige API-Basis-URLs').fill(`${IDP}/resource/`);
    await page.getByRole('button', { name: 'Dienst speichern' }).click();
    await expect(page.getByText('Der Dienst wurde hinzugefügt.')).toBeVisible();
    await expect(page.getByRole('heading', { name: serviceName, level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Erstellen und verbinden' })).toBeVisible();
    await expect(page.getByText('Wie die Zugriffstoken-URL')).toBeVisible();
    await page.getByRole('button', { name: 'Dienst löschen' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`${serviceName} löschen?`);
    await expect(dialog).toContainText('Seine 0 Verbindungen funktionieren sofort nicht mehr.');
    await dialog.getByRole('button', { name: 'Dienst löschen' }).click();
    await expect(page.getByText(`${serviceName} wurde gelöscht.`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Verbindungen', level: 1 })).toBeVisible();

    // the audit log: labels, action names, a German date
    await page.goto(`/audit?actor=${encodeURIComponent(admin.email)}`);
    await expect(page.getByRole('heading', { name: 'Überwachungsprotokoll', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Filter anwenden' })).toBeVisible();
    await expect(page.getByLabel('Aktion')).toContainText('Jede Aktion');
    await expect(page.getByLabel('Aktion').locator('option[value="connector.created"]')).toHaveText('Connector erstellt');
    const added = page.locator('tr[data-action="connection.service_created"]');
    await expect(added).toContainText('Dienst für Verbindungen hinzugefügt');
    await expect(page.locator('tr[data-action="connection.service_deleted"]')).toContainText('Dienst für Verbindungen gelöscht');
    const at = (await added.locator('time').getAttribute('datetime'))!;
    const german = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(at));
    await expect(added.locator('time')).toHaveText(german);
    expect(german).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/); // German: 06.12.2026, 21:40:03 (English: Dec 6, 2026, 9:40:03 PM)

    // the CSV: machine columns as they are, the label column in German
    const csv = await (await page.request.get(`/audit/export?actor=${encodeURIComponent(admin.email)}`)).text();
    expect(csv.split('\r\n')[0]).toContain('time_utc,action,action_label,outcome,actor_type,actor');
    expect(csv).toContain(`connection.service_created,Dienst für Verbindungen hinzugefügt,success,person,${admin.name}`);

    // usage: headings, the range switch, figures
    const connector = await makeConnector({ tenantId: admin.tenantId, ownerId: admin.id, name: `Nutzung ${Date.now().toString(36)}` });
    await page.goto(`/connectors/${connector.id}/usage`);
    await expect(page.getByRole('heading', { name: 'Nutzung', level: 1 })).toBeVisible();
    await expect(page.getByText('Letzte 7 Tage, pro Stunde')).toBeVisible();
    await expect(page.getByText('Clientfehler (4xx)')).toBeVisible();
    await page.getByRole('button', { name: '90 Tage' }).click();
    await expect(page.getByText('Letzte 90 Tage, pro Tag')).toBeVisible();
    await page.getByText('Werte als Tabelle anzeigen').click();
    await expect(page.getByText('In diesem Zeitraum noch keine Aufrufe.')).toBeVisible();
  });

  test('French and Turkish: the audit log and the connection error page', async ({ page, context, baseURL, signIn }) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: baseURL! }]);
    await signIn();
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'Journal d’audit', level: 1 })).toBeVisible();
    await expect(page.getByText('Chaque modification que vous avez faite')).toBeVisible();
    await page.goto('/connections/error?reason=denied&detail=access_denied');
    await expect(page.getByRole('heading', { name: 'L’accès n’a pas été autorisé' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Retour aux connexions' })).toBeVisible();

    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'tr', url: baseURL! }]);
    await page.goto('/connections');
    await expect(page.getByRole('heading', { name: 'Bağlantılar', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hizmetler', level: 2 })).toBeVisible();
    await expect(page.getByText('POST /v1/connections/{linkName}/invoke')).toBeVisible();
    await expect(page.getByText('kimlik bilgilerini hiç tutmadan')).toBeVisible();
  });
});
