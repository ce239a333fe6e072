import type { APIRequestContext, Page } from '@playwright/test';
import { makeConnector, tenantId } from '../../fixtures/factory';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

/** The API reference page (/api-reference): the served OpenAPI document, rendered by our own copy of Scalar. */

// Scalar parses the 3.5 MB bundle and renders the document section by section: seconds on a busy 2-core machine
const RENDERED = { timeout: 30_000 };

interface Operation {
  method: string;
  path: string;
  summary: string;
}

async function operationsOf(request: APIRequestContext): Promise<Operation[]> {
  const res = await request.get('/v1/openapi.json');
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { summary: string }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, summary: op.summary })));
}

/** Aborts, and records, every request the page's context tries to send anywhere but this machine. */
async function offline(page: Page): Promise<string[]> {
  const attempted: string[] = [];
  await page.context().route(
    (url) => !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname),
    (route) => {
      attempted.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return attempted;
}

/** Each operation: its summary as a heading, and its method and path on its Test Request button. */
async function expectOperations(page: Page, ops: Operation[]) {
  const reference = page.getByTestId('api-reference');
  for (const op of ops) {
    const section = reference.getByRole('region', { name: op.summary, exact: true });
    await expect(section.getByRole('heading', { name: op.summary, exact: true })).toBeVisible(RENDERED);
    await expect(section.getByRole('button', { name: `Test Request (${op.method} ${op.path})` })).toBeVisible();
  }
}

test.describe('[DOCS] API reference', () => {
  test('renders every operation of the served OpenAPI document', async ({ page, request }) => {
    // one look per operation: the time grows with the route table (46 operations with media, bots, reactions)
    test.setTimeout(150_000);
    const ops = await operationsOf(request);
    expect(ops.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual(expect.arrayContaining(['GET /v1/groups', 'GET /v1/accessToken']));
    await page.goto('/api-reference');
    await expect(page).toHaveTitle('API reference · Connector Portal');
    await expect(page.getByRole('heading', { level: 1, name: 'Connector Portal API' })).toBeVisible(RENDERED);
    await expectOperations(page, ops);
    // the renderer comes from our server, versioned, cached for a year; an unknown version is a 404
    const script = page.locator('script[src^="/api-reference/assets/scalar-"]');
    await expect(script).toHaveCount(1);
    const asset = await request.get((await script.getAttribute('src'))!);
    expect(asset.status()).toBe(200);
    expect(asset.headers()).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
    // compressed as sent: brotli to a browser that takes it (once the server has it made: gzip until then), gzip else
    const src = (await script.getAttribute('src'))!;
    const sent = (encoding: string) => request.get(src, { headers: { 'accept-encoding': encoding } });
    await expect.poll(async () => (await sent('gzip, deflate, br')).headers()['content-encoding'], { timeout: 30_000 }).toBe('br');
    const [br, gzip] = [await sent('gzip, deflate, br'), await sent('gzip')];
    expect(gzip.headers()['content-encoding']).toBe('gzip');
    expect(br.headers().vary).toMatch(/accept-encoding/i);
    expect(Buffer.compare(await br.body(), await gzip.body())).toBe(0); // the same bundle inside
    expect((await br.body()).toString('utf8', 0, 400)).toContain('@scalar/api-reference');
    expect((await request.get('/api-reference/assets/scalar-0.0.1.js')).status()).toBe(404);
  });

  test('works with no internet: nothing is fetched from anywhere else, also when a request is tried out', async ({ page, request }, testInfo) => {
    // every operation rendered (as in the test above), then the test client opened and used: 80 s when the 2 cores are busy
    test.setTimeout(240_000);
    const attempted = await offline(page);
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const ops = await operationsOf(request);
    const res = await page.goto('/api-reference');
    // the app's CSP applies here unchanged
    expect(res?.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
    await expectOperations(page, ops);
    await expect.poll(() => page.evaluate(() => document.fonts.status)).toBe('loaded');

    // the built-in client sends to our /v1 only (no proxy, no telemetry)
    await page.getByRole('button', { name: 'Test Request (get /v1/health)' }).click();
    const client = page.getByRole('dialog');
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/health');
    await client.getByRole('button', { name: /^Send/ }).first().click();
    expect((await answer).status()).toBe(200);
    await expect(client.getByText('"database"').first()).toBeVisible();
    await saveScreenshot(page, testInfo, 'api-reference-test-request', { fullPage: false });
    await page.keyboard.press('Escape');
    await expect(client).toBeHidden();

    expect(attempted).toEqual([]);
    expect(cspViolations).toEqual([]);
    // the recorder does see a request that leaves the machine
    await page.evaluate(() => fetch('https://cdn.example.com/x.js').catch(() => null));
    expect(attempted).toEqual(['https://cdn.example.com/x.js']);
  });

  test('the header link (by keyboard) and the connector page lead there; the portal header stays', async ({ alicePage: page }, testInfo) => {
    test.slow(); // Scalar renders twice
    await page.goto('/');
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API reference' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/api-reference$/);
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('user-name')).toHaveText('Alice Anders');
    await expect(page.getByRole('heading', { name: 'Groups the token reaches', exact: true })).toBeVisible(RENDERED);
    for (const [width, height, name] of [
      [1280, 900, 'api-reference-signed-in-desktop'],
      [390, 844, 'api-reference-signed-in-phone'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await saveScreenshot(page, testInfo, name, { fullPage: false });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // back in the portal (client-side navigation): Scalar is gone, the portal looks as before
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connectors' }).click();
    await expect(page).toHaveURL(/\/connectors$/);
    await expect(page.getByTestId('api-reference')).toHaveCount(0);
    await expect(page.locator('body')).not.toHaveClass(/light-mode/);

    const { id } = await makeConnector({ tenantId: await tenantId('Contoso'), name: `Documented ${Date.now().toString(36)}` });
    await page.goto(`/connectors/${id}`);
    await page.getByRole('main').getByRole('link', { name: 'API reference' }).click();
    await expect(page).toHaveURL(/\/api-reference$/);
    await expect(page.getByRole('heading', { name: 'Exchange a refresh token for a 24 h access token', exact: true })).toBeVisible(RENDERED);
  });

  test('a signed-out visitor gets the page too, with a way to sign in', async ({ page, request }, testInfo) => {
    const res = await page.goto('/api-reference');
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/\/api-reference$/);
    await expectOperations(page, (await operationsOf(request)).slice(0, 4));
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin?callbackUrl=%2Fapi-reference');
    for (const [width, height, name] of [
      [1280, 900, 'api-reference-desktop'],
      [390, 844, 'api-reference-phone'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await saveScreenshot(page, testInfo, name, { fullPage: false });
    }
    // on a phone the document fits the width: nothing to scroll sideways
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
