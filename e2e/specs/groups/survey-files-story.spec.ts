import AxeBuilder from '@axe-core/playwright';
import { samplePdf, samplePicture } from '../../../lib/media/samples';
import { accessTokenFor } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { addMember, makeConnector, makeGroupWith, makeUser, tenantId } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

/** The uploads a user has stored (rows; a refused upload writes none, a removed one is deleted). */
const uploadsOf = (userId: string) =>
  withDb(async (db) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM media WHERE uploader_user_id = $1', [userId])).rows[0]!.n));

/**
 * Survey answers with files (issue 12): a connector posts a survey with an Image and an AttachmentList question
 * over /v1; a member answers both in the ACTIONS tab by uploading files (a text file named .png is refused under
 * its question, and nothing is stored); the responses table shows the picture and the document; the connector
 * reads the responses with getDetails and downloads the files through GET /v1/media/{mediaResource}. Someone
 * who is not a member cannot upload for the survey.
 */
test('[ACTIONS] a member answers a survey with a picture and attachments in the portal; the connector downloads them over the API', async ({
  page,
  signIn,
  signedIn,
  request,
}, testInfo) => {
  const contoso = await tenantId('Contoso');
  const member = await makeUser({ name: 'mia' });
  const groupId = await makeGroupWith({ tenant: contoso, name: `Depot ${member.phone!.slice(-4)}`, admin: newPhoneNumber() });
  await addMember(groupId, member.phone!, { name: 'Mia Member' });
  const connector = await makeConnector({
    tenantId: contoso,
    ownerId: member.id,
    name: `Audit bot ${Date.now() % 100000}`,
    permissions: ['action', 'media'],
    groupId,
    grantedBy: member.id,
  });
  const token = await accessTokenFor(request, connector, connector.refreshToken);
  const posted = await call(request, 'POST', `/groups/${groupId}/actions`, token, {
    actionType: 'Survey',
    actionBody: {
      title: 'Shelf audit',
      questions: [
        { title: 'Photo of the shelf', type: 'Image' },
        { title: 'Delivery papers', type: 'AttachmentList' },
        { title: 'Notes', type: 'Text' },
      ],
    },
  });
  expect(posted.status()).toBe(200);
  const actionId = (await posted.json()).actionId as string;

  await signIn(member);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/groups/${groupId}/actions`);
  const card = page.getByRole('listitem', { name: 'Shelf audit' });
  await card.getByRole('button', { name: 'Fill in survey' }).click();
  const form = card.getByRole('form', { name: 'Answer Shelf audit' });
  const photo = form.getByRole('group', { name: 'Photo of the shelf' });
  const papers = form.getByRole('group', { name: 'Delivery papers' });

  // required: the file questions say so under themselves
  await form.getByLabel('Notes').fill('Aisle 4');
  await form.getByRole('button', { name: 'Send answers' }).click();
  await expect(photo.getByText('An answer is required.')).toBeVisible();
  await expect(papers.getByText('An answer is required.')).toBeVisible();

  // a text file named .png: refused by its content, under its question, and nothing is stored
  let chooser = page.waitForEvent('filechooser');
  await photo.getByRole('button', { name: 'Choose a picture' }).click();
  await (await chooser).setFiles({ name: 'shelf.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all\n') });
  await expect(photo.getByText('shelf.png: Choose a JPEG or PNG picture. The file’s content is checked, not only its name.')).toBeVisible();
  await expect(photo.getByRole('list')).toHaveCount(0);
  expect(await uploadsOf(member.id)).toBe(0);

  // a real picture: uploaded, shown as a thumbnail that loads; two documents for the attachment list, one removed
  chooser = page.waitForEvent('filechooser');
  await photo.getByRole('button', { name: 'Choose a picture' }).click();
  await (await chooser).setFiles({ name: 'shelf-4.png', mimeType: 'image/png', buffer: samplePicture(240, 160) });
  const chosen = photo.getByRole('list', { name: 'Files for Photo of the shelf' });
  await expect(chosen.getByText('shelf-4.png')).toBeVisible();
  await expect.poll(() => chosen.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
  await expect(photo.getByText(/shelf\.png:/)).toHaveCount(0);

  chooser = page.waitForEvent('filechooser');
  await papers.getByRole('button', { name: 'Add files' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'delivery-note.pdf', mimeType: 'application/pdf', buffer: samplePdf() },
    { name: 'wrong-scan.pdf', mimeType: 'application/pdf', buffer: samplePdf() },
  ]);
  const attached = papers.getByRole('list', { name: 'Files for Delivery papers' });
  await expect(attached.getByRole('listitem')).toHaveCount(2);
  await expect(papers.getByText('An answer is required.')).toHaveCount(0);
  await expect(attached.getByText(/\d+ bytes/)).toHaveCount(2);
  await attached.getByRole('button', { name: 'Remove wrong-scan.pdf' }).click();
  await expect(attached.getByRole('listitem')).toHaveCount(1);
  await expect(papers.getByRole('button', { name: 'Add files' })).toBeFocused();
  await expect.poll(() => uploadsOf(member.id)).toBe(2); // the removed upload is deleted

  // the form has no axe violations, and fits a phone
  const { violations } = await new AxeBuilder({ page }).include('form[aria-label="Answer Shelf audit"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await saveScreenshot(page, testInfo, 'survey-files-form-phone');

  await form.getByRole('button', { name: 'Send answers' }).click();
  await expect(card).toContainText('1 response');
  const table = card.getByRole('table', { name: 'Responses to Shelf audit' });
  const row = table.getByRole('row').nth(1);
  await expect(row).toContainText('Mia Member');
  await expect.poll(() => row.getByRole('img', { name: 'shelf-4.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  const link = row.getByRole('link', { name: /delivery-note\.pdf/ });
  await expect(link).toBeVisible();
  expect((await (await page.request.get((await link.getAttribute('href'))!)).body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(row).not.toContainText('wrong-scan.pdf');
  await page.setViewportSize({ width: 1280, height: 900 });
  await card.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'survey-files-answered');

  // changing the response starts from the files sent
  await card.getByRole('button', { name: 'Change your answers' }).click();
  await expect(photo.getByRole('list', { name: 'Files for Photo of the shelf' })).toContainText('shelf-4.png');
  await expect(papers.getByRole('list', { name: 'Files for Delivery papers' })).toContainText('delivery-note.pdf');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // the connector reads the response: mediaResources it can turn into links and download
  const details = await call(request, 'GET', `/groups/${groupId}/actions/${actionId}?getDetails=true`, token);
  expect(details.status()).toBe(200);
  const [response] = (await details.json()).actionDetails.responses as { answers: unknown[] }[];
  const [image, files, notes] = response!.answers as [string, string[], string];
  expect(notes).toBe('Aisle 4');
  expect(files).toHaveLength(1);
  for (const [ref, start, name] of [
    [image, '\x89PNG', 'shelf-4.png'],
    [files[0]!, '%PDF', 'delivery-note.pdf'],
  ] as const) {
    const meta = await call(request, 'GET', `/media/${ref}`, token);
    expect(meta.status()).toBe(200);
    const { mediaUrl, fileName } = await meta.json();
    expect(fileName).toBe(name);
    const file = await request.get(mediaUrl);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 4).toString('latin1')).toBe(start);
  }

  // someone who may see the group but is not a member cannot upload for its survey (in their language)
  const admin = await signedIn(await makeUser({ orgAdmin: true }));
  await admin.page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: new URL(page.url()).origin }]);
  const refused = await admin.page.request.post(`/api/groups/${groupId}/actions/${actionId}/files?question=0`, {
    multipart: { files: { name: 'intruder.png', mimeType: 'image/png', buffer: samplePicture(20, 20) } },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ errorCode: 'AnswerNeedsMembership', message: 'Nur Mitglieder dieser Gruppe können sie mit Dateien beantworten.' });
  expect(await uploadsOf(member.id)).toBe(2);
  expect(await uploadsOf(admin.user.id)).toBe(0);
});
