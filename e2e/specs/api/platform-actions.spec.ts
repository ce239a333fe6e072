import { randomUUID } from 'node:crypto';
import { DAVE_GROUP } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { addMember, makeGroupWith, tenantId } from '../../fixtures/factory';
import { call, ERROR_BODY, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

const eventsOf = (groupId: string, type: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{ object_type: string; data: Record<string, unknown>; from_user_name: string | null; from_user_phone: string | null }>(
          'SELECT object_type, data, from_user_name, from_user_phone FROM platform_events WHERE group_id = $1 AND event_type = $2 ORDER BY created_at',
          [groupId, type],
        )
      ).rows,
  );

const countActions = (groupId: string) =>
  withDb(async (db) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM actions WHERE group_id = $1', [groupId])).rows[0]!.n));

const SURVEY = {
  title: 'Site check',
  dueDate: 48,
  questions: [
    { title: 'Shift', type: 'SingleOption', options: [{ title: 'Early' }, { title: 'Late' }] },
    { title: 'Tools', type: 'MultiOption', options: [{ title: 'Drill' }, { title: 'Saw' }] },
    { title: 'Notes', type: 'Text' },
    { title: 'Crates', type: 'Numeric' },
    { title: 'Delivered on', type: 'Date' },
    { title: 'Where', type: 'Location' },
    { title: 'Photos', type: 'AttachmentList' },
    { title: 'Receipt', type: 'Image' },
    { title: 'ResponseTime', type: 'DateTime', isInvisible: true },
  ],
};
const SURVEY_ANSWERS = ['Late', ['Saw'], 'All good', 12, 1765000000000, { lt: 47.6, lg: -122.3, n: 'Dock B' }, ['res-1'], 'res-2', 1765000000000];

/** Actions over /v1 (kaizala-connectors.md §5.7–§5.9) and their events (§6.3–§6.4). */
test.describe.serial('[API] actions', () => {
  let contoso: string;
  let group: string;
  let admin: string;
  let ann: string;
  let ben: string;
  let t: TokenSet;
  let asAnn: string;
  let asBen: string;
  const ids: Record<string, string> = {};

  test.beforeAll(async ({ request }) => {
    contoso = await tenantId('Contoso');
    [admin, ann, ben] = [newPhoneNumber(), newPhoneNumber(), newPhoneNumber()];
    group = await makeGroupWith({ tenant: contoso, admin });
    await addMember(group, ann, { name: 'Ann Able' });
    await addMember(group, ben, { name: 'Ben Baker' });
    t = await platformTokens(request, group, ['groupinfo', 'action']);
    asAnn = await memberToken(request, t.connector, ann);
    asBen = await memberToken(request, t.connector, ben);
  });

  test('POST creates every type → { referenceId, actionId } with its created event in the same transaction', async ({ request }) => {
    const bodies = {
      Announcement: { Title: 'Holiday hours', Message: 'Closed on the 25th.', MediaResources: [] },
      Job: { title: 'Restock aisle 4', assignedTo: [ann, ben], dueDate: 2 },
      Poll: { question: 'Lunch?', choices: [{ title: 'Pizza' }, { title: 'Salad' }, { title: 'Soup' }], expiryInHours: 5 },
      Survey: SURVEY,
      LetsMeet: {
        title: 'Weekly sync',
        startingTime: '2026-12-24T15:00:00Z',
        duration: 45,
        place: { latitude: 47.64, longitude: -122.13, name: 'Room 4' },
        agenda: 'Numbers',
      },
    };
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
    expect(byType.Announcement.actionBody).toEqual({ actionId: ids.Announcement, title: 'Holiday hours', message: 'Closed on the 25th.', mediaResources: [] });

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
      message: '"Quiz" is not an action type we can create: use Announcement, Job, Poll, Survey or LetsMeet.',
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

  test('a job: assignees complete it with a member token (JobResponse event); others 403; connectors cannot respond', async ({ request }) => {
    const path = `/groups/${group}/actions/${ids.Job}/responses`;
    const asConnector = await call(request, 'POST', path, t.group, { actionBody: { isCompleted: true } });
    expect(asConnector.status()).toBe(403);
    expect(await asConnector.json()).toEqual({ ...ERROR_BODY, errorCode: 'ResponderNotPerson' });
    expect((await call(request, 'POST', path, t.tenant, { actionBody: { isCompleted: true } })).status()).toBe(403);
    const asAdmin = await call(request, 'POST', path, await memberToken(request, t.connector, admin), { actionBody: { isCompleted: true } });
    expect(asAdmin.status()).toBe(403);
    expect(await asAdmin.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotAssignee' });

    const done = await call(request, 'POST', path, asAnn, { actionType: 'Job', actionBody: { isCompleted: true } });
    expect(done.status()).toBe(200);
    const { responseId, ...rest } = await done.json();
    expect(rest).toEqual({});
    expect((await eventsOf(group, 'JobResponse')).at(-1)).toEqual({
      object_type: 'Group',
      data: {
        actionId: ids.Job,
        groupId: group,
        responseId,
        responseDetails: { response: { assignee: ann, assigneeName: 'Ann Able', assigneeProfilePic: '', isCompleted: true } },
      },
      from_user_name: 'Ann Able',
      from_user_phone: ann,
    });
    const twice = await call(request, 'POST', path, asAnn, { actionBody: { isCompleted: true } });
    expect(twice.status()).toBe(409);
    expect(await twice.json()).toEqual({ ...ERROR_BODY, errorCode: 'ResponseExists' });
    const wrongType = await call(request, 'POST', path, asBen, { actionType: 'Poll', actionBody: { isCompleted: true } });
    expect(wrongType.status()).toBe(400);
    expect((await call(request, 'POST', path, asBen, { actionBody: { IsCompleted: 'true' } })).status()).toBe(200);

    const details = await (await call(request, 'GET', `/groups/${group}/actions/${ids.Job}?getDetails=true`, t.group)).json();
    expect(details).toEqual({
      actionType: 'Job',
      sender: { type: 'Connector', name: t.connector.name },
      sentAt: expect.any(Number),
      actionDetails: {
        actionId: ids.Job,
        title: 'Restock aisle 4',
        assigneeCount: 2,
        responseCount: 2,
        isCompleted: true,
        dueDate: expect.any(Number),
        status: 'Completed',
        assignedTo: [
          { mobileNumber: ann, name: 'Ann Able', isCompleted: true },
          { mobileNumber: ben, name: 'Ben Baker', isCompleted: true },
        ],
        responses: [
          { responseId, responder: { mobileNumber: ann, name: 'Ann Able' }, isCompleted: true, respondedAt: expect.any(Number), updatedAt: expect.any(Number) },
          expect.objectContaining({ responder: { mobileNumber: ben, name: 'Ben Baker' }, isCompleted: true }),
        ],
      },
    });
    // an update by responseId: Ann un-completes the job
    expect((await call(request, 'POST', path, asAnn, { responseId, actionBody: { isCompleted: false } })).status()).toBe(200);
    const list = await (await call(request, 'GET', `/groups/${group}/actions?actionType=Job`, t.group)).json();
    expect(list.actions[0].actionBody).toMatchObject({ responseCount: 2, isCompleted: false });
  });

  test('a poll: one vote per member, changed by responseId; a bad answer is a 400 naming the question; results in the details', async ({ request }) => {
    const path = `/groups/${group}/actions/${ids.Poll}/responses`;
    const vote = await call(request, 'POST', path, asAnn, { actionType: 'Poll', actionBody: { answers: ['Salad'] } });
    expect(vote.status()).toBe(200);
    const { responseId } = await vote.json();
    const [ev] = await eventsOf(group, 'ActionResponse');
    expect(ev!.data).toEqual({
      actionId: ids.Poll,
      groupId: group,
      responseId,
      isUpdateResponse: false,
      responder: ann,
      responderName: 'Ann Able',
      responderProfilePic: '',
      isAnonymous: false,
      responseDetails: {
        responseWithQuestions: [
          { title: 'Lunch?', type: 'SingleOption', options: [{ title: 'Pizza' }, { title: 'Salad' }, { title: 'Soup' }], answer: 'Salad' },
        ],
      },
    });
    const again = await call(request, 'POST', path, asAnn, { actionBody: { answers: ['Pizza'] } });
    expect(again.status()).toBe(409);
    expect(await again.json()).toEqual({ ...ERROR_BODY, errorCode: 'ResponseExists' });
    const changed = await call(request, 'POST', path, asAnn, { responseId, actionBody: { Answers: ['Soup'] } });
    expect(await changed.json()).toEqual({ responseId });
    expect((await eventsOf(group, 'ActionResponse')).at(-1)!.data).toMatchObject({ isUpdateResponse: true });
    const notMine = await call(request, 'POST', path, asBen, { responseId, actionBody: { answers: ['Pizza'] } });
    expect(notMine.status()).toBe(404);
    expect(await notMine.json()).toEqual({ ...ERROR_BODY, errorCode: 'ResponseNotFound' });

    const bad = await call(request, 'POST', path, asBen, { actionBody: { answers: ['Noodles'] } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({
      ...ERROR_BODY,
      errorCode: 'InvalidParameters',
      message: 'answers[0] ("Lunch?"): Choose one of "Pizza", "Salad", "Soup".',
    });
    expect((await call(request, 'POST', path, asBen, { actionBody: { answers: [0] } })).status()).toBe(200);

    const details = await (await call(request, 'GET', `/groups/${group}/actions/${ids.Poll}?getDetails=true`, t.group)).json();
    expect(details.actionDetails.results).toEqual([
      { title: 'Pizza', count: 1 },
      { title: 'Salad', count: 0 },
      { title: 'Soup', count: 1 },
    ]);
    expect(details.actionDetails.responses.map((r: { responder: { name: string }; answers: string[] }) => [r.responder.name, r.answers])).toEqual([
      ['Ann Able', ['Soup']],
      ['Ben Baker', ['Pizza']],
    ]);
    // Kaizala's documented path has a trailing slash
    const slash = await call(request, 'GET', `/groups/${group}/actions/${ids.Poll}/?getDetails=true`, t.group);
    expect(await slash.json()).toEqual(details);
    const plain = await (await call(request, 'GET', `/groups/${group}/actions/${ids.Poll}`, t.group)).json();
    expect(plain.actionDetails.responses).toBeUndefined();
    // a member sees their own response marked
    const mine = await (await call(request, 'GET', `/groups/${group}/actions/${ids.Poll}?getDetails=true`, asBen)).json();
    expect(mine.actionDetails.responses.filter((r: { isYours?: boolean }) => r.isYours).map((r: { answers: string[] }) => r.answers)).toEqual([['Pizza']]);
  });

  test('a survey: every question type checked; an anonymous survey names nobody; multiple responses when allowed; expiry refuses with 409', async ({
    request,
  }) => {
    const path = `/groups/${group}/actions/${ids.Survey}/responses`;
    const wrong = [...SURVEY_ANSWERS];
    wrong[3] = 'twelve';
    const bad = await call(request, 'POST', path, asAnn, { actionBody: { answers: wrong } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toBe('answers[3] ("Crates"): Answer with a number.');
    const loc = [...SURVEY_ANSWERS];
    loc[5] = 'Dock B';
    expect((await (await call(request, 'POST', path, asAnn, { actionBody: { answers: loc } })).json()).message).toBe(
      'answers[5] ("Where"): Answer with a location { lt, lg, n }.',
    );
    const missing = await call(request, 'POST', path, asAnn, { actionBody: { answers: SURVEY_ANSWERS.slice(0, 2) } });
    expect((await missing.json()).message).toBe('answers[2] ("Notes"): An answer is required.');
    const ok = await call(request, 'POST', path, asAnn, { actionType: 'Survey', actionBody: { responseName: 'r', answers: SURVEY_ANSWERS } });
    expect(ok.status()).toBe(200);
    expect((await eventsOf(group, 'SurveyResponse')).at(-1)!.data).toMatchObject({
      responder: ann,
      isAnonymous: false,
      responseDetails: { responseWithQuestions: expect.arrayContaining([{ title: 'Crates', type: 'Numeric', options: [], answer: 12 }]) },
    });
    expect((await call(request, 'POST', path, asAnn, { actionBody: { answers: SURVEY_ANSWERS } })).status()).toBe(409);

    // anonymous, several responses per member
    const made = await call(request, 'POST', `/groups/${group}/actions`, t.group, {
      actionType: 'Survey',
      actionBody: { title: 'Pulse', isAnonymous: true, acceptMultipleResponses: 'true', questions: [{ title: 'Mood', type: 'Numeric' }] },
    });
    const anon = (await made.json()).actionId;
    for (const [token, n] of [
      [asAnn, 4],
      [asAnn, 5],
      [asBen, 3],
    ] as const)
      expect((await call(request, 'POST', `/groups/${group}/actions/${anon}/responses`, token, { actionBody: { answers: [n] } })).status()).toBe(200);
    const seen = await (await call(request, 'GET', `/groups/${group}/actions/${anon}?getDetails=true`, t.group)).json();
    expect(seen.actionDetails).toMatchObject({ isAnonymous: true, acceptMultipleResponses: true, responseCount: 3 });
    expect(seen.actionDetails.responses.map((r: Record<string, unknown>) => [r.responder, r.answers])).toEqual([
      [undefined, [4]],
      [undefined, [5]],
      [undefined, [3]],
    ]);
    expect(JSON.stringify(seen)).not.toContain(ann);
    const anonEvent = (await eventsOf(group, 'SurveyResponse')).at(-1)!;
    expect(anonEvent.data).toMatchObject({ responder: '', responderName: '', isAnonymous: true });
    expect(anonEvent.from_user_phone).toBeNull();

    // expired: the survey's due time has passed
    await withDb((db) => db.query(`UPDATE actions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [anon]));
    const late = await call(request, 'POST', `/groups/${group}/actions/${anon}/responses`, asBen, { actionBody: { answers: [1] } });
    expect(late.status()).toBe(409);
    expect(await late.json()).toEqual({ ...ERROR_BODY, errorCode: 'ActionExpired' });
    // announcements and meetings take no responses
    const ann2 = await call(request, 'POST', `/groups/${group}/actions/${ids.Announcement}/responses`, asBen, { actionBody: { answers: [] } });
    expect(ann2.status()).toBe(400);
    expect(await ann2.json()).toEqual({ ...ERROR_BODY, errorCode: 'ActionNotRespondable' });
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
