import { randomUUID } from 'node:crypto';
import { DAVE_GROUP } from '../../fixtures/api';
import { actionBodies, actionsGroup, countActions, eventsOf } from '../../fixtures/actions';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { makeGroupWith } from '../../fixtures/factory';
import { call, ERROR_BODY, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/** Actions over /v1 (kaizala-connectors.md §5.7–§5.9) and their events (§6.3–§6.4). */
test.describe.serial('[API] actions', () => {
  let contoso: string;
  let group: string;
  let admin: string;
  let ann: string;
  let ben: string;
  let t: TokenSet;
  let asBen: string;
  const ids: Record<string, string> = {};

  test.beforeAll(async ({ request }) => {
    ({ contoso, group, admin, ann, ben, t, asBen } = await actionsGroup(request));
  });

  test('POST creates every type → { referenceId, actionId } with its created event in the same transaction', async ({ request }) => {
    const bodies = actionBodies(ann, ben);
    for (const [actionType, actionBody] of Object.entries(bodies)) {
      const res = await call(request, 'POST', `/groups/${group}/actions`, t.group, { actionType, actionBody });
      expect(res.status(), actionType).toBe(200);
      const body = await res.json();
      expect(body).toEqual({ referenceId: expect.stringMatching(/^[0-9a-f-]{36}$/), actionId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      ids[actionType] = body.actionId;
    }
    expect(await eventsOf(group, 'Announcement')).toEqual([
      {
        object_type: 'Group',
        data: { title: 'Holiday hours', text: 'Closed on the 25th.', media: [], actionId: ids.Announcement, referenceId: expect.any(String) },
        from_user_name: t.connector.name,
        from_user_phone: null,
      },
    ]);
    const [job] = await eventsOf(group, 'JobCreated');
    expect(job!.data).toEqual({ assignedTo: [ann, ben], title: 'Restock aisle 4', dueDate: expect.any(String), actionId: ids.Job, groupId: group });
    expect(Math.abs(Date.parse(job!.data.dueDate as string) - Date.now() - 2 * 3_600_000)).toBeLessThan(60_000);
    const [survey] = await eventsOf(group, 'SurveyCreated');
    expect(survey!.data).toMatchObject({ actionId: ids.Survey, groupId: group, actionType: 'Survey', title: 'Site check', isAnonymous: false });
    expect((await eventsOf(group, 'ActionCreated')).map((e) => e.data.actionType)).toEqual(['Poll', 'LetsMeet']);
  });

  test('GET lists newest first with the per-type actionBody of §5.9, in ONE statement; actionType, count, hasMore and fromDate', async ({ request }) => {
    const res = await call(request, 'GET', `/groups/${group}/actions`, t.group);
    expect(res.status()).toBe(200);
    expect(Number(res.headers()['x-sql-statements'])).toBe(1);
    const { actions, hasMore } = await res.json();
    expect(hasMore).toBe(false);
    expect(actions.map((a: { actionType: string }) => a.actionType)).toEqual(['LetsMeet', 'Survey', 'Poll', 'Job', 'Announcement']);
    const byType = Object.fromEntries(actions.map((a: { actionType: string }) => [a.actionType, a]));
    const sender = { type: 'Connector', name: t.connector.name };
    expect(byType.Job).toEqual({
      referenceId: expect.any(String),
      actionId: ids.Job,
      actionType: 'Job',
      sender,
      sentAt: expect.any(Number),
      actionBody: { actionId: ids.Job, title: 'Restock aisle 4', assigneeCount: 2, responseCount: 0, isCompleted: false, dueDate: expect.any(Number) },
    });
    expect(byType.Poll.actionBody).toEqual({
      actionId: ids.Poll,
      question: 'Lunch?',
      isSenderOnly: false,
      expiryDate: expect.any(Number),
      choices: [{ title: 'Pizza' }, { title: 'Salad' }, { title: 'Soup' }],
      responseCount: 0,
    });
    expect(byType.Poll.actionBody.expiryDate - byType.Poll.sentAt).toBe(5 * 3_600_000);
    expect(byType.LetsMeet.actionBody).toEqual({
      actionId: ids.LetsMeet,
      title: 'Weekly sync',
      startingTime: '2026-12-24T15:00:00Z',
      agenda: 'Numbers',
      duration: 45,
      isSenderOnly: false,
      place: { latitude: 47.64, longitude: -122.13, name: 'Room 4' },
    });
    expect(byType.Survey.actionBody).toEqual({ actionId: ids.Survey, title: 'Site check', responseCount: 0, expiryDate: expect.any(Number) });
    expect(byType.Announcement.actionBody).toEqual({
      actionId: ids.Announcement,
      title: 'Holiday hours',
      message: 'Closed on the 25th.',
      mediaResources: [],
      files: [],
    });

    const polls = await (await call(request, 'GET', `/groups/${group}/actions?actionType=poll`, t.group)).json();
    expect(polls.actions.map((a: { actionId: string }) => a.actionId)).toEqual([ids.Poll]);
    const page = await (await call(request, 'GET', `/groups/${group}/actions?count=2`, t.group)).json();
    expect(page.actions).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const next = await (await call(request, 'GET', `/groups/${group}/actions?count=10&fromDate=${page.actions[1].sentAt}`, t.group)).json();
    expect(next.actions.map((a: { actionType: string }) => a.actionType)).toEqual(['Poll', 'Job', 'Announcement']);
    expect((await call(request, 'GET', `/groups/${group}/actions?actionType=Quiz`, t.group)).status()).toBe(400);
    expect((await call(request, 'GET', `/groups/${group}/actions?count=0`, t.group)).status()).toBe(400);
  });

  test('unknown and media types are a clear 400; a package id is 404; bad fields are a 400 naming them; lenient JSON', async ({ request }) => {
    const unknown = await call(request, 'POST', `/groups/${group}/actions`, t.group, { actionType: 'Quiz', actionBody: {} });
    expect(unknown.status()).toBe(400);
    expect(await unknown.json()).toEqual({
      ...ERROR_BODY,
      errorCode: 'UnknownActionType',
      message:
        '"Quiz" is not an action type we can create: use Announcement, Job, Poll, Survey, LetsMeet, Image, Audio, Document, Video or Album (media types post an upload from /v1/media).',
    });
    const none = await call(request, 'POST', `/groups/${group}/actions`, t.group, { actionBody: { title: 'x' } });
    expect((await none.json()).message).toMatch(/^Send actionType/);
    expect((await (await call(request, 'POST', `/groups/${group}/actions`, t.group, { actionType: 'Image', actionBody: {} })).json()).message).toContain(
      '/v1/media',
    );
    const pkg = await call(request, 'POST', `/groups/${group}/actions`, t.group, { id: 'com.contoso.checkin', actionBody: { title: 'x', validity: 24 } });
    expect(pkg.status()).toBe(404);
    expect(await pkg.json()).toEqual({ ...ERROR_BODY, errorCode: 'ActionPackageNotFound' });

    const cases: [string, unknown, string][] = [
      ['Poll', { question: 'Q', choices: [{ title: 'only' }] }, 'actionBody.choices: a poll needs at least 2 choices.'],
      ['Job', { title: 'T', assignedTo: [newPhoneNumber()] }, 'is not a member of this group.'],
      ['Job', { title: 'T', assignedTo: ['12'] }, 'actionBody.assignedTo[0]: "12" is not a phone number in international format.'],
      ['Survey', { title: 'S', questions: [{ title: 'Q', type: 'Slider' }] }, 'actionBody.questions[0].type: must be one of'],
      ['Poll', { question: 'x'.repeat(501), choices: ['a', 'b'] }, 'actionBody.question: can have at most 500 characters.'],
    ];
    for (const [actionType, actionBody, message] of cases) {
      const res = await call(request, 'POST', `/groups/${group}/actions`, t.group, { actionType, actionBody });
      expect(res.status(), message).toBe(400);
      expect((await res.json()).message).toContain(message);
    }

    const before = await countActions(group);
    const lenient = await call(
      request,
      'POST',
      `/groups/${group}/actions`,
      t.tenant,
      `{ActionType:'Poll', ActionBody:{Question:'Tea?', Choices:[{Title:'Yes'},{Title:'No'}]}}`,
    );
    expect(lenient.status()).toBe(200);
    expect(await countActions(group)).toBe(before + 1);
    const broken = await call(request, 'POST', `/groups/${group}/actions`, t.group, `{actionType:'Poll'`);
    expect(broken.status()).toBe(400);
  });

  test('a member token posts as its member; Action & Responses needed (403); other tenants, unknown groups and actions 404', async ({ request }) => {
    const posted = await call(request, 'POST', `/groups/${group}/actions`, asBen, { actionType: 'Announcement', actionBody: { message: 'Running late' } });
    expect(posted.status()).toBe(200);
    const list = await (await call(request, 'GET', `/groups/${group}/actions?count=1`, t.group)).json();
    expect(list.actions[0].sender).toEqual({ type: 'Member', name: 'Ben Baker', mobileNumber: ben });

    const noAction = await platformTokens(request, group, ['groupinfo']);
    const forbidden = await call(request, 'POST', `/groups/${group}/actions`, noAction.group, { actionType: 'Announcement', actionBody: { message: 'x' } });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden', message: expect.stringContaining('Action & Responses') });
    expect((await call(request, 'GET', `/groups/${group}/actions`, noAction.group)).status()).toBe(403);
    expect(
      (await call(request, 'POST', `/groups/${group}/actions/${ids.Poll}/responses`, noAction.group, { actionBody: { answers: ['Pizza'] } })).status(),
    ).toBe(403);

    const before = await countActions(DAVE_GROUP);
    for (const [method, path] of [
      ['POST', `/groups/${DAVE_GROUP}/actions`],
      ['GET', `/groups/${DAVE_GROUP}/actions`],
      ['GET', `/groups/${DAVE_GROUP}/actions/${ids.Poll}`],
      ['POST', `/groups/${DAVE_GROUP}/actions/${ids.Poll}/responses`],
      ['POST', `/groups/${randomUUID()}/actions`],
    ] as const) {
      const res = await call(
        request,
        method,
        path,
        t.tenant,
        method === 'POST' ? { actionType: 'Announcement', actionBody: { message: 'hi', answers: [] } } : undefined,
      );
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'GroupNotFound' });
    }
    expect(await countActions(DAVE_GROUP)).toBe(before);
    for (const id of [randomUUID(), 'nope']) {
      const res = await call(request, 'GET', `/groups/${group}/actions/${id}`, t.group);
      expect(res.status()).toBe(404);
      expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'ActionNotFound' });
    }
    // an action of another group of the same tenant is not found through this group
    const other = await makeGroupWith({ tenant: contoso, admin });
    expect((await call(request, 'GET', `/groups/${other}/actions/${ids.Poll}`, t.tenant)).status()).toBe(404);
  });

  test('Idempotency-Key: a retried create answers the same ids and makes one action and one event', async ({ request }) => {
    const key = `act-${randomUUID()}`;
    const body = { actionType: 'Poll', actionBody: { question: `Once ${key}?`, choices: ['Yes', 'No'] } };
    const first = await call(request, 'POST', `/groups/${group}/actions`, t.group, body, { 'Idempotency-Key': key });
    expect(first.status()).toBe(200);
    const again = await call(request, 'POST', `/groups/${group}/actions`, t.group, body, { 'Idempotency-Key': key });
    expect(again.status()).toBe(200);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const made = await withDb(async (db) => (await db.query('SELECT 1 FROM actions WHERE title = $1', [`Once ${key}?`])).rowCount);
    expect(made).toBe(1);
    expect((await eventsOf(group, 'ActionCreated')).filter((e) => e.data.title === `Once ${key}?`)).toHaveLength(1);
  });
});
