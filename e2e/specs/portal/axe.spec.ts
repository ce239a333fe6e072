import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { SEEDED_GROUPS } from '../../pages/group-page';

/**
 * axe on every portal page (issue 15, measured): light and dark theme, English and German (the `NEXT_LOCALE`
 * cookie chooses the language), 0 violations of any impact. Edit dialogs are checked open, in English.
 */
test.use({ persona: 'alice' });

async function noViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect
    .soft(
      violations.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `${page.url()} has axe violations`,
    )
    .toEqual([]);
}

for (const locale of ['en', 'de'] as const)
  for (const scheme of ['light', 'dark'] as const)
    test(`no axe violations on any portal page: ${scheme} theme, ${locale}`, async ({ page, context, factory, baseURL }) => {
      test.setTimeout(240_000);
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      await page.emulateMedia({ colorScheme: scheme });
      const alice = await factory.userId('alice@contoso.com');
      const contoso = await factory.tenantId('Contoso');
      const g = SEEDED_GROUPS.fieldSales;
      const c = await factory.makeConnector({ tenantId: contoso, ownerId: alice, name: `Axe ${Date.now().toString(36)}`, groupId: g, grantedBy: alice });
      const webhook = await factory.makeWebhook({ tenantId: contoso, connectorId: c.id, groupId: g, createdBy: alice });
      const pages = [
        '/',
        '/connectors',
        '/connectors/new',
        `/connectors/${c.id}`,
        `/connectors/${c.id}/usage`,
        '/groups',
        '/groups/new',
        `/groups/${g}`,
        `/groups/${g}/subgroups`,
        `/groups/${g}/connectors`,
        `/groups/${g}/messages`,
        `/groups/${g}/actions`,
        `/groups/${g}/webhooks`,
        `/webhooks/${webhook}`,
        '/audit',
        '/connections',
        '/connections/new',
        '/settings/phone-numbers',
      ];
      for (const path of pages) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), path).toBe(scheme === 'dark');
        await noViolations(page, path);
      }
      if (locale === 'en') {
        for (const [path, button, dialog] of [
          [`/connectors/${c.id}`, 'Edit', 'Edit connector'],
          [`/groups/${g}`, 'Edit group', 'Edit group'],
        ] as const) {
          await page.goto(path);
          await page.getByRole('button', { name: button, exact: true }).click();
          await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
          await noViolations(page, `${path} (${dialog} dialog)`);
        }
      }
    });

test('no axe violations on the sign-in page, both themes and languages', async ({ browser, baseURL }) => {
  for (const locale of ['en', 'de'])
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      const page = await context.newPage();
      await page.goto('/signin');
      await expect(page.getByRole('heading').first()).toBeVisible();
      await noViolations(page, `/signin ${colorScheme} ${locale}`);
      await context.close();
    }
});
