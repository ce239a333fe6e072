import { expect, test } from '@playwright/test';
import { newPhoneNumber, newTestUser } from '../../fixtures/data';
import { saveScreenshot } from '../../fixtures/screenshot';
import { PhoneNumbersPage } from '../../pages/phone-numbers-page';
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

  test('sign-out ends the session: protected pages redirect to sign-in again', async ({ page }, testInfo) => {
    const user = newTestUser();
    const signIn = new SignInPage(page);
    await signIn.signIn(user.email, user.password);
    await new PhoneNumbersPage(page).addAndVerify(newPhoneNumber());
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await saveScreenshot(page, testInfo, 'home');

    await signIn.signOut();
    await expect(page).toHaveURL(/\/signin\?signedOut=1/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole('button', { name: 'Sign in with Office 365' })).toBeVisible();
  });
});
