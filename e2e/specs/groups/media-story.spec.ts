import { samplePdf, samplePicture, sampleMp3 } from '../../../lib/media/samples';
import { uploadMedia } from '../../fixtures/actions';
import { accessTokenFor } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { addMember, makeConnector, makeGroupWith, makeUser, tenantId } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { saveScreenshot } from '../../fixtures/screenshot';
import { expect, test } from '../../fixtures/test';

/**
 * Media in the portal (issue 12): a connector uploads pictures, a sound file and a document over /v1 and posts
 * them as Image, Album, Audio and Document actions, an announcement with an attachment and a poll with
 * pictured choices; a member sees them in the ACTIONS tab (thumbnails that load, players, download links,
 * through signed URLs) and in the conversation of the MESSAGES tab.
 */
test('[MEDIA] a connector posts pictures, an album, a sound file and a document; members see them in ACTIONS and MESSAGES', async ({
  page,
  signIn,
  request,
}, testInfo) => {
  const contoso = await tenantId('Contoso');
  const member = await makeUser({ name: 'mia' });
  const groupId = await makeGroupWith({ tenant: contoso, name: `Store ${member.phone!.slice(-4)}`, admin: newPhoneNumber() });
  await addMember(groupId, member.phone!, { name: 'Mia Member' });
  const connector = await makeConnector({
    tenantId: contoso,
    ownerId: member.id,
    name: `Merch bot ${Date.now() % 100000}`,
    permissions: ['action', 'media', 'textmessage'],
    groupId,
    grantedBy: member.id,
  });
  const token = await accessTokenFor(request, connector, connector.refreshToken);
  const shelf = await uploadMedia(request, token, 'shelf-4.png', samplePicture(320, 200));
  const endcap = await uploadMedia(request, token, 'endcap.png', samplePicture(200, 260, '16a34a', 'facc15'));
  const window = await uploadMedia(request, token, 'window.png', samplePicture(260, 200, '9333ea', 'f43f5e'));
  const briefing = await uploadMedia(request, token, 'morning-briefing.mp3', sampleMp3(30_000));
  const plan = await uploadMedia(request, token, 'planogram-week-49.pdf', samplePdf());

  const posts: [string, Record<string, unknown>][] = [
    [
      'Poll',
      {
        question: 'Which display goes up first?',
        choices: [
          { title: 'Endcap', image: endcap },
          { title: 'Window', image: window },
        ],
      },
    ],
    ['Announcement', { Title: 'New layout from Monday', Message: 'The planogram is attached.', MediaResources: [plan] }],
    ['Document', { mediaResource: plan, caption: 'Planogram, week 49' }],
    ['Audio', { mediaResource: briefing, caption: 'Morning briefing' }],
    ['Album', { mediaResources: [endcap, window], caption: 'Display ideas' }],
    ['Image', { mediaResource: shelf, caption: 'Shelf 4 after restocking' }],
  ];
  for (const [actionType, actionBody] of posts)
    expect((await call(request, 'POST', `/groups/${groupId}/actions`, token, { actionType, actionBody })).status()).toBe(200);
  expect((await call(request, 'POST', `/groups/${groupId}/messages`, token, { message: 'Photos from this morning are up.' })).status()).toBe(200);

  await signIn(member);
  await page.goto(`/groups/${groupId}/actions`);
  const cards = page.getByRole('list', { name: 'Actions' }).locator(':scope > li');
  await expect(cards).toHaveCount(6);

  // pictures load (through their signed links), the album shows both, the poll's choices have theirs
  const image = page.getByRole('listitem', { name: 'Shelf 4 after restocking' });
  await expect(image).toContainText('Picture');
  const thumb = image.getByRole('img', { name: 'shelf-4.png' });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  await expect(image.getByRole('link')).toHaveAttribute('href', /\/v1\/media\/[0-9a-f-]{36}\/content\?/);
  const album = page.getByRole('listitem', { name: 'Display ideas' });
  await expect(album.getByRole('img')).toHaveCount(2);
  await expect.poll(() => album.getByRole('img', { name: 'window.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(260);
  const poll = page.getByRole('listitem', { name: 'Which display goes up first?' });
  await expect
    .poll(() =>
      poll
        .locator('img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(200);

  // the sound file plays in the browser's player, the document is a download link that works
  const audio = page.getByRole('listitem', { name: 'Morning briefing' });
  await expect(audio.getByText('morning-briefing.mp3 · 29 KB')).toBeVisible();
  await expect(audio.locator('audio')).toHaveAttribute('src', /\/content\?/);
  const doc = page.getByRole('listitem', { name: 'Planogram, week 49' });
  const link = doc.getByRole('link', { name: /planogram-week-49\.pdf/ });
  await expect(link).toBeVisible();
  const file = await request.get((await link.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('listitem', { name: 'New layout from Monday' }).getByRole('link', { name: /planogram-week-49\.pdf/ })).toBeVisible();
  await saveScreenshot(page, testInfo, 'actions-tab-media');

  // the conversation shows the media posts between the messages, newest last
  await page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: 'MESSAGES' }).click();
  const conversation = page.getByRole('list', { name: 'Messages' });
  const items = conversation.locator(':scope > li');
  await expect(items).toHaveCount(5);
  await expect(items.last()).toContainText('Photos from this morning are up.');
  const posted = conversation.getByRole('listitem', { name: `${connector.name} sent a picture: Shelf 4 after restocking` });
  await expect.poll(() => posted.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await expect(conversation.getByRole('listitem', { name: `${connector.name} sent an album: Display ideas` }).getByRole('img')).toHaveCount(2);
  await expect(conversation.getByRole('listitem', { name: `${connector.name} sent a document: Planogram, week 49` }).getByRole('link')).toBeVisible();
  await saveScreenshot(page, testInfo, 'messages-tab-media');
});
