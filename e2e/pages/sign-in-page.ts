import { expect, type Page } from '@playwright/test';

/** The portal's sign-in page and the Office 365-style provider's two steps. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/signin');
  }

  async startSignIn() {
    await this.page.getByRole('button', { name: 'Sign in with Office 365' }).click();
    // the provider's own page (its email field), fully loaded: a look at the page must not race the navigation
    await expect(this.page.getByLabel('Email, phone, or Skype')).toBeVisible();
    await this.page.waitForLoadState('load');
  }

  async enterEmail(email: string) {
    await this.page.getByLabel('Email, phone, or Skype').fill(email);
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async enterPassword(password: string) {
    await expect(this.page.getByRole('heading', { name: 'Enter password' })).toBeVisible();
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The whole flow from the portal's sign-in page back into the portal. */
  async signIn(email: string, password: string) {
    await this.goto();
    await this.startSignIn();
    await this.enterEmail(email);
    await this.enterPassword(password);
    // back in the portal: the signed-in header is shown (after the callback's redirects have settled)
    await expect(this.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByText('You have signed out.')).toBeVisible();
  }
}
