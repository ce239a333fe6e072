import { makeConnector } from '../../fixtures/factory';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';
import { SEEDED_GROUPS } from '../../pages/group-page';

test.use({ viewport: { width: 390, height: 844 }, persona: 'alice' });

/** Nothing on the page is wider than the phone: no sideways scrolling. */
async function fitsPhone(page: import('@playwright/test').Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const culprit =
    width > 390
      ? await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > 391)
            .slice(0, 3)
            .map((e) => `${e.tagName}.${String(e.className).slice(0, 60)}`)
            .join(' | '),
        )
      : '';
  expect.soft(width, `${page.url()} is ${width}px wide: ${culprit}`).toBeLessThanOrEqual(390);
}

test.describe('[CONSOLE] phone width', () => {
  test('every portal page fits 390 × 844 without sideways scrolling; the header collapses into a menu', async ({ page, factory }, testInfo) => {
    test.setTimeout(120_000);
    const alice = await factory.userId('alice@contoso.com');
    const c = await makeConnector({
      tenantId: await factory.tenantId('Contoso'),
      ownerId: alice,
      name: `Phone ${Date.now().toString(36)}`,
      groupId: SEEDED_GROUPS.fieldSales,
    });
    const g = SEEDED_GROUPS.fieldSales;
    const pages: [string, string][] = [
      ['home', '/'],
      ['connectors', '/connectors?view=all'],
      ['connector-new', '/connectors/new'],
      ['connector', `/connectors/${c.id}`],
      ['groups', '/groups'],
      ['group-new', '/groups/new'],
      ['group', `/groups/${g}`],
      ['group-subgroups', `/groups/${g}/subgroups`],
      ['group-connectors', `/groups/${g}/connectors`],
      ['group-messages', `/groups/${g}/messages`],
      ['group-actions', `/groups/${g}/actions`],
      ['phone-numbers', '/settings/phone-numbers'],
      ['audit', '/audit'],
      ['api-reference', '/api-reference'],
    ];
    for (const [name, path] of pages) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      // the API reference's headings come from Scalar's 3.5 MB bundle, parsed after the page loads: on a busy
      // machine that takes longer than a portal page (the API reference spec allows 30 s too)
      const heading = name === 'api-reference' ? page.getByRole('heading', { level: 1, name: 'Connector Portal API' }) : page.getByRole('heading').first();
      await expect(heading).toBeVisible({ timeout: name === 'api-reference' ? 30_000 : undefined });
      await fitsPhone(page);
      await saveScreenshot(page, testInfo, `phone-${name}`, { fullPage: false });
    }

    // the header: a menu button instead of the links; it opens and closes the navigation
    await page.goto('/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connectors' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await saveScreenshot(page, testInfo, 'phone-menu-open', { fullPage: false });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connectors' })).toBeHidden();
    await fitsPhone(page);
  });
});
