import type { Page, Request } from '@playwright/test';
import { test, expect } from '../../fixtures/test';

/**
 * Links prefetch on intent (components/ui/link.tsx): loading a page sends no route prefetches for the links it
 * shows (navigation, table rows, pagers); pointing at a link or focusing it prefetches that one route.
 */
test.use({ persona: 'alice' });

/** The router's requests for a route's server payload (prefetch or navigation), recorded from now on. */
function routeRequests(page: Page) {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.headers()['rsc'] === '1') seen.push(r);
  });
  return {
    paths: () => seen.map((r) => new URL(r.url()).pathname),
    prefetches: () => seen.filter((r) => r.headers()['next-router-prefetch']).map((r) => new URL(r.url()).pathname),
  };
}

test('a page prefetches no links while loading; hovering or focusing one prefetches that route', async ({ page }) => {
  const rsc = routeRequests(page);
  await page.goto('/connectors', { waitUntil: 'networkidle' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Groups' })).toBeVisible();
  // the header, the table and the pager show several links; none was fetched ahead
  expect(await page.getByRole('link').count()).toBeGreaterThan(4);
  expect(rsc.paths()).toEqual([]);

  await nav.getByRole('link', { name: 'Groups' }).hover();
  await expect.poll(() => rsc.prefetches()).toContain('/groups');
  // only the route the user reached for
  expect(rsc.paths().every((p) => p === '/groups')).toBe(true);

  await nav.getByRole('link', { name: 'Audit log' }).focus();
  await expect.poll(() => rsc.prefetches()).toContain('/audit');

  await nav.getByRole('link', { name: 'Groups' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
});
