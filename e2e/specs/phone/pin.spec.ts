import { withDb } from '../../fixtures/db';
import { displayUs, newPhoneNumber, newTestUser } from '../../fixtures/data';
import { expect, test } from '../../fixtures/test';
import { saveScreenshot } from '../../fixtures/screenshot';
import { PhoneNumbersPage } from '../../pages/phone-numbers-page';
import { SignInPage } from '../../pages/sign-in-page';

test.describe('[PHONE]', () => {
  test('a new user registers a phone number with a PIN from the SMS outbox, then lands on home', async ({ page }, testInfo) => {
    const user = newTestUser();
    await new SignInPage(page).signIn(user.email, user.password);

    // no verified number yet: the portal sends the user to phone registration
    await expect(page).toHaveURL(/\/settings\/phone-numbers/);
    await expect(page.getByText('Register a phone number to continue.')).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/settings\/phone-numbers/);
    await saveScreenshot(page, testInfo, 'phone-registration');

    const phones = new PhoneNumbersPage(page);
    const number = newPhoneNumber();
    await phones.generatePin(number);
    await phones.expectPinSent();
    await expect(page.getByText(/We texted a 6-digit PIN to/)).toContainText(displayUs(number));
    await saveScreenshot(page, testInfo, 'phone-enter-pin');

    const outbox = await page.context().newPage();
    await outbox.goto('/dev/outbox');
    await expect(outbox.getByRole('listitem').filter({ hasText: number })).toContainText('Your Connector Portal PIN is');
    await saveScreenshot(outbox, testInfo, 'dev-outbox');
    await outbox.close();

    await phones.enterPin(await phones.readPinFromOutbox(number));
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await expect(page.getByTestId('user-phone')).toHaveText(displayUs(number));
    await expect(page.getByRole('list', { name: 'Sections' })).toBeVisible();
  });

  test('five wrong PINs lock the code: even the right one is refused afterwards', async ({ page, signIn }) => {
    await signIn({ phone: null });
    await page.goto('/');
    await expect(page.getByText('Register a phone number to continue.')).toBeVisible();
    const phones = new PhoneNumbersPage(page);
    const number = newPhoneNumber();
    await phones.generatePin(number);
    const code = await phones.readPinFromOutbox(number);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      await phones.enterPin(wrong);
      await expect(phones.fieldError('code')).toHaveText(`That PIN is not correct. ${left} attempt${left === 1 ? '' : 's'} left.`);
    }
    await phones.enterPin(wrong);
    await expect(phones.fieldError('code')).toHaveText('Too many wrong attempts: this PIN no longer works. Generate a new PIN.');
    await phones.enterPin(code);
    await expect(phones.fieldError('code')).toHaveText('Too many wrong attempts: this PIN no longer works. Generate a new PIN.');
    await expect(page).toHaveURL(/\/settings\/phone-numbers/);

    // a new PIN works
    await page.getByRole('button', { name: 'Resend PIN' }).click();
    const fresh = await phones.readPinFromOutbox(number, code);
    await phones.enterPin(fresh);
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  });

  test('an expired PIN is refused', async ({ page, signIn }) => {
    await signIn({ phone: null });
    await page.goto('/');
    await expect(page.getByText('Register a phone number to continue.')).toBeVisible();
    const phones = new PhoneNumbersPage(page);
    const number = newPhoneNumber();
    await phones.generatePin(number);
    const code = await phones.readPinFromOutbox(number);
    // eleven minutes pass
    await withDb((db) =>
      db.query(`UPDATE pin_challenges SET expires_at = now() - interval '1 minute', created_at = created_at - interval '11 minutes' WHERE e164 = $1`, [number]),
    );
    await phones.enterPin(code);
    await expect(phones.fieldError('code')).toHaveText('This PIN has expired (PINs are valid for 10 minutes). Generate a new PIN.');
    await expect(page).toHaveURL(/\/settings\/phone-numbers/);
  });

  test('bad input: an invalid number and a malformed PIN get field errors; nothing is stored', async ({ page, signIn }) => {
    await signIn({ phone: null });
    await page.goto('/');
    await expect(page.getByText('Register a phone number to continue.')).toBeVisible();
    const phones = new PhoneNumbersPage(page);
    await phones.generatePin('425 555 0101');
    await expect(phones.fieldError('phone')).toContainText('international format');
    await phones.generatePin('+1 555');
    await expect(phones.fieldError('phone')).toHaveText('This is not a valid phone number. Check the country code and the digits.');
    await phones.generatePin('+1 900 555 1234');
    await expect(phones.fieldError('phone')).toContainText('Premium-rate');
    await expect(page.getByText('No phone numbers yet')).toBeVisible();

    const number = newPhoneNumber();
    await phones.generatePin(number);
    await phones.enterPin('12ab');
    await expect(phones.fieldError('code')).toHaveText('The PIN is the 6 digits from the SMS.');
  });

  test('at most five PINs per number in ten minutes', async ({ page, signIn }) => {
    await signIn({ phone: null });
    await page.goto('/');
    await expect(page.getByText('Register a phone number to continue.')).toBeVisible();
    const phones = new PhoneNumbersPage(page);
    const number = newPhoneNumber();
    await phones.generatePin(number);
    await phones.expectPinSent();
    const sentCount = async () => (await withDb((db) => db.query('SELECT count(*)::int AS n FROM sms_outbox WHERE "to" = $1', [number]))).rows[0].n as number;
    await expect.poll(sentCount).toBe(1);
    for (let i = 2; i <= 5; i++) {
      await page.getByRole('button', { name: 'Resend PIN' }).click();
      await expect.poll(sentCount).toBe(i);
    }
    await page.getByRole('button', { name: 'Resend PIN' }).click();
    await expect(phones.fieldError('code')).toContainText('Too many PINs were sent to this number. You can request a new one in');
    expect(await sentCount()).toBe(5);
  });

  test('a number verified by another user of the same organization is refused; another organization may use it', async ({ signedIn }) => {
    const number = newPhoneNumber();
    const { page: first } = await signedIn({ phone: null });
    await first.goto('/settings/phone-numbers');
    await new PhoneNumbersPage(first).addAndVerify(number);
    await expect(first.getByRole('heading', { name: /Welcome/ })).toBeVisible();

    const { page: second } = await signedIn({ phone: null });
    await second.goto('/settings/phone-numbers');
    const phones = new PhoneNumbersPage(second);
    await phones.generatePin(number);
    await expect(phones.fieldError('phone')).toHaveText('This number is already verified by another user of your organization.');

    const { page: third } = await signedIn({ tenant: 'fabrikam', phone: null });
    await third.goto('/settings/phone-numbers');
    await new PhoneNumbersPage(third).addAndVerify(number);
    await expect(third.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  });

  test('a second number: verify it, switch the active number, remove one', async ({ page, signIn }, testInfo) => {
    await signIn({ phone: null });
    await page.goto('/');
    await expect(page.getByText('Register a phone number to continue.')).toBeVisible();
    const phones = new PhoneNumbersPage(page);
    const first = newPhoneNumber();
    const second = newPhoneNumber();
    await phones.addAndVerify(first);
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();

    await phones.goto();
    await phones.addAndVerify(second);
    await expect(page.getByText(`${displayUs(second)} is verified.`)).toBeVisible();
    await expect(phones.row(displayUs(first))).toContainText('Active');
    await expect(phones.row(displayUs(second))).toContainText('Verified');
    await saveScreenshot(page, testInfo, 'phone-numbers');

    await phones.row(displayUs(second)).getByRole('button', { name: 'Make active' }).click();
    await expect(phones.row(displayUs(second))).toContainText('Active');
    await expect(page.getByTestId('user-phone')).toHaveText(displayUs(second));

    // removing asks for confirmation; Cancel keeps the number
    await phones
      .row(displayUs(first))
      .getByRole('button', { name: `Remove ${displayUs(first)}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Remove ${displayUs(first)}?` });
    await expect(dialog).toBeVisible();
    await saveScreenshot(page, testInfo, 'phone-remove-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(phones.row(displayUs(first))).toBeVisible();

    await phones
      .row(displayUs(first))
      .getByRole('button', { name: `Remove ${displayUs(first)}` })
      .click();
    await dialog.getByRole('button', { name: 'Remove number' }).click();
    await expect(phones.row(displayUs(first))).toHaveCount(0);
    await expect(phones.row(displayUs(second))).toContainText('Active');
  });
});
