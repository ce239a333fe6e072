import { expect, test } from '../../fixtures/test';
import { expireAccessToken, IDP, PROVIDER_CLIENT, refreshCalls, revokeAtProvider } from '../../fixtures/connections';
import { saveScreenshot } from '../../fixtures/screenshot';

// The Zoho-style story (issue 14): an org admin adds a Custom Service pointing at the local OAuth provider
// (scripts/idp), Create and Connect goes through the provider's consent page, the connection shows as
// Connected with its snippet, Try it calls the provider; an expired token is refreshed with nobody doing
// anything; a grant revoked at the provider shows Needs reconnect, and Reconnect fixes it in place.

test('[CONNECTIONS] custom service, Create and Connect, Try it, refresh, Needs reconnect and Reconnect', async ({ page, signIn }, testInfo) => {
  test.setTimeout(120_000);
  const admin = await signIn({ orgAdmin: true });
  const account = `test:${admin.email}`;

  await page.goto('/connections');
  await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Add a service' }).click();
  await expect(page.getByRole('tab', { name: 'Pick Your Service' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: 'Services you can pick' }).getByRole('listitem')).toHaveCount(10);
  await saveScreenshot(page, testInfo, 'connections-pick-your-service');

  // Custom Service: the redirect URL is there before anything is saved; every bad value gets its own error
  await page.getByRole('tab', { name: 'Custom Service' }).click();
  await expect(page.getByTestId('redirect-url')).toHaveText(/\/api\/connections\/callback$/);
  await expect(page.getByRole('button', { name: 'Copy Redirect URL' })).toBeVisible();
  await page.getByLabel('Authorization URL').fill('not a url');
  await page.getByLabel('Access-token URL').fill('ftp://example.com/token');
  await page.getByLabel('Extra authorization parameters').fill('state=mine');
  await page.getByRole('button', { name: 'Save service' }).click();
  await expect(page.locator('#name-error')).toHaveText('Enter the service name.');
  await expect(page.locator('#clientId-error')).toHaveText('Enter the client ID the provider gave you.');
  await expect(page.locator('#clientSecret-error')).toHaveText('Enter the client secret the provider gave you.');
  await expect(page.locator('#authorizationUrl-error')).toContainText('Authorization URL:');
  await expect(page.locator('#tokenUrl-error')).toHaveText('Access-token URL: Use an http(s) URL.');
  await expect(page.locator('#extraAuthParams-error')).toHaveText('state is set by the flow itself.');
  await expect(page.locator('#allowedBaseUrls-error')).toHaveText('Enter at least one API base URL that calls may go to.');
  await saveScreenshot(page, testInfo, 'connections-custom-service-errors');

  const serviceName = `Local provider ${Date.now().toString(36)}`;
  await page.getByLabel('Service name').fill(serviceName);
  await page.getByLabel('Client ID').fill(PROVIDER_CLIENT.id);
  await page.getByLabel('Client secret').fill(PROVIDER_CLIENT.secret);
  await page.getByLabel('Authorization URL').fill(`${IDP}/auth`);
  await page.getByLabel('Access-token URL').fill(`${IDP}/token`);
  await page.getByLabel('Revocation URL (optional)').fill(`${IDP}/token/revocation`);
  await page.getByLabel('Scopes', { exact: true }).fill('openid email offline_access');
  await page.getByLabel('Extra authorization parameters').fill('');
  await page.getByLabel('Client authentication at the token URL').selectOption('basic');
  await page.getByLabel('Allowed API base URLs').fill(`${IDP}/resource/`);
  await page.getByRole('button', { name: 'Save service' }).click();
  await expect(page.getByRole('heading', { name: serviceName })).toBeVisible();
  await expect(page.getByText(PROVIDER_CLIENT.secret)).toHaveCount(0);

  // Create and Connect → the provider's consent page → back, Connected
  await page.getByLabel('Connection name').fill('Local API');
  await expect(page.getByLabel('Link name')).toHaveValue('local_api');
  await page.getByRole('button', { name: 'Create and Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Permissions requested' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'connections-provider-consent');
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { name: 'Local API', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Local API is connected.' })).toBeVisible();
  const summary = page.getByRole('definition');
  await expect(summary.filter({ hasText: 'Connected' })).toBeVisible();
  await expect(summary.filter({ hasText: admin.email })).toBeVisible();
  await expect(page.locator('pre').filter({ hasText: '/v1/connections/local_api/invoke' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy TypeScript snippet' })).toBeVisible();

  // Try it
  const tryUrl = page.getByLabel('URL', { exact: true });
  await tryUrl.fill(`${IDP}/resource/me`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('try-status')).toHaveText('200');
  await expect(page.getByTestId('try-body')).toContainText(admin.email);
  await saveScreenshot(page, testInfo, 'connections-connected-try-it');
  await tryUrl.fill(`${IDP}/token`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "not under the connection's allowed API base URLs" })).toBeVisible();

  // the access token expires: the next call refreshes it, nobody does anything
  const id = page.url().split('/connections/')[1]!.split('?')[0]!;
  await expireAccessToken(id);
  await tryUrl.fill(`${IDP}/resource/me`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('try-body')).toContainText(admin.email);
  expect(await refreshCalls(account)).toBe(1);

  // the grant is revoked at the provider: the next refresh fails for good → Needs reconnect
  await revokeAtProvider(account);
  await expireAccessToken(id);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'needs to be reconnected' }).first()).toBeVisible();
  await page.goto('/connections');
  const row = page.getByRole('row', { name: /Local API/ });
  await expect(row.getByText('Needs reconnect')).toBeVisible();
  await expect(row).toContainText('invalid_grant');
  await expect(page.getByRole('alert').filter({ hasText: '“Local API” needs to be reconnected' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Services' }).getByRole('listitem').filter({ hasText: serviceName })).toContainText('OAuth 2.0 · 1 connection');
  await saveScreenshot(page, testInfo, 'connections-list-needs-reconnect');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'connections-list-phone');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Reconnect, in place: same row, same link name, Connected again
  await row.getByRole('link', { name: 'Local API' }).click();
  await page.getByRole('button', { name: 'Reconnect' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Permissions requested' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Local API is reconnected.' })).toBeVisible();
  expect(page.url()).toContain(`/connections/${id}`);
  await page.getByLabel('URL', { exact: true }).fill(`${IDP}/resource/me`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('try-status')).toHaveText('200');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'connections-connection-phone');
});

test('[CONNECTIONS] declining at the provider lands on a clear page and saves nothing', async ({ page, signIn, factory }) => {
  await signIn({ orgAdmin: true });
  const tenant = await factory.tenantId('Contoso');
  const { makeService } = await import('../../fixtures/connections');
  const service = await makeService(tenant);
  await page.goto(`/connections/services/${service.id}`);
  await page.getByLabel('Connection name').fill('Declined one');
  await page.getByRole('button', { name: 'Create and Connect' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Access was not allowed' })).toBeVisible();
  await expect(page.getByText('access_denied')).toBeVisible();
  await page.goto('/connections');
  await expect(page.getByRole('link', { name: 'Declined one' })).toHaveCount(0);

  // a callback with a made-up state (or one from another browser) is refused the same way
  await page.goto('/api/connections/callback?state=forged&code=abc');
  await expect(page.getByRole('heading', { name: 'This sign-in link is not valid here' })).toBeVisible();
});

test('[CONNECTIONS] members see connections and snippets, but cannot set up, connect or try', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/connections');
  await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add a service' })).toHaveCount(0);
  const res = await page.goto('/connections/new');
  expect(res?.status()).toBe(403);
});
