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
    // what each page is waited for by: its first heading within 10 s; the API reference's headings come from Scalar's
    // 3.5 MB bundle, parsed after the page loads, so on a busy machine it gets as long as the API reference spec (30 s)
    const pages: { name: string; path: string; heading?: { level: 1; name: string }; timeout?: number }[] = [
      { name: 'home', path: '/' },
      { name: 'connectors', path: '/connectors?view=all' },
      { name: 'connector-new', path: '/connectors/new' },
      { name: 'connector', path: `/connectors/${c.id}` },
      { name: 'groups', path: '/groups' },
      { name: 'group-new', path: '/groups/new' },
      { name: 'group', path: `/groups/${g}` },
      { name: 'group-subgroups', path: `/groups/${g}/subgroups` },
      { name: 'group-connectors', path: `/groups/${g}/connectors` },
      { name: 'group-messages', path: `/groups/${g}/messages` },
      { name: 'group-actions', path: `/groups/${g}/actions` },
      { name: 'phone-numbers', path: '/settings/phone-numbers' },
      { name: 'audit', path: '/audit' },
      { name: 'api-reference', path: '/api-reference', heading: { level: 1, name: 'Connector Portal API' }, timeout: 30_000 },
    ];
    for (const { name, path, heading, timeout } of pages) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(heading ? page.getByRole('heading', heading) : page.getByRole('heading').first()).toBeVisible({ timeout });
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
