import { newTestUser } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { makeConnector, makeUser } from '../../fixtures/factory';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';
import { SignInPage } from '../../pages/sign-in-page';

test.describe('[AUTH]', () => {
  test('a signed-out visitor of a protected page is sent to sign-in, and comes back there after signing in', async ({ page }, testInfo) => {
    await page.goto('/settings/phone-numbers');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fphone-numbers/);
    await expect(page.getByRole('button', { name: 'Sign in with Office 365' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'signin');

    const signIn = new SignInPage(page);
    await signIn.startSignIn();
    await saveScreenshot(page, testInfo, 'idp-email-step');
    const user = newTestUser();
    await signIn.enterEmail(user.email);
    await saveScreenshot(page, testInfo, 'idp-password-step');
    await signIn.enterPassword(user.password);
    await expect(page).toHaveURL(/\/settings\/phone-numbers/);
  });

  test('alice signs in and sees her name, organization and role', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.signIn('alice@contoso.com', 'alice-pass');
    const who = page.getByLabel('Signed-in user');
    await expect(who.getByTestId('user-name')).toHaveText('Alice Anders');
    await expect(who.getByTestId('user-tenant')).toHaveText('Contoso');
    await expect(who.getByTestId('user-role')).toHaveText('Organization admin');
  });

  test('a member of the other tenant is shown with that tenant and the member role', async ({ page }) => {
    const user = newTestUser({ tenant: 'fabrikam' });
    await new SignInPage(page).signIn(user.email, user.password);
    await expect(page.getByTestId('user-tenant')).toHaveText('Fabrikam');
    await expect(page.getByTestId('user-role')).toHaveText('Member');
  });

  test('a wrong password shows an error and does not sign in', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.startSignIn();
    await signIn.enterEmail('bob@contoso.com');
    await signIn.enterPassword('not-his-password');
    await expect(page.getByRole('alert')).toContainText('Your account or password is incorrect');
    await expect(page.getByRole('heading', { name: 'Enter password' })).toBeVisible();
    // and an unknown account is refused at the first step
    await page.goto('/signin');
    await signIn.startSignIn();
    await signIn.enterEmail('nobody@contoso.com');
    await expect(page.getByRole('alert')).toContainText("couldn't find an account");
  });

  test('sign-out ends the session: protected pages redirect to sign-in again', async ({ page, signInPage: signIn }, testInfo) => {
    // a fresh sign-in of its own (never a persona's stored session: signing out revokes it); the number is
    // verified already, phone registration has its own spec
    const user = await makeUser();
    await signIn.signIn(user.email, user.password);
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await saveScreenshot(page, testInfo, 'home');

    await signIn.signOut();
    await expect(page).toHaveURL(/\/signin\?signedOut=1/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole('button', { name: 'Sign in with Office 365' })).toBeVisible();
  });
  test('sign-out ends the session on the server: a copy of the session cookie is sent to sign-in, and a replayed action is refused', async ({
    page,
    browser,
    signIn,
  }) => {
    const user = await signIn({ name: 'leaky' });
    // a server-action call of this session (a write: a user token for the user's own connector), captured to replay it later
    const own = await makeConnector({ tenantId: user.tenantId, ownerId: user.id, name: 'Before Sign-out', permissions: ['Media'] });
    await page.goto(`/connectors/${own.id}`);
    const captured = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByRole('button', { name: 'Generate user token' }).click();
    await expect(page.getByTestId('new-refresh-token')).toHaveText(/^cprt_/);
    const createCall = await captured;

    // the session cookie copied into a second browser works there, until sign-out
    const copy = await (await browser.newContext()).newPage();
    await copy.context().addCookies(await page.context().cookies());
    await copy.goto('/');
    await expect(copy.getByRole('heading', { name: /Welcome/ })).toBeVisible();

    await page.goto('/');
    await new SignInPage(page).signOut();
    const revoked = await withDb(
      async (db) => (await db.query('SELECT expires_at FROM revoked_sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)', [user.email])).rows,
    );
    expect(revoked).toHaveLength(1);
    const hoursLeft = (new Date(revoked[0].expires_at).getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(7.5);
    expect(hoursLeft).toBeLessThanOrEqual(8);

    await copy.goto('/connectors');
    await expect(copy).toHaveURL(/\/signin/);
    await expect(copy.getByRole('button', { name: 'Sign in with Office 365' })).toBeVisible();
    const replay = await copy.request.post(createCall.url(), {
      headers: { 'next-action': createCall.headers()['next-action']!, 'content-type': createCall.headers()['content-type']!, accept: 'text/x-component' },
      data: createCall.postData()!,
    });
    expect(await replay.text()).toContain('Your session has ended. Sign in again to continue.');
    // nothing was written: still the one grant made before sign-out
    const made = await withDb(
      async (db) => (await db.query('SELECT count(*)::int AS n FROM grants WHERE connector_id = $1 AND user_id = $2', [own.id, user.id])).rows[0].n,
    );
    expect(made).toBe(1);
    await copy.context().close();
  });

  test('removing a user ends their sessions at once', async ({ page, signIn }) => {
    const user = await signIn({ name: 'leaver' });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await withDb((db) => db.query('DELETE FROM users WHERE email = $1', [user.email]));
    await page.goto('/connectors');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole('button', { name: 'Sign in with Office 365' })).toBeVisible();
  });
});
