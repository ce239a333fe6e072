import type { Page } from '@playwright/test';
import { test, expect } from '../../fixtures/test';
import { saveScreenshot } from '../../fixtures/screenshot';

/** Dark mode (issue 13 §4): follows the system setting, a switch in the header overrides it and is remembered. */
test.use({ persona: 'alice', colorScheme: 'dark' });

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'));

test('follows a dark system setting, switches to light and dark, and remembers the choice', async ({ page }, testInfo) => {
  await page.goto('/connectors');
  const toggle = page.getByRole('button', { name: /theme \(change theme\)/ });
  await expect(toggle).toHaveAccessibleName('System theme (change theme)');
  expect(await isDark(page)).toBe(true);
  const dark = await background(page);
  await saveScreenshot(page, testInfo, 'theme-dark-connectors');

  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Light theme (change theme)');
  await expect.poll(() => isDark(page)).toBe(false);
  expect(await background(page)).not.toBe(dark);

  // remembered across pages and reloads, painted before the page hydrates (no flash of the other theme)
  await page.goto('/groups');
  expect(await isDark(page)).toBe(false);
  await expect(page.getByRole('button', { name: 'Light theme (change theme)' })).toBeVisible();

  await page.getByRole('button', { name: 'Light theme (change theme)' }).click();
  await expect(page.getByRole('button', { name: 'Dark theme (change theme)' })).toBeVisible();
  await expect.poll(() => isDark(page)).toBe(true);
  await page.getByRole('button', { name: 'Dark theme (change theme)' }).click();
  await expect(page.getByRole('button', { name: 'System theme (change theme)' })).toBeVisible();
  // back to the system's setting, which is dark here
  expect(await isDark(page)).toBe(true);
});

// axe in both themes (and both languages) on every page: axe.spec.ts
