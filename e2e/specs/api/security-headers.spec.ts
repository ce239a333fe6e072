import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../../fixtures/app-server';
import { E2E_DATABASE_URL } from '../../fixtures/db';

const FRAMING_AND_FRIENDS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': expect.stringContaining('camera=()'),
};
const AUTHORIZE = '/oauth/authorize?client_id=0a0a0a0a-0000-4000-8000-000000000000&redirect_uri=https%3A%2F%2Fapp.example.test%2Fcb&state=s';

test.describe('[SECURITY] response headers', () => {
  test('every answer forbids framing and sniffing: portal pages, the OAuth page, /v1 (also its errors)', async ({ request }) => {
    for (const path of ['/signin', AUTHORIZE, '/v1/health', '/v1/nothing-here', '/connectors']) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.headers(), path).toMatchObject(FRAMING_AND_FRIENDS);
      expect(res.headers()['strict-transport-security'], path).toBeUndefined(); // plain HTTP
    }
  });

  test('a foreign page cannot frame the OAuth sign-in page', async ({ page, baseURL }) => {
    await page.setContent(`<iframe id="f" src="${baseURL}${AUTHORIZE}" width="600" height="400"></iframe>`);
    const frame = page.frameLocator('#f');
    // the browser refuses to render it: an error document instead of our page
    await expect(page.locator('#f')).toBeAttached();
    await expect
      .poll(() =>
        page
          .frames()
          .find((f) => f !== page.mainFrame())
          ?.url(),
      )
      .toMatch(/^chrome-error:/);
    await expect(frame.locator('form')).toHaveCount(0);
  });

  test('HSTS behind a trusted proxy that says https (TRUST_PROXY=1, as the suite runs)', async ({ request }) => {
    for (const path of ['/signin', '/v1/health']) {
      const res = await request.get(path, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(res.headers()['strict-transport-security'], path).toMatch(/^max-age=\d{7,}/);
      expect(res.headers(), path).toMatchObject(FRAMING_AND_FRIENDS);
    }
  });

  test.describe('a server without TRUST_PROXY whose public URL is https (TLS ends at a proxy)', () => {
    let server: AppServer;
    test.beforeAll(async () => {
      const port = Number(process.env.E2E_PORT ?? 3100) + 51;
      server = await startAppServer({ port, databaseUrl: E2E_DATABASE_URL, env: { AUTH_URL: `https://localhost:${port}` } });
    });
    test.afterAll(async () => server?.stop());

    test('ignores a client-sent X-Forwarded-Proto: no HSTS', async ({ request }) => {
      const res = await request.get(`${server.url}/v1/health`, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(res.status()).toBe(200);
      expect(res.headers()['strict-transport-security']).toBeUndefined();
      expect(res.headers()).toMatchObject(FRAMING_AND_FRIENDS);
    });

    test('Auth.js cookies are __Secure-/__Host- and Secure when AUTH_URL is https; plain on the http suite server', async ({ request }) => {
      const secure = await request.get(`${server.url}/api/auth/csrf`);
      expect(secure.status()).toBe(200);
      const cookies = secure
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => h.value);
      const csrf = cookies.find((c) => c.includes('authjs.csrf-token='));
      expect(csrf).toMatch(/^__Host-authjs\.csrf-token=/);
      expect(csrf).toMatch(/;\s*Secure/i);
      expect(csrf).toMatch(/;\s*HttpOnly/i);

      const plain = await request.get('/api/auth/csrf', { headers: { 'X-Forwarded-Proto': 'https' } });
      const plainCsrf = plain.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('authjs.csrf-token='))?.value;
      expect(plainCsrf).toMatch(/^authjs\.csrf-token=/); // AUTH_URL (http here) decides, not the header
    });
  });
});
