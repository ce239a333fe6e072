import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { call, ERROR_BODY, memberToken, platformTokens } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/**
 * Actions sent to subscribers of a ConnectGroup (kaizala-connectors.md §5.8: public groups also accept
 * `subscribers` and `sendToAllSubscribers`), and reactions on actions (§5.10).
 */
test('[API] actions on a ConnectGroup: admins target every subscriber or some; subscribers see and answer only those; reactions on actions', async ({
  request,
}) => {
  const contoso = await tenantId('Contoso');
  const [admin, member, sub1, sub2, stranger] = [newPhoneNumber(), newPhoneNumber(), newPhoneNumber(), newPhoneNumber(), newPhoneNumber()];
  const plain = await makeGroupWith({ tenant: contoso, admin, members: [member] });
  const cg = await makeGroupWith({ tenant: contoso, groupType: 'ConnectGroup', admin, members: [member] });
  await withDb((db) =>
    db.query(`INSERT INTO group_members (group_id, e164, display_name, role) VALUES ($1, $2, 'S1', 'Subscriber'), ($1, $3, 'S2', 'Subscriber')`, [
      cg,
      sub1,
      sub2,
    ]),
  );
  const t = await platformTokens(request, cg, ['groupinfo', 'action', 'reaction']);
  const [asAdmin, asMember, asSub1, asSub2] = (await Promise.all([admin, member, sub1, sub2].map((p) => memberToken(request, t.connector, p)))) as [
    string,
    string,
    string,
    string,
  ];
  const poll = (question: string) => ({ actionType: 'Poll', actionBody: { question, choices: ['Yes', 'No'] } });

  // targeting: ConnectGroups only, admins only
  const onPlain = await call(request, 'POST', `/groups/${plain}/actions`, asAdmin, { ...poll('Q'), sendToAllSubscribers: true });
  expect(onPlain.status()).toBe(400);
  expect(await onPlain.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotConnectGroup' });
  const asMemberTargeting = await call(request, 'POST', `/groups/${cg}/actions`, asMember, { ...poll('Q'), subscribers: [sub1] });
  expect(asMemberTargeting.status()).toBe(403);
  expect(await asMemberTargeting.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotGroupAdmin' });

  const internal = await call(request, 'POST', `/groups/${cg}/actions`, asMember, poll('Internal only?'));
  expect(internal.status()).toBe(200);
  const toAll = await call(request, 'POST', `/groups/${cg}/actions`, t.group, { ...poll('Open on Sunday?'), sendToAllSubscribers: 'true' });
  expect(toAll.status()).toBe(200);
  const toOne = await call(request, 'POST', `/groups/${cg}/actions`, asAdmin, { ...poll('Your order arrived?'), subscribers: [sub2, stranger, 'nope'] });
  expect(toOne.status()).toBe(200);
  expect(await toOne.json()).toEqual({
    referenceId: expect.any(String),
    actionId: expect.any(String),
    failedResult: [
      { mobileNumber: 'nope', errorCode: 'InvalidPhone', errorReason: expect.any(String) },
      { mobileNumber: stranger, errorCode: 'SubscriberNotFound', errorReason: expect.any(String) },
    ],
  });
  const ids = { internal: (await internal.json()).actionId, toAll: (await toAll.json()).actionId, toOne: (await toOne.json()).actionId };

  // each subscriber's token lists only what reached that number; admins see all
  const seen = async (token: string) =>
    ((await (await call(request, 'GET', `/groups/${cg}/actions`, token)).json()).actions as { actionBody: { question: string } }[]).map(
      (a) => a.actionBody.question,
    );
  expect(await seen(asSub1)).toEqual(['Open on Sunday?']);
  expect(await seen(asSub2)).toEqual(['Your order arrived?', 'Open on Sunday?']);
  expect(await seen(t.group)).toEqual(['Your order arrived?', 'Open on Sunday?', 'Internal only?']);
  expect((await call(request, 'GET', `/groups/${cg}/actions/${ids.toOne}`, asSub1)).status()).toBe(404);
  expect((await call(request, 'GET', `/groups/${cg}/actions/${ids.toOne}`, asSub2)).status()).toBe(200);

  // subscribers answer what reached them, nothing else
  expect((await call(request, 'POST', `/groups/${cg}/actions/${ids.toAll}/responses`, asSub1, { actionBody: { answers: ['Yes'] } })).status()).toBe(200);
  const notSent = await call(request, 'POST', `/groups/${cg}/actions/${ids.internal}/responses`, asSub1, { actionBody: { answers: ['Yes'] } });
  expect(notSent.status()).toBe(403);
  expect(await notSent.json()).toEqual({ ...ERROR_BODY, errorCode: 'SubscriberCannotRespond' });
  expect((await call(request, 'POST', `/groups/${cg}/actions/${ids.toOne}/responses`, asSub1, { actionBody: { answers: ['No'] } })).status()).toBe(403);

  // reactions: an action's referenceId takes likes and comments like a message's
  const referenceId = (await (await call(request, 'GET', `/groups/${cg}/actions?count=1`, t.group)).json()).actions[0].referenceId;
  const like = await call(request, 'POST', `/groups/${cg}/reaction`, asMember, { referenceId, reactionType: 'Like' });
  expect(like.status()).toBe(200);
  expect((await call(request, 'POST', `/groups/${cg}/reaction`, t.group, { referenceId, reactionType: 'Comment', comment: 'Thanks!' })).status()).toBe(200);
  const summary = await (await call(request, 'GET', `/groups/${cg}/reaction/${referenceId}/summary`, t.group)).json();
  expect(summary).toEqual({ summary: [{ referenceId, reactionsCountMap: { like: 1, comment: 1 } }] });
  const row = await withDb(
    async (db) => (await db.query<{ target_kind: string }>('SELECT target_kind FROM reactions WHERE reference_id = $1 LIMIT 1', [referenceId])).rows[0],
  );
  expect(row).toEqual({ target_kind: 'action' });
});
