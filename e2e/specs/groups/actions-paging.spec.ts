import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { addMember, makeGroupWith, makeUser, tenantId } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';

/** The ACTIONS tab shows the newest 50 actions and loads older ones on request (issue 12). */
test('[ACTIONS] a group with 55 actions: the newest 50, then "Load older actions" brings the rest', async ({ page, signIn }) => {
  const contoso = await tenantId('Contoso');
  const member = await makeUser({ name: 'mia' });
  const groupId = await makeGroupWith({ tenant: contoso, name: `Archive ${member.phone!.slice(-4)}`, admin: newPhoneNumber() });
  await addMember(groupId, member.phone!, { name: 'Mia Member' });
  await withDb((db) =>
    db.query(
      `INSERT INTO actions (tenant_id, group_id, action_type, sender_kind, sender_name, title, body, created_at)
       SELECT $1, $2, 'Announcement', 'connector', 'Archive bot', 'Notice ' || n, jsonb_build_object('title', 'Notice ' || n, 'message', 'Body ' || n, 'mediaResources', '[]'::jsonb),
         now() - (56 - n) * interval '1 minute'
       FROM generate_series(1, 55) AS n`,
      [contoso, groupId],
    ),
  );

  await signIn(member);
  await page.goto(`/groups/${groupId}/actions`);
  const cards = page.getByRole('list', { name: 'Actions' }).locator(':scope > li');
  await expect(cards).toHaveCount(50);
  await expect(cards.first()).toContainText('Notice 55');
  await expect(cards.last()).toContainText('Notice 6');
  await page.getByRole('button', { name: 'Load older actions' }).click();
  await expect(cards).toHaveCount(55);
  await expect(cards.last()).toContainText('Notice 1');
  await expect(page.getByRole('button', { name: 'Load older actions' })).toHaveCount(0);
});
