import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

/**
 * The header's language switch (issue 13 §3): the page changes language at once, a reload keeps it, the choice
 * follows the user to another browser (stored on the user, no cookie there), and English comes back the same
 * way. A made user, not a persona: a stored German choice must never leak into other specs.
 */
test.describe('[I18N] language switch', () => {
  test('Deutsch in the header: labels change, survive a reload and follow the user to another browser; English restores', async ({
    page,
    signIn,
    signedIn,
  }, testInfo) => {
    const user = await signIn();
    await page.goto('/connectors');
    await expect(page.getByRole('main').getByRole('link', { name: 'New Connector' }).first()).toBeVisible();

    await page.getByLabel('Language').selectOption({ label: 'Deutsch' });
    await expect(page.getByRole('main').getByRole('link', { name: 'Connector hinzufügen' }).first()).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Gruppen' })).toBeVisible();
    await expect(page.getByLabel('Sprache')).toHaveValue('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await saveScreenshot(page, testInfo, 'i18n-connectors-de');

    await page.reload();
    await expect(page.getByRole('main').getByRole('link', { name: 'Connector hinzufügen' }).first()).toBeVisible();

    await page.getByRole('main').getByRole('link', { name: 'Connector hinzufügen' }).first().click();
    await expect(page.getByRole('heading', { name: 'Connector-Details' })).toBeVisible();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.locator('#name-error')).toBeVisible();
    await saveScreenshot(page, testInfo, 'i18n-wizard-de');
    await page.getByLabel('Name des Connectors').fill('Außendienst-CRM-Abgleich');
    await page.getByLabel('Kurzbeschreibung').fill('Gleicht Kundenbesuche mit dem CRM ab.');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByRole('checkbox', { name: 'Gruppenmitgliederliste' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'i18n-wizard-permissions-de');

    // another browser, the same user, no language cookie: the stored choice
    const other = await signedIn(user);
    expect((await other.page.context().cookies()).some((c) => c.name === 'NEXT_LOCALE')).toBe(false);
    await other.page.goto('/connectors');
    await expect(other.page.getByRole('main').getByRole('link', { name: 'Connector hinzufügen' }).first()).toBeVisible();

    // back to English, here and (stored) for the other browser's next page
    await page.goto('/connectors');
    await page.getByLabel('Sprache').selectOption({ label: 'English' });
    await expect(page.getByRole('main').getByRole('link', { name: 'New Connector' }).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await other.page.reload();
    await expect(other.page.getByRole('main').getByRole('link', { name: 'New Connector' }).first()).toBeVisible();
  });

  test('on a 390 px phone the switch is in the header menu', async ({ signedIn }) => {
    const { page } = await signedIn();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/connectors');
    await expect(page.getByLabel('Language')).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Language').selectOption({ label: 'Français' });
    await expect(page.getByRole('main').getByRole('link', { name: 'Ajouter un connecteur' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('a signed-out visitor whose browser asks for French gets the French sign-in page; /v1 stays English', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto('/signin');
      await expect(page.getByRole('button', { name: 'Se connecter avec Office 365' })).toBeVisible();
      await expect(page).toHaveTitle('Connexion · Connector Portal');
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

      // the API answers in English whatever the browser or the cookie says
      await context.addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: baseURL! }]);
      const res = await context.request.get('/v1/no-such-route');
      expect(res.status()).toBe(404);
      expect(await res.json()).toMatchObject({ message: 'The requested resource does not exist.' });
    } finally {
      await context.close();
    }
  });
});
