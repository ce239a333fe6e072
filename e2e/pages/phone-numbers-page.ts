import { whichAppears } from '../fixtures/appears';
import { expect, type Page } from '@playwright/test';

export class PhoneNumbersPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/settings/phone-numbers');
  }

  get list() {
    return this.page.getByRole('list', { name: 'Phone numbers' });
  }

  row(display: string) {
    return this.list.getByRole('listitem', { name: display });
  }

  /** Opens the add form unless it is open already (first registration opens it); waits for the page first. */
  async openAddForm() {
    const add = this.page.getByRole('button', { name: 'Add a Phone Number' });
    const field = this.page.getByLabel('Phone number', { exact: true });
    if ((await whichAppears({ add, field })) === 'add') await add.click();
    await expect(field).toBeVisible();
  }

  async generatePin(phone: string) {
    await this.openAddForm();
    await this.page.getByLabel('Phone number', { exact: true }).fill(phone);
    await this.page.getByRole('button', { name: 'Generate PIN' }).click();
  }

  async expectPinSent() {
    await expect(this.page.getByRole('heading', { name: 'Enter the PIN' })).toBeVisible();
  }

  async enterPin(code: string) {
    await this.page.getByLabel('PIN', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Verify PIN' }).click();
  }

  fieldError(id: 'phone' | 'code') {
    return this.page.locator(`#${id}-error`);
  }

  /** Reads the newest PIN texted to `e164` from the dev outbox page, in a second tab. */
  async readPinFromOutbox(e164: string, notEqualTo?: string): Promise<string> {
    const outbox = await this.page.context().newPage();
    try {
      await outbox.goto('/dev/outbox');
      const message = outbox.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: e164 }).first();
      let code = '';
      await expect(async () => {
        await outbox.reload();
        const text = await message.innerText();
        code = /PIN is (\d{6})/.exec(text)?.[1] ?? '';
        expect(code).toMatch(/^\d{6}$/);
        if (notEqualTo) expect(code).not.toBe(notEqualTo);
      }).toPass({ timeout: 10_000 });
      return code;
    } finally {
      await outbox.close();
    }
  }

  /** Add a number and verify it with the PIN from the outbox. */
  async addAndVerify(e164: string) {
    await this.generatePin(e164);
    await this.expectPinSent();
    const code = await this.readPinFromOutbox(e164);
    await this.enterPin(code);
  }
}
