import { randomUUID } from 'node:crypto';
import { DAVE_GROUP } from '../../fixtures/api';
import { withDb } from '../../fixtures/db';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { call, ERROR_BODY, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/**
 * Reactions (kaizala-connectors.md §5.10) on messages: a parent group P with a sub-group S; a message sent in P
 * is reacted to from P and from S (`sourceGroupId` = P).
 */
test.describe.serial('[API] reactions', () => {
  let parent: string;
  let sub: string;
  let member: string;
  let t: TokenSet;
  let first: string;
  let second: string;
  let likeId: string;

  test.beforeAll(async ({ request }) => {
    const contoso = await tenantId('Contoso');
    member = newPhoneNumber();
    parent = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber() });
    sub = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber(), members: [member] });
    await withDb((db) => db.query('INSERT INTO group_links (parent_id, child_id) VALUES ($1, $2)', [parent, sub]));
    t = await platformTokens(request, parent, ['textmessage', 'reaction']);
    first = (await (await call(request, 'POST', `/groups/${parent}/messages`, t.group, { message: 'Q4 plan is out' })).json()).referenceId;
    second = (await (await call(request, 'POST', `/groups/${parent}/messages`, t.group, { message: 'Offsite on Friday' })).json()).referenceId;
  });

  test('Like (once per reactor) and Comment in ONE statement; from the sub-group with sourceGroupId', async ({ request }) => {
    const like = await call(request, 'POST', `/groups/${parent}/reaction`, t.group, { referenceId: first, reactionType: 'Like' });
    expect(like.status()).toBe(200);
    expect(Number(like.headers()['x-sql-statements'])).toBeLessThanOrEqual(1);
    likeId = (await like.json()).reactionId;
    expect(likeId).toMatch(/^[0-9a-f-]{36}$/);
    // a second Like of the same reactor is the same reaction
    expect(
      await (await call(request, 'POST', `/groups/${parent}/reaction`, t.tenant, { referenceId: first, reactionType: 'Like', sourceGroupId: parent })).json(),
    ).toEqual({
      reactionId: likeId,
    });
    const noText = await call(request, 'POST', `/groups/${parent}/reaction`, t.group, { referenceId: first, reactionType: 'Comment' });
    expect(noText.status()).toBe(400);
    expect(await noText.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidParameters', message: 'comment: A Comment needs its comment text.' });
    expect(
      (await call(request, 'POST', `/groups/${parent}/reaction`, t.group, { referenceId: first, reactionType: 'Comment', comment: 'Great plan' })).status(),
    ).toBe(200);

    // the member of the sub-group reacts there to the parent's message
    const asMember = await memberToken(request, t.connector, member);
    const fromSub = await call(request, 'POST', `/groups/${sub}/reaction`, asMember, { referenceId: first, sourceGroupId: parent, reactionType: 'Like' });
    expect(fromSub.status()).toBe(200);
    expect(
      (await call(request, 'POST', `/groups/${sub}/reaction`, asMember, { referenceId: second, sourceGroupId: parent, reactionType: 'Like' })).status(),
    ).toBe(200);
    // without sourceGroupId the item is looked for in the sub-group itself
    const wrongPlace = await call(request, 'POST', `/groups/${sub}/reaction`, asMember, { referenceId: first, reactionType: 'Like' });
    expect(wrongPlace.status()).toBe(404);
    expect(await wrongPlace.json()).toEqual({ ...ERROR_BODY, errorCode: 'ReactionTargetNotFound' });
  });

  test('summaries count the path group and its sub-groups; the list pages by cursor (0 = first page)', async ({ request }) => {
    const item = await call(request, 'GET', `/groups/${parent}/reaction/${first}/summary`, t.group);
    expect(item.status()).toBe(200);
    expect(Number(item.headers()['x-sql-statements'])).toBe(1);
    expect(await item.json()).toEqual({ summary: [{ referenceId: first, reactionsCountMap: { like: 2, comment: 1 } }] });
    // from the sub-group: only what was reacted there
    const fromSub = await call(request, 'GET', `/groups/${sub}/reaction/${first}/summary?sourceGroupId=${parent}`, t.group);
    expect(await fromSub.json()).toEqual({ summary: [{ referenceId: first, reactionsCountMap: { like: 1, comment: 0 } }] });

    const page1 = await (await call(request, 'GET', `/groups/${parent}/reaction/summary?cursor=0&count=1`, t.group)).json();
    expect(page1.summary).toEqual([{ referenceId: first, reactionsCountMap: { like: 2, comment: 1 } }]);
    expect(page1.cursor).toEqual(expect.any(String));
    const page2 = await (await call(request, 'GET', `/groups/${parent}/reaction/summary?count=1&cursor=${page1.cursor}`, t.group)).json();
    expect(page2).toEqual({ summary: [{ referenceId: second, reactionsCountMap: { like: 1, comment: 0 } }] });
  });

  test('details: who reacted, newest first, filtered by type, paged', async ({ request }) => {
    const all = await (await call(request, 'GET', `/groups/${parent}/reaction/${first}?count=2`, t.group)).json();
    expect(all.reactionDetails).toHaveLength(2);
    expect(all.reactionDetails[0]).toEqual({
      reactionId: expect.any(String),
      userId: expect.any(String),
      lastModifiedTime: expect.any(Number),
      reactionType: 'Like',
      name: 'Test Member',
      mobileNumber: member,
    });
    const rest = await (await call(request, 'GET', `/groups/${parent}/reaction/${first}?count=2&cursor=${all.cursor}`, t.group)).json();
    expect(rest.cursor).toBeUndefined();
    expect([...all.reactionDetails, ...rest.reactionDetails].map((r: { reactionType: string }) => r.reactionType).sort()).toEqual(['Comment', 'Like', 'Like']);
    const comments = await (await call(request, 'GET', `/groups/${parent}/reaction/${first}?reactionType=Comment`, t.group)).json();
    expect(comments.reactionDetails).toEqual([
      expect.objectContaining({ reactionType: 'Comment', comment: 'Great plan', name: t.connector.name, userId: t.connector.id }),
    ]);
    const made = await call(request, 'GET', `/groups/${parent}/reaction/${first}?cursor=bm9wZQ`, t.group);
    expect(made.status()).toBe(400);
    expect(await made.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidCursor' });
  });

  test('[MESSAGES] the portal shows the like count of a message', async ({ signedIn }) => {
    const orgAdmin = await signedIn({ orgAdmin: true });
    await orgAdmin.page.goto(`/groups/${parent}/messages`);
    const list = orgAdmin.page.getByRole('list', { name: 'Messages' });
    await expect(list.getByRole('listitem').filter({ hasText: 'Q4 plan is out' }).getByLabel('2 likes')).toBeVisible();
    await expect(list.getByRole('listitem').filter({ hasText: 'Offsite on Friday' }).getByLabel('1 like', { exact: true })).toBeVisible();
  });

  test('a source group outside the hierarchy is 400, unknown items 404, other tenants 404, permission Reactions 403', async ({ request }) => {
    const sideways = await call(request, 'POST', `/groups/${parent}/reaction`, t.group, { referenceId: first, sourceGroupId: sub, reactionType: 'Like' });
    expect(sideways.status()).toBe(400);
    expect(await sideways.json()).toEqual({ ...ERROR_BODY, errorCode: 'SourceGroupNotInHierarchy' });
    const unknown = await call(request, 'GET', `/groups/${parent}/reaction/${randomUUID()}/summary`, t.group);
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ ...ERROR_BODY, errorCode: 'ReactionTargetNotFound' });
    const theirs = await call(request, 'POST', `/groups/${DAVE_GROUP}/reaction`, t.tenant, { referenceId: first, reactionType: 'Like' });
    expect(theirs.status()).toBe(404);
    expect(await theirs.json()).toEqual({ ...ERROR_BODY, errorCode: 'GroupNotFound' });
    const noReaction = await platformTokens(request, parent, ['textmessage']);
    const denied = await call(request, 'POST', `/groups/${parent}/reaction`, noReaction.group, { referenceId: first, reactionType: 'Like' });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden', message: expect.stringContaining('Reactions') });
    const count = await withDb(async (db) =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM reactions WHERE reference_id = $1', [first])).rows[0]!.n),
    );
    expect(count).toBe(3);
  });
});
