import { withDb } from '../../fixtures/db';
import { expect, test } from '../../fixtures/test';

test.describe('[CONNECTORS] list', () => {
  test('sorts by its columns and pages with cursors', async ({ page, signIn }) => {
    const me = await signIn({ name: 'lister' });
    const tag = Date.now().toString(36);
    // 60 connectors of mine, the newest named "… 01", two of them in a group
    await withDb((db) =>
      db.query(
        `INSERT INTO connectors (tenant_id, owner_id, name, description, permissions, created_at)
         SELECT $1, $2, 'Lister ${tag} ' || lpad(g::text, 2, '0'), 'paging', '{groupinfo}', now() - make_interval(mins => g) FROM generate_series(1, 60) g`,
        [me.tenantId, me.id],
      ),
    );
    const names = page.getByRole('table').locator('tbody tr td:first-child');
    await page.goto('/connectors');
    await expect(names).toHaveCount(50);
    await expect(names.first()).toHaveText(`Lister ${tag} 01`);
    await expect(page.getByRole('columnheader', { name: /Created/ }).last()).toHaveAttribute('aria-sort', 'descending');

    // name, descending (a second click on the header)
    await page.getByRole('link', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=name&dir=asc/);
    await expect(names.first()).toHaveText(`Lister ${tag} 01`);
    await page.getByRole('link', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(names.first()).toHaveText(`Lister ${tag} 60`);
    await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');

    // pages: Next shows the last 10, Previous comes back
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(names).toHaveCount(10);
    await expect(names.first()).toHaveText(`Lister ${tag} 10`);
    await expect(names.last()).toHaveText(`Lister ${tag} 01`);
    await expect(page.getByRole('link', { name: 'Next' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Previous' }).click();
    await expect(names).toHaveCount(50);
    await expect(names.first()).toHaveText(`Lister ${tag} 60`);
    await expect(page.getByRole('link', { name: 'Previous' })).toHaveCount(0);
  });
});
