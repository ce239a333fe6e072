import { samplePicture } from '../../../lib/media/samples';
import { actionsGroup, eventsOf, postEveryType, surveyAnswers, uploadMedia } from '../../fixtures/actions';
import { withDb } from '../../fixtures/db';
import { call, ERROR_BODY, memberToken, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/** Responses to Actions over /v1 (kaizala-connectors.md §5.9): jobs, polls, surveys, and their events (§6.4). */
test.describe.serial('[API] action responses', () => {
  let group: string;
  let admin: string;
  let ann: string;
  let ben: string;
  let t: TokenSet;
  let asAnn: string;
  let asBen: string;
  const ids: Record<string, string> = {};
  let SURVEY_ANSWERS: unknown[];

  test.beforeAll(async ({ request }) => {
    ({ group, admin, ann, ben, t, asAnn, asBen } = await actionsGroup(request));
    Object.assign(ids, await postEveryType(request, group, t.group, ann, ben));
    SURVEY_ANSWERS = surveyAnswers(
      await uploadMedia(request, asAnn, 'shelf.png', samplePicture()),
      await uploadMedia(request, asAnn, 'receipt.png', samplePicture(40, 60)),
    );
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
});
