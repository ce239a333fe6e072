import { accessTokenFor } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { addMember, makeConnector, makeGroupWith, makeUser, tenantId } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

/**
 * The Actions loop (issue 12): a connector posts a poll and a job over /v1, a member answers both in the
 * group's ACTIONS tab (the cards update by polling), fills in a survey with a field error first, and the
 * connector reads the responses over the API.
 */
test('[ACTIONS] a connector posts a poll and a job over the API, a member answers in the ACTIONS tab, the API reads the responses', async ({
  page,
  signIn,
  signedIn,
  request,
}, testInfo) => {
  const contoso = await tenantId('Contoso');
  const member = await makeUser({ name: 'mia' });
  const colleague = newPhoneNumber();
  const groupId = await makeGroupWith({ tenant: contoso, name: `Depot ${member.phone!.slice(-4)}`, admin: newPhoneNumber() });
  await addMember(groupId, member.phone!, { name: 'Mia Member' });
  await addMember(groupId, colleague, { name: 'Carl Colleague' });
  const connector = await makeConnector({
    tenantId: contoso,
    ownerId: member.id,
    name: `Ops bot ${Date.now() % 100000}`,
    permissions: ['action'],
    groupId,
    grantedBy: member.id,
  });
  const token = await accessTokenFor(request, connector, connector.refreshToken);

  await signIn(member);
  await page.goto(`/groups/${groupId}`);
  await page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: 'ACTIONS' }).click();
  await expect(page.getByText('No actions yet')).toBeVisible();
  await saveScreenshot(page, testInfo, 'actions-tab-empty');

  // the connector posts a poll and a job; the open tab shows them without a reload, newest first
  const poll = await call(request, 'POST', `/groups/${groupId}/actions`, token, {
    actionType: 'Poll',
    actionBody: { question: 'Team lunch on Friday?', choices: [{ title: 'Pizza' }, { title: 'Salad' }, { title: 'Tacos' }], expiryInHours: 48 },
  });
  expect(poll.status()).toBe(200);
  const pollId = (await poll.json()).actionId;
  const job = await call(request, 'POST', `/groups/${groupId}/actions`, token, {
    actionType: 'Job',
    actionBody: { title: 'Restock aisle 4', assignedTo: [member.phone, colleague], dueDate: 8 },
  });
  const jobId = (await job.json()).actionId;
  const cards = page.getByRole('list', { name: 'Actions' }).locator(':scope > li');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText('Restock aisle 4');

  // the member votes
  const pollCard = page.getByRole('listitem', { name: 'Team lunch on Friday?' });
  await expect(pollCard).toContainText(connector.name);
  await expect(pollCard).toContainText('0 votes');
  await pollCard.getByRole('button', { name: 'Vote' }).click();
  await expect(pollCard.getByText('Choose an answer first.')).toBeVisible();
  await pollCard.getByRole('radio', { name: 'Salad' }).check();
  await pollCard.getByRole('button', { name: 'Vote' }).click();
  await expect(pollCard).toContainText('1 vote');
  await expect(pollCard.getByRole('listitem').filter({ hasText: 'Salad' })).toContainText('Your vote');
  await expect(pollCard.getByRole('listitem').filter({ hasText: 'Salad' })).toContainText('1 · 100%');
  await expect(pollCard.getByRole('button', { name: 'Change vote' })).toBeDisabled();

  // …and completes the job with the keyboard
  const jobCard = page.getByRole('listitem', { name: 'Restock aisle 4' });
  await expect(jobCard).toContainText('0 of 2 completed');
  await jobCard.getByRole('button', { name: 'Mark complete' }).focus();
  await page.keyboard.press('Enter');
  await expect(jobCard).toContainText('1 of 2 completed');
  await expect(jobCard.getByRole('listitem').filter({ hasText: 'You' })).toContainText('Done');
  await expect(jobCard.getByRole('listitem').filter({ hasText: 'Carl Colleague' })).toContainText('Pending');
  await expect(jobCard.getByRole('button', { name: 'Mark not complete' })).toBeVisible();

  // a survey with typed questions: a wrong number stays in the box with the error under its question
  await call(request, 'POST', `/groups/${groupId}/actions`, token, {
    actionType: 'Survey',
    actionBody: {
      title: 'Delivery check',
      questions: [
        { title: 'Which dock?', type: 'SingleOption', options: [{ title: 'A' }, { title: 'B' }] },
        { title: 'How many crates?', type: 'Numeric' },
        { title: 'Anything else?', type: 'Text' },
      ],
    },
  });
  const surveyCard = page.getByRole('listitem', { name: 'Delivery check' });
  await surveyCard.getByRole('button', { name: 'Fill in survey' }).click();
  const form = surveyCard.getByRole('form', { name: 'Answer Delivery check' });
  await form.getByRole('radio', { name: 'B' }).check();
  await form.getByLabel('How many crates?').fill('twelve');
  await form.getByRole('button', { name: 'Send answers' }).click();
  await expect(form.getByText('Answer with a number.')).toBeVisible();
  await expect(form.getByText('An answer is required.')).toBeVisible();
  await expect(form.getByLabel('How many crates?')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('How many crates?')).toHaveValue('twelve');
  await form.getByLabel('How many crates?').fill('12');
  await form.getByLabel('Anything else?').fill('Two boxes were wet, "handle with care"');
  await form.getByRole('button', { name: 'Send answers' }).click();
  await expect(surveyCard).toContainText('1 response');
  const table = surveyCard.getByRole('table', { name: 'Responses to Delivery check' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Mia Member');
  await expect(table.getByRole('row').nth(1)).toContainText('12');
  await expect(surveyCard.getByRole('button', { name: 'Change your answers' })).toBeVisible();

  const csvHref = await surveyCard.getByRole('link', { name: 'Download responses (CSV)' }).getAttribute('href');
  const csv = await page.request.get(csvHref!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers()['content-disposition']).toContain('attachment; filename="survey-delivery-check-responses.csv"');
  const lines = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('Responder,Phone,Which dock?,How many crates?,Anything else?,Responded at');
  expect(lines[1]).toContain(`Mia Member,${member.phone},B,12,"Two boxes were wet, ""handle with care""",`);

  await saveScreenshot(page, testInfo, 'actions-tab-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(cards).toHaveCount(3);
  await expect(pollCard.getByRole('button', { name: 'Change vote' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, testInfo, 'actions-tab-phone');

  // the connector reads the responses over the API
  const pollDetails = await (await call(request, 'GET', `/groups/${groupId}/actions/${pollId}?getDetails=true`, token)).json();
  expect(pollDetails.actionDetails.results).toEqual([
    { title: 'Pizza', count: 0 },
    { title: 'Salad', count: 1 },
    { title: 'Tacos', count: 0 },
  ]);
  expect(pollDetails.actionDetails.responses).toEqual([
    {
      responseId: expect.any(String),
      responder: { mobileNumber: member.phone, name: 'Mia Member' },
      answers: ['Salad'],
      respondedAt: expect.any(Number),
      updatedAt: expect.any(Number),
    },
  ]);
  const jobDetails = await (await call(request, 'GET', `/groups/${groupId}/actions/${jobId}?getDetails=true`, token)).json();
  expect(jobDetails.actionDetails).toMatchObject({ status: 'Open', responseCount: 1, assigneeCount: 2, isCompleted: false });
  expect(jobDetails.actionDetails.assignedTo).toEqual([
    { mobileNumber: member.phone, name: 'Mia Member', isCompleted: true },
    { mobileNumber: colleague, name: 'Carl Colleague', isCompleted: false },
  ]);
  const events = await withDb(
    async (db) => (await db.query<{ event_type: string }>(`SELECT event_type FROM platform_events WHERE group_id = $1 ORDER BY created_at`, [groupId])).rows,
  );
  expect(events.map((e) => e.event_type)).toEqual(['ActionCreated', 'JobCreated', 'ActionResponse', 'JobResponse', 'SurveyCreated', 'SurveyResponse']);

  // an org admin who is not a member sees the cards and the results, but answers nothing
  const orgAdmin = await signedIn({ orgAdmin: true });
  await orgAdmin.page.goto(`/groups/${groupId}/actions`);
  const adminPoll = orgAdmin.page.getByRole('listitem', { name: 'Team lunch on Friday?' });
  await expect(adminPoll).toContainText('1 vote');
  await expect(adminPoll.getByRole('radio')).toHaveCount(0);
  await expect(orgAdmin.page.getByRole('button', { name: 'Mark complete' })).toHaveCount(0);

  // people outside the group get 404 for the tab, its feed and the export
  const outsider = await signedIn();
  expect((await outsider.page.goto(`/groups/${groupId}/actions`))?.status()).toBe(404);
  expect((await outsider.page.request.get(`/api/groups/${groupId}/actions`)).status()).toBe(404);
  expect((await outsider.page.request.get(csvHref!)).status()).toBe(404);
});
