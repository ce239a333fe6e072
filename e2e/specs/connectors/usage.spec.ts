import { randomUUID } from 'node:crypto';
import { test, expect } from '../../fixtures/test';
import { accessTokenFor, tokenHeaders } from '../../fixtures/api';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';

/**
 * Usage per connector (issue 13 §2): what a connector's tokens did shows on its page and its usage charts,
 * by outcome; calls nobody authenticated (a wrong secret, a forged token) are nobody's usage.
 */
test('a connector page counts its calls by outcome, and a stranger cannot add to them', async ({ page, signIn, factory, request }, testInfo) => {
  const owner = await signIn();
  const groupId = await factory.makeGroup(owner.tenantId);
  const c = await factory.makeConnector({ tenantId: owner.tenantId, ownerId: owner.id, groupId, grantedBy: owner.id });

  // 1 exchange + 3 reads that succeed + 2 the API refuses (404) = 6 calls, 2 of them 4xx
  const token = await accessTokenFor(request, c, c.refreshToken);
  for (let i = 0; i < 3; i++) expect((await call(request, 'GET', `/groups/${groupId}`, token)).status()).toBe(200);
  for (let i = 0; i < 2; i++) expect((await call(request, 'GET', `/groups/${randomUUID()}`, token)).status()).toBe(404);

  // a stranger who knows the connector ID: a wrong secret, and a token that is not ours — neither counts
  const wrong = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret: 'not-the-secret' }, c.refreshToken) });
  expect(wrong.status()).toBe(401);
  expect((await call(request, 'GET', `/groups/${groupId}`, `${token.slice(0, -4)}AAAA`)).status()).toBe(401);

  await page.goto(`/connectors/${c.id}`);
  await expect(page.getByText("API calls made with this connector's tokens in the last 7 days")).toBeVisible();
  // counts reach Postgres in batches (USAGE_FLUSH_MS): reload until they are there
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('usage-week-calls')).toHaveText('6', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('usage-week-clientErrors')).toHaveText('2');
  await expect(page.getByRole('img', { name: 'Calls per day, last 7 days' })).toBeVisible();

  await page.getByRole('link', { name: 'Usage charts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
  await expect(page.getByTestId('usage-total-calls')).toHaveText('6');
  await expect(page.getByTestId('usage-total-clientErrors')).toHaveText('2');
  await expect(page.getByTestId('usage-total-throttled')).toHaveText('0');
  await expect(page.getByTestId('usage-total-serverErrors')).toHaveText('0');
  // the bars: the refused calls stack on the succeeded ones; the chart reads out a bar's figures (keyboard: the latest hour first)
  const chart = page.getByRole('slider', { name: 'Last 7 days, per hour' });
  await expect(chart.locator('rect[data-series="clientErrors"]').first()).toBeVisible();
  await chart.focus();
  await expect(page.getByTestId('usage-chart-tooltip')).toBeVisible();
  let read = 0; // the six calls fall in the latest hour, or in the two latest when an hour turned meanwhile
  for (const at of ['167', '166']) {
    await expect(chart).toHaveAttribute('aria-valuenow', at);
    read += Number(/: Calls (\d+), Succeeded \d+, 4xx \d+, 429 0, 5xx 0$/.exec((await chart.getAttribute('aria-valuetext')) ?? '')?.[1]);
    await chart.press('ArrowLeft');
  }
  expect(read).toBe(6);
  await saveScreenshot(page, testInfo, 'connector-usage-7-days');

  await page.getByRole('button', { name: '90 days' }).click();
  await expect(page.getByRole('heading', { name: 'Last 90 days, per day' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Last 90 days, per day' })).toHaveAttribute('aria-valuemax', '89');
  await expect(page.getByTestId('usage-total-calls')).toHaveText('6');
  await page.getByText('Show the figures as a table').click();
  await expect(page.getByRole('row').nth(1)).toContainText('6');
  await saveScreenshot(page, testInfo, 'connector-usage-90-days');

  // and the connectors list shows each one's week as a sparkline
  await page.goto('/connectors');
  await expect(page.getByRole('row', { name: new RegExp(c.name) }).getByRole('img', { name: '6 calls in the last 7 days' })).toBeVisible();
});

test('another organization cannot open a connector’s usage', async ({ page, signIn, factory }) => {
  await signIn({ tenant: 'fabrikam' });
  const other = await factory.makeUser();
  const c = await factory.makeConnector({ tenantId: other.tenantId, ownerId: other.id });
  const res = await page.goto(`/connectors/${c.id}/usage`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
