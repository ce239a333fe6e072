import { expect, type Page } from '@playwright/test';

export class ConnectorsPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/connectors${query}`);
  }

  get table() {
    return this.page.getByRole('table');
  }

  rowLink(name: string) {
    return this.table.getByRole('link', { name, exact: true });
  }

  async show(view: 'Created by me' | 'All Connectors') {
    await this.page.getByLabel('Show').selectOption({ label: view });
    await expect(this.page).toHaveURL(view === 'All Connectors' ? /view=all/ : /\/connectors(?!.*view=all)/);
  }

  async search(text: string) {
    await this.page.getByLabel('Search by name').fill(text);
    await this.page.getByLabel('Search by name').press('Enter');
    await expect.poll(() => new URL(this.page.url()).searchParams.get('q')).toBe(text);
  }

  /** Runs the New Connector wizard; returns the ID and Secret shown on the result page. */
  async create(opts: { name: string; description: string; redirectUrl?: string; permissions: string[] }) {
    await this.page.goto('/connectors/new');
    await this.page.getByLabel('Connector Name').fill(opts.name);
    await this.page.getByLabel('Short Description').fill(opts.description);
    if (opts.redirectUrl) await this.page.getByLabel('Redirect URL (optional)').fill(opts.redirectUrl);
    await this.page.getByRole('button', { name: 'Continue' }).click();
    for (const p of opts.permissions) await this.page.getByRole('checkbox', { name: p }).check();
    await this.page.getByRole('button', { name: 'Create Connector' }).click();
    await expect(this.page.getByRole('heading', { name: `Connector “${opts.name}” created` })).toBeVisible();
    const id = (await this.page.getByTestId('created-connector-id').innerText()).trim();
    const secret = (await this.page.getByTestId('created-connector-secret').innerText()).trim();
    return { id, secret };
  }
}

export class ConnectorDetailsPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/connectors/${id}`);
  }

  secret(label: 'Current secret' | 'Previous secret') {
    return this.page.getByRole('list', { name: 'Secrets' }).getByRole('listitem', { name: label });
  }

  async revealSecret(label: 'Current secret' | 'Previous secret' = 'Current secret') {
    const item = this.secret(label);
    await item.getByRole('button', { name: `Show ${label.toLowerCase()}` }).click();
    const value = item.getByTestId('secret-value');
    await expect(value).toHaveText(/^cps_[A-Za-z0-9_-]{43}$/);
    return (await value.innerText()).trim();
  }

  async rotate(overlap: 'keep' | 'revoke') {
    const before = await this.secret('Current secret').getAttribute('data-secret-id');
    await this.page.getByRole('button', { name: 'Rotate secret' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rotate the connector secret?' });
    await dialog.getByRole('radio', { name: overlap === 'keep' ? /Keep the previous secret working for 7 days/ : /Revoke the previous secret now/ }).check();
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await expect(dialog).toBeHidden();
    // the page shows the new current secret once the rotation is done
    await expect(this.secret('Current secret')).not.toHaveAttribute('data-secret-id', before!);
  }
}
