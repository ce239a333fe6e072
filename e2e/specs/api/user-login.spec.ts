import { accessTokenFor, apiConnector, latestPin, type ApiConnector } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { makeConnector, tenantId } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';
import { SEEDED_GROUPS } from '../../pages/group-page';

const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };

test.describe.serial('[API] user tokens: PIN login and OAuth 2.0', () => {
  let main: ApiConnector; // Group Information + User Profile, granted to Marketing

  test.beforeAll(async () => {
    main = await apiConnector({ permissions: ['Group Information', 'User Profile'] });
  });

  test("PIN login: generatePin + loginWithPinAndApplicationId issue a user token reaching the number's groups", async ({ request }) => {
    const phone = '+14255550103'; // carol: member of Marketing, Field Sales, North
    const bad = await request.post('/v1/generatePin', { data: { mobileNumber: '12345', applicationId: main.id } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'InvalidPhone' });
    const unknown = await request.post('/v1/generatePin', { data: { mobileNumber: phone, applicationId: '0a0a0a0a-0000-4000-8000-000000000000' } });
    expect(unknown.status()).toBe(401);

    const sent = await request.post('/v1/generatePin', { data: { mobileNumber: phone, applicationId: main.id } });
    expect(sent.status()).toBe(200);
    expect(await sent.json()).toEqual({});
    const pin = await latestPin(request, phone);
    const wrong = await request.post('/v1/loginWithPinAndApplicationId', {
      data: { mobileNumber: phone, applicationId: main.id, pin: pin === '000000' ? 111111 : 0 },
    });
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'PinWrong' });

    const login = await request.post('/v1/loginWithPinAndApplicationId', { data: { mobileNumber: phone, applicationId: main.id, pin: Number(pin) } });
    expect(login.status()).toBe(200);
    const body = await login.json();
    expect(body.refreshToken).toMatch(/^cprt_/);
    expect(body.grantedScope).toContain('groupinfo.read');
    expect(body.refreshTokenExpiry).toBeGreaterThan(Date.now() + 364 * 86_400_000);
    // single use
    const again = await request.post('/v1/loginWithPinAndApplicationId', { data: { mobileNumber: phone, applicationId: main.id, pin: Number(pin) } });
    expect(again.status()).toBe(400);

    const access = await accessTokenFor(request, main, body.refreshToken);
    const groups = (await (await request.get('/v1/groups', { headers: { accessToken: access } })).json()).groups.map((g: { groupName: string }) => g.groupName);
    expect(groups).toEqual(['Field Sales', 'Marketing', 'North']);
    // "every group the number belongs to": not a sub-group of those where carol is no member
    expect((await request.get(`/v1/groups/${SEEDED_GROUPS.south}`, { headers: { accessToken: access } })).status()).toBe(404);
    expect((await request.get(`/v1/groups/${SEEDED_GROUPS.north}`, { headers: { accessToken: access } })).status()).toBe(200);
    const me = await request.get('/v1/users/me', { headers: { accessToken: access } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ phoneNumber: phone, tenantId: expect.any(String) });
  });

  test('OAuth 2.0: authorize with phone + PIN, code to the registered redirect URL, token endpoint; codes are single use and bound to the redirect URL', async ({
    page,
    request,
    alicePage: owner,
  }) => {
    const redirect = 'https://client.example.test/oauth/callback';
    // the developer registers the redirect URL on the connector page
    await owner.goto(`/connectors/${main.id}`);
    await owner.getByLabel('Add a redirect URL').fill(redirect);
    await owner.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(owner.getByRole('list', { name: 'Redirect URLs' })).toContainText(redirect);

    // an unregistered redirect URL is refused on the page, never redirected to
    await page.goto(`/oauth/authorize?client_id=${main.id}&redirect_uri=${encodeURIComponent('https://evil.example.test/cb')}`);
    await expect(page.getByRole('heading', { name: 'This sign-in link does not work' })).toBeVisible();

    // the third-party site is outside our world: Playwright answers for it
    await page.route('https://client.example.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Client app</h1>' }));
    const phone = newPhoneNumber();
    await page.goto(`/oauth/authorize?client_id=${main.id}&redirect_uri=${encodeURIComponent(redirect)}&state=xyz123`);
    await expect(page.getByRole('heading', { name: `Connect ${main.name}` })).toBeVisible();
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Send PIN' }).click();
    await expect(page.getByText('We texted a PIN to')).toBeVisible();
    await page.getByLabel('PIN').fill(await latestPin(request, phone));
    await page.getByRole('button', { name: 'Sign in and connect' }).click();
    await page.waitForURL(/client\.example\.test\/oauth\/callback/);
    const url = new URL(page.url());
    expect(url.searchParams.get('state')).toBe('xyz123');
    const code = url.searchParams.get('code')!;
    expect(code.length).toBeGreaterThan(20);

    const wrongRedirect = await request.post('/v1/oauth/token', {
      form: { client_id: main.id, client_secret: main.secret, code, redirect_uri: 'https://client.example.test/other' },
    });
    expect(wrongRedirect.status()).toBe(400);
    expect(await wrongRedirect.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'InvalidGrant', error: 'invalid_grant' });
    const code2 = code; // a refused attempt does not spend the code
    const token = await request.post('/v1/oauth/token', { form: { client_id: main.id, client_secret: main.secret, code: code2, redirect_uri: redirect } });
    expect(token.status()).toBe(200);
    const body = await token.json();
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'accessTokenExpiry', 'endpointUrl', 'refreshToken', 'scope']);
    expect(body.refreshToken).toMatch(/^cprt_/);
    const me = await request.get('/v1/users/me', { headers: { accessToken: body.accessToken } });
    expect(await me.json()).toMatchObject({ phoneNumber: phone });

    // another connector presenting the (now used) code: refused, and the victim's grant is untouched
    const stranger = await makeConnector({ tenantId: await tenantId('Contoso') });
    const stolen = await request.post('/v1/oauth/token', { form: { client_id: stranger.id, client_secret: stranger.secret, code: code2 } });
    expect(stolen.status()).toBe(400);
    expect(await stolen.json()).toMatchObject({ errorCode: 'InvalidGrant', error: 'invalid_grant' });
    expect((await request.get('/v1/users/me', { headers: { accessToken: body.accessToken } })).status()).toBe(200);

    // reuse: refused, and what the code produced is revoked
    const reuse = await request.post('/v1/oauth/token', { form: { client_id: main.id, client_secret: main.secret, code: code2 } });
    expect(reuse.status()).toBe(400);
    expect(await reuse.json()).toMatchObject({ errorCode: 'InvalidGrant', error: 'invalid_grant' });
    expect((await request.get('/v1/users/me', { headers: { accessToken: body.accessToken } })).status()).toBe(401);
    const wrongSecret = await request.post('/v1/oauth/token', { form: { client_id: main.id, client_secret: 'nope', code: 'whatever' } });
    expect(wrongSecret.status()).toBe(401);
  });
});
