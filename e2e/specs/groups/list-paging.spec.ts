import { withDb } from '../../fixtures/db';
import { expect, test } from '../../fixtures/test';

test.describe('[GROUPS] lists', () => {
  test('the groups list and a member list sort by their columns and page with cursors', async ({ page, signIn }) => {
    const me = await signIn({ name: 'pager' });
    const tag = Date.now().toString(36);
    // 60 groups of mine ("… 01" … "… 60"; the last six with 2–7 members) and one crowd of 121 members
    const crowdId = await withDb(async (db) => {
      await db.query(
        `WITH g AS (
           INSERT INTO groups (tenant_id, name) SELECT $1, 'Pager ${tag} ' || lpad(n::text, 2, '0') FROM generate_series(1, 60) n RETURNING id, name
         ), mine AS (
           INSERT INTO group_members (group_id, e164, display_name, role) SELECT id, $2, 'Zed Lister', 'Member' FROM g
         )
         INSERT INTO group_members (group_id, e164, display_name, role)
         SELECT g.id, '+1555' || lpad((right(g.name, 2)::int * 100 + k)::text, 7, '0'), 'Extra ' || k, 'Member'
         FROM g, generate_series(1, 6) k WHERE right(g.name, 2)::int - 54 >= k`,
        [me.tenantId, me.phone],
      );
      const crowd = (await db.query<{ id: string }>(`INSERT INTO groups (tenant_id, name) VALUES ($1, 'Crowd ${tag}') RETURNING id`, [me.tenantId])).rows[0]!
        .id;
      await db.query(
        `INSERT INTO group_members (group_id, e164, display_name, role)
         SELECT $1::uuid, $2, 'Zed Lister', 'Admin'::member_role
         UNION ALL SELECT $1::uuid, '+1556' || lpad(n::text, 7, '0'), 'Member ' || lpad(n::text, 3, '0'), 'Member'::member_role FROM generate_series(1, 120) n`,
        [crowd, me.phone],
      );
      return crowd;
    });

    // GROUPS: by name (default), 50 a page
    const groups = page.getByRole('table').locator('tbody tr td:first-child a');
    await page.goto('/groups');
    await expect(groups).toHaveCount(50);
    await expect(groups.first()).toHaveText(`Crowd ${tag}`);
    await expect(groups.last()).toHaveText(`Pager ${tag} 49`);
    await expect(page.getByRole('columnheader', { name: /Group Name/ })).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(groups).toHaveCount(11);
    await expect(groups.first()).toHaveText(`Pager ${tag} 50`);
    await expect(page.getByRole('link', { name: 'Next' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Previous' }).click();
    await expect(groups).toHaveCount(50);
    await expect(groups.first()).toHaveText(`Crowd ${tag}`);

    // by member count, most first; again: fewest first
    await page.getByRole('link', { name: /^Users/ }).click();
    await expect(page).toHaveURL(/sort=users&dir=desc/);
    await expect(groups.nth(0)).toHaveText(`Crowd ${tag}`);
    await expect(groups.nth(1)).toHaveText(`Pager ${tag} 60`);
    await expect(groups.nth(2)).toHaveText(`Pager ${tag} 59`);
    await expect(
      page
        .getByRole('row', { name: new RegExp(`Pager ${tag} 60`) })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('7');
    await page.getByRole('link', { name: /^Users/ }).click();
    await expect(page).toHaveURL(/sort=users&dir=asc/);
    await expect(page.getByRole('columnheader', { name: /Users/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('1');

    // MEMBERS of the crowd: by role then name (default), 50 a page
    const members = page.getByRole('table', { name: 'Members' }).locator('tbody tr td:first-child');
    await page.goto(`/groups/${crowdId}`);
    await expect(page.getByText('121 members.')).toBeVisible();
    await expect(members).toHaveCount(50);
    await expect(members.nth(0)).toHaveText('Zed Lister(you)');
    await expect(members.nth(1)).toHaveText('Member 001');
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(members.first()).toHaveText('Member 050');
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(members).toHaveCount(21);
    await expect(members.last()).toHaveText('Member 120');
    await page.getByRole('link', { name: 'Previous' }).click();
    await expect(members).toHaveCount(50);
    await expect(members.first()).toHaveText('Member 050');

    // by name, then the other way
    await page.getByRole('link', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=name&dir=asc/);
    await expect(members.first()).toHaveText('Member 001');
    await page.getByRole('link', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(members.nth(0)).toHaveText('Zed Lister(you)');
    await expect(members.nth(1)).toHaveText('Member 120');
  });
});
