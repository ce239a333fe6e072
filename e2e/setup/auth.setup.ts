import { whichAppears } from '../fixtures/appears';
import { expect, test as setup } from '@playwright/test';
import { latestPin } from '../fixtures/api';
import { DEMO, PERSONAS, personaStatePath } from '../fixtures/session';
import { PhoneNumbersPage } from '../pages/phone-numbers-page';
import { SignInPage } from '../pages/sign-in-page';

/**
 * One real sign-in per persona, through the UI: the portal's sign-in page, the Office 365-style provider's
 * two steps, and (on a fresh database) phone registration with the PIN from the dev outbox feed. The
 * signed-in state is kept in e2e/.auth/<persona>.json for the specs (fixtures/test.ts). Sessions last 8 h
 * and are made anew on every run. Nobody signs a persona out: sign-out revokes the session server-side,
 * so specs that sign out use a fresh sign-in of their own.
 */
for (const who of PERSONAS) {
  setup(`sign in as ${who}`, async ({ page, request }) => {
    const d = DEMO[who];
    await new SignInPage(page).signIn(d.email, d.password);
    const welcome = page.getByRole('heading', { name: /Welcome/ });
    const mustRegister = page.getByText('Register a phone number to continue.');
    if ((await whichAppears({ welcome, mustRegister })) === 'mustRegister') {
      const phones = new PhoneNumbersPage(page);
      await phones.generatePin(d.phone);
      await phones.expectPinSent();
      let pin = '';
      await expect(async () => {
        pin = await latestPin(request, d.phone);
      }).toPass({ timeout: 10_000 });
      await phones.enterPin(pin);
      await expect(welcome).toBeVisible();
    }
    await expect(page.getByLabel('Signed-in user').getByTestId('user-name')).toHaveText(d.name);
    await page.context().storageState({ path: personaStatePath(who) });
  });
}
