import { expect, type Page } from '@playwright/test';

export const SEEDED_GROUPS = {
  marketing: '00000000-0000-4000-8000-0000000a0001',
  fieldSales: '00000000-0000-4000-8000-0000000a0002',
  north: '00000000-0000-4000-8000-0000000a0003',
  south: '00000000-0000-4000-8000-0000000a0004',
} as const;

export class GroupPage {
  constructor(readonly page: Page) {}

  async openConnectorsTab(groupId: string) {
    await this.page.goto(`/groups/${groupId}`);
    await this.page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: 'CONNECTORS' }).click();
    await expect(this.page.getByRole('heading', { name: 'Connectors in this group' })).toBeVisible();
  }

  options() {
    return this.page.getByLabel('Connector', { exact: true }).locator('option');
  }

  /** Add Connector; returns the refresh token shown. */
  async addConnector(name: string) {
    await this.page.getByLabel('Connector', { exact: true }).selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Add Connector' }).click();
    const token = this.page.getByTestId('new-refresh-token');
    await expect(token).toHaveText(/^cprt_/);
    return (await token.innerText()).trim();
  }

  granted(name: string) {
    return this.page.getByRole('list', { name: 'Granted connectors' }).getByRole('listitem', { name });
  }

  async regenerate(name: string) {
    await this.granted(name).getByRole('button', { name: 'Regenerate' }).click();
    await this.page
      .getByRole('dialog', { name: `Regenerate the token of ${name}?` })
      .getByRole('button', { name: 'Regenerate' })
      .click();
    await expect(this.page.getByText(`New refresh token for ${name}`)).toBeVisible();
    return (await this.page.getByTestId('new-refresh-token').innerText()).trim();
  }

  async remove(name: string, groupName: string) {
    await this.granted(name)
      .getByRole('button', { name: `Remove ${name}` })
      .click();
    await this.page
      .getByRole('dialog', { name: `Remove ${name} from ${groupName}?` })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect(this.granted(name)).toHaveCount(0);
  }
}
