import { Webhook } from 'standardwebhooks';
import { samplePicture } from '../../../lib/media/samples';
import { actionBodies, surveyAnswers, uploadMedia } from '../../fixtures/actions';
import { addMember, makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { call, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { deliveriesOf, startReceiver, type Received, type Receiver } from '../../fixtures/webhooks';
import { expect, test } from '../../fixtures/test';

const ALL = [
  'ActionCreated',
  'ActionResponse',
  'SurveyCreated',
  'SurveyResponse',
  'JobCreated',
  'JobResponse',
  'TextMessageCreated',
  'AttachmentCreated',
  'Announcement',
  'MemberAdded',
  'MemberRemoved',
  'GroupAdded',
  'GroupRemoved',
];

/** Every §6.3 event delivered with its §6.4 data, the Kaizala envelope, kz-callback-token and Standard Webhooks signatures. */
test.describe.serial('[API] webhook deliveries', () => {
  let group: string;
  let other: string;
  let t: TokenSet;
  let rx: Receiver;
  let secret: string;
  let webhookId: string;
  const [admin, ann, ben, newcomer] = [newPhoneNumber(), newPhoneNumber(), newPhoneNumber(), newPhoneNumber()];

  test.beforeAll(async ({ request }) => {
    const contoso = await tenantId('Contoso');
    group = await makeGroupWith({ tenant: contoso, admin });
    other = await makeGroupWith({ tenant: contoso, admin });
    await addMember(group, ann, { name: 'Ann Able' });
    await addMember(group, ben, { name: 'Ben Baker' });
    t = await platformTokens(request, group, ['groupinfo', 'groupmember', 'textmessage', 'action', 'media', 'webhook']);
    rx = await startReceiver();
    const res = await call(request, 'POST', '/webhook', t.group, {
      objectId: group,
      objectType: 'Group',
      eventTypes: ALL,
      callBackUrl: rx.url,
      callBackToken: 'shared-token',
      callBackContext: 'crm-42',
    });
    expect(res.status(), await res.text()).toBe(200);
    ({ webhookId, secret } = await res.json());
  });
  test.afterAll(async () => rx?.close());

  const byType = (type: string) => rx.posts().filter((p) => p.json?.eventType === type);
  const one = async (type: string): Promise<Received> => {
    await expect.poll(() => byType(type).length, { message: `${type} delivered` }).toBeGreaterThan(0);
    return byType(type)[0]!;
  };

  test('TextMessageCreated: envelope, data { text, referenceId }, kz-callback-token, signature verified by the standardwebhooks library', async ({
    request,
  }) => {
    const res = await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'Hello receivers' });
    const { referenceId } = await res.json();
    const got = await one('TextMessageCreated');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['kz-callback-token']).toBe('shared-token');
    expect(got.json).toEqual({
      objectId: group,
      objectType: 'Group',
      eventType: 'TextMessageCreated',
      eventId: expect.any(String),
      data: { text: 'Hello receivers', referenceId },
      context: 'crm-42',
      fromUser: '',
      fromUserId: '',
      fromUserName: t.connector.name,
      fromUserProfilePic: '',
    });
    expect(got.headers['webhook-id']).toBe(got.json!.eventId);
    const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>);
    expect(verified).toEqual(got.json);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got.body, got.headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(secret).verify(got.body.replace('Hello', 'Hullo'), got.headers as Record<string, string>)).toThrow();
  });

  test('MemberAdded / MemberRemoved: { member, memberName, memberProfilePic, type }', async ({ request }) => {
    expect((await call(request, 'PUT', `/groups/${group}/members`, t.group, { members: [newcomer] })).status()).toBe(200);
    expect((await call(request, 'DELETE', `/groups/${group}/members/${encodeURIComponent(newcomer)}`, t.group)).status()).toBe(200);
    expect((await one('MemberAdded')).json!.data).toEqual({ member: newcomer, memberName: expect.any(String), memberProfilePic: '', type: 'Member' });
    expect((await one('MemberRemoved')).json!.data).toEqual({ member: newcomer, memberName: expect.any(String), memberProfilePic: '', type: 'Member' });
  });

  test('actions and responses: Announcement, JobCreated, SurveyCreated, ActionCreated, JobResponse, SurveyResponse, ActionResponse', async ({ request }) => {
    const ids: Record<string, string> = {};
    for (const [actionType, actionBody] of Object.entries(actionBodies(ann, ben))) {
      const res = await call(request, 'POST', `/groups/${group}/actions`, t.group, { actionType, actionBody });
      expect(res.status(), await res.text()).toBe(200);
      ids[actionType] = (await res.json()).actionId;
    }
    const asAnn = await memberToken(request, t.connector, ann);
    const path = (id: string) => `/groups/${group}/actions/${id}/responses`;
    const job = await call(request, 'POST', path(ids.Job!), asAnn, { actionBody: { isCompleted: true } });
    expect(job.status(), await job.text()).toBe(200);
    const poll = await call(request, 'POST', path(ids.Poll!), asAnn, { actionBody: { answers: ['Soup'] } });
    expect(poll.status(), await poll.text()).toBe(200);
    // the survey's picture answers are uploads of the responder's
    const answers = surveyAnswers(
      await uploadMedia(request, asAnn, 'shelf.png', samplePicture()),
      await uploadMedia(request, asAnn, 'receipt.png', samplePicture(40, 60)),
    );
    const survey = await call(request, 'POST', path(ids.Survey!), asAnn, { actionBody: { answers } });
    expect(survey.status(), await survey.text()).toBe(200);

    expect((await one('Announcement')).json!.data).toMatchObject({
      title: 'Holiday hours',
      text: 'Closed on the 25th.',
      media: [],
      actionId: ids.Announcement,
    });
    expect((await one('JobCreated')).json!.data).toEqual({
      assignedTo: [ann, ben],
      title: 'Restock aisle 4',
      dueDate: expect.any(String),
      actionId: ids.Job,
      groupId: group,
    });
    expect((await one('SurveyCreated')).json!.data).toMatchObject({ actionId: ids.Survey, groupId: group, actionType: 'Survey', title: 'Site check' });
    const created = byType('ActionCreated').map((p) => p.json!.data as { actionType: string });
    await expect
      .poll(() =>
        byType('ActionCreated')
          .map((p) => (p.json!.data as { actionType: string }).actionType)
          .sort(),
      )
      .toEqual(['LetsMeet', 'Poll']);
    expect(created.length).toBeGreaterThan(0);
    expect((await one('JobResponse')).json).toMatchObject({
      fromUser: ann,
      data: {
        actionId: ids.Job,
        groupId: group,
        responseId: expect.any(String),
        responseDetails: { response: { assignee: ann, assigneeName: 'Ann Able', isCompleted: true } },
      },
    });
    expect((await one('ActionResponse')).json!.data).toMatchObject({
      actionId: ids.Poll,
      responder: ann,
      responderName: 'Ann Able',
      isUpdateResponse: false,
      responseDetails: { responseWithQuestions: [{ title: 'Lunch?', answer: 'Soup' }] },
    });
    const s = (await one('SurveyResponse')).json!.data as { responseDetails: { responseWithQuestions: { title: string; answer: unknown }[] } };
    expect(s.responseDetails.responseWithQuestions.map((q) => q.title)).toContain('Crates');
  });

  test('AttachmentCreated is delivered from its outbox row', async () => {
    await withDb(async (db) => {
      await db.query(
        `INSERT INTO platform_events (tenant_id, group_id, object_id, object_type, event_type, data) SELECT tenant_id, id, id, 'Group', 'AttachmentCreated',
           '{"media":[{"mediaUrl":"http://x/v1/media/1","mediaFileName":"a.png"}],"actionType":"Image","caption":"c"}'::jsonb FROM groups WHERE groups.id = $1`,
        [group],
      );
    });
    expect((await one('AttachmentCreated')).json!.data).toEqual({
      media: [{ mediaUrl: 'http://x/v1/media/1', mediaFileName: 'a.png' }],
      actionType: 'Image',
      caption: 'c',
    });
  });

  test('GroupAdded / GroupRemoved: a sub-group created or linked under this group, then unlinked — data { groupId, groupName, groupImageUrl, parentGroupId }', async ({
    request,
  }) => {
    const created = await call(request, 'POST', `/groups/${group}/subGroups`, t.group, { groupName: 'Night shift', welcomeMessage: 'Welcome' });
    expect(created.status(), await created.text()).toBe(200);
    const { groupId: child } = await created.json();
    const added = await one('GroupAdded');
    expect(added.json).toMatchObject({ objectId: group, objectType: 'Group', eventType: 'GroupAdded', fromUserName: t.connector.name });
    expect(added.json!.data).toEqual({ groupId: child, groupName: 'Night shift', groupImageUrl: '', parentGroupId: group });

    // an existing group of the organization linked under it (the org admin's token), then unlinked
    expect((await call(request, 'PUT', `/groups/${group}/subGroups`, t.tenant, { subGroups: [other] })).status()).toBe(200);
    await expect.poll(() => byType('GroupAdded').length).toBe(2);
    const linked = byType('GroupAdded')[1]!.json!.data as { groupName: string };
    expect(linked).toEqual({ groupId: other, groupName: expect.any(String), groupImageUrl: '', parentGroupId: group });
    expect((await call(request, 'DELETE', `/groups/${group}/subGroups/${other}`, t.tenant)).status()).toBe(200);
    const removed = await one('GroupRemoved');
    expect(removed.json).toMatchObject({ objectId: group, eventType: 'GroupRemoved' });
    expect(removed.json!.data).toEqual({
      groupId: other,
      groupName: linked.groupName,
      groupImageUrl: '',
      parentGroupId: group,
    });
    expect(byType('GroupRemoved')).toHaveLength(1);
  });

  test('events of other groups never reach this webhook; an unsubscribed event type is not delivered', async ({ request }) => {
    const t2 = await platformTokens(request, other, ['textmessage']);
    expect((await call(request, 'POST', `/groups/${other}/messages`, t2.group, { message: 'elsewhere' })).status()).toBe(200);
    expect((await call(request, 'PUT', `/webhook/${webhookId}`, t.group, { eventTypes: ['MemberAdded'] })).status()).toBe(200);
    expect((await call(request, 'POST', `/groups/${group}/messages`, t.group, { message: 'not subscribed' })).status()).toBe(200);
    expect((await call(request, 'PUT', `/groups/${group}/members`, t.group, { members: [newPhoneNumber()] })).status()).toBe(200);
    await expect.poll(() => byType('MemberAdded').length).toBe(2);
    const texts = byType('TextMessageCreated').map((p) => (p.json!.data as { text: string }).text);
    expect(texts).toEqual(['Hello receivers']);
    const rows = await deliveriesOf(webhookId);
    expect(rows.every((r) => r.state === 'succeeded' && r.attempts === 1)).toBe(true);
    // every delivery once (at-least-once; here nothing failed, so exactly once)
    expect(new Set(rx.posts().map((p) => p.json!.eventId)).size).toBe(rx.posts().length);
  });
});
