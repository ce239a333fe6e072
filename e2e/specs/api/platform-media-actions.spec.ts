import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { samplePdf, samplePicture, sampleMp3, sampleMp4 } from '../../../lib/media/samples';
import { DAVE_GROUP } from '../../fixtures/api';
import { actionsGroup, eventsOf, uploadMedia } from '../../fixtures/actions';
import { newPhoneNumber } from '../../fixtures/data';
import { makeGroupWith } from '../../fixtures/factory';
import { call, ERROR_BODY, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/**
 * Media in Actions over /v1 (kaizala-connectors.md §5.6 step 2, §5.8, §5.9): Image, Album, Audio, Video and
 * Document actions post uploads; announcements, poll choices and survey answers carry them too. Reads link
 * them through signed URLs, which serve byte ranges to players.
 */
type Body = Record<string, unknown> & { files: { mediaResource: string; mediaUrl: string; fileName: string; mimeType: string; kind: string; size: number }[] };

test.describe.serial('[API] media actions', () => {
  let contoso: string;
  let group: string;
  let t: TokenSet;
  let asAnn: string;
  const up: Record<string, string> = {};
  const files = {
    picture: samplePicture(),
    second: samplePicture(90, 60, '16a34a', 'f43f5e'),
    audio: sampleMp3(20_000),
    video: sampleMp4(50_000),
    pdf: samplePdf(),
  };

  const post = (request: APIRequestContext, actionType: string, actionBody: unknown, token = t.group, g = group) =>
    call(request, 'POST', `/groups/${g}/actions`, token, { actionType, actionBody });
  const listOf = async (request: APIRequestContext, actionType: string) =>
    (await (await call(request, 'GET', `/groups/${group}/actions?actionType=${actionType}`, t.group)).json()).actions as { actionBody: Body }[];

  test.beforeAll(async ({ request }) => {
    ({ contoso, group, t, asAnn } = await actionsGroup(request));
    up.picture = await uploadMedia(request, t.group, 'shelf.png', files.picture);
    up.second = await uploadMedia(request, t.group, 'aisle.png', files.second);
    up.audio = await uploadMedia(request, t.group, 'briefing.mp3', files.audio);
    up.video = await uploadMedia(request, t.group, 'walkthrough.mp4', files.video);
    up.pdf = await uploadMedia(request, t.group, 'planogram.pdf', files.pdf);
  });

  test('Image, Album, Audio, Video and Document post uploads; AttachmentCreated events; reads link the files through signed URLs', async ({ request }) => {
    const cases: [string, Record<string, unknown>][] = [
      ['Image', { mediaResource: up.picture, caption: 'Shelf 4 after restocking' }],
      ['Album', { mediaResources: [up.picture, up.second], Caption: 'Store walk' }],
      ['Audio', { mediaResource: up.audio }],
      ['Video', { MediaResource: up.video, caption: 'How to face the shelf' }],
      ['Document', { mediaResource: up.pdf, caption: 'New planogram' }],
    ];
    const ids: Record<string, string> = {};
    for (const [actionType, actionBody] of cases) {
      const res = await post(request, actionType, actionBody);
      expect(res.status(), actionType).toBe(200);
      ids[actionType] = (await res.json()).actionId;
    }
    const events = await eventsOf(group, 'AttachmentCreated');
    expect(events.map((e) => [e.data.actionType, e.data.caption, (e.data.media as unknown[]).length])).toEqual([
      ['Image', 'Shelf 4 after restocking', 1],
      ['Album', 'Store walk', 2],
      ['Audio', '', 1],
      ['Video', 'How to face the shelf', 1],
      ['Document', 'New planogram', 1],
    ]);
    expect(events[0]!.data.media).toEqual([{ mediaUrl: expect.stringMatching(new RegExp(`/v1/media/${up.picture}$`)), mediaFileName: 'shelf.png' }]);
    expect(await eventsOf(group, 'ActionCreated')).toEqual([]);

    const [image] = await listOf(request, 'Image');
    expect(image).toMatchObject({ actionId: ids.Image, actionType: 'Image', sender: { type: 'Connector', name: t.connector.name } });
    expect(image!.actionBody).toEqual({
      actionId: ids.Image,
      caption: 'Shelf 4 after restocking',
      mediaResource: up.picture,
      mediaUrl: expect.stringContaining(`/v1/media/${up.picture}/content?`),
      imageUrl: image!.actionBody.mediaUrl,
      files: [
        {
          mediaResource: up.picture,
          mediaUrl: image!.actionBody.mediaUrl,
          fileName: 'shelf.png',
          mimeType: 'image/png',
          kind: 'image',
          size: files.picture.length,
        },
      ],
    });
    const picture = await request.get(image!.actionBody.imageUrl as string);
    expect(picture.status()).toBe(200);
    expect(picture.headers()['content-type']).toBe('image/png');
    expect(await picture.body()).toEqual(files.picture);

    const [album] = await listOf(request, 'Album');
    expect(album!.actionBody.files.map((f) => f.fileName)).toEqual(['shelf.png', 'aisle.png']);
    expect(album!.actionBody.imageUrls).toHaveLength(2);
    expect(await (await request.get((album!.actionBody.imageUrls as string[])[1]!)).body()).toEqual(files.second);
    const [doc] = await listOf(request, 'Document');
    const pdf = await request.get(doc!.actionBody.mediaUrl as string);
    expect(pdf.headers()['content-disposition']).toBe("attachment; filename*=UTF-8''planogram.pdf");
    expect(await pdf.body()).toEqual(files.pdf);

    const detail = await (await call(request, 'GET', `/groups/${group}/actions/${ids.Audio}?getDetails=true`, t.group)).json();
    expect(detail.actionDetails).toMatchObject({ caption: '', mediaResource: up.audio, files: [{ fileName: 'briefing.mp3', kind: 'audio' }], responses: [] });
    // a media action takes no responses
    const answer = await call(request, 'POST', `/groups/${group}/actions/${ids.Image}/responses`, asAnn, { actionBody: { answers: ['x'] } });
    expect(answer.status()).toBe(400);
    expect(await answer.json()).toEqual({ ...ERROR_BODY, errorCode: 'ActionNotRespondable', message: 'An image attachment takes no responses here.' });
  });

  test('video and audio are served in byte ranges (206, Content-Range); a range past the end is 416 with the error body', async ({ request }) => {
    const [video] = await listOf(request, 'Video');
    const url = video!.actionBody.mediaUrl as string;
    const size = files.video.length;
    const whole = await request.get(url);
    expect(whole.status()).toBe(200);
    expect(whole.headers()['accept-ranges']).toBe('bytes');

    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-', 1000, size - 1],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=${size - 10}-${size + 500}`, size - 10, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const part = await request.get(url, { headers: { Range: range } });
      expect(part.status(), range).toBe(206);
      expect(part.headers()['content-range'], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(part.headers()['content-length'], range).toBe(String(end - start + 1));
      expect(await part.body(), range).toEqual(files.video.subarray(start, end + 1));
    }
    const past = await request.get(url, { headers: { Range: `bytes=${size}-` } });
    expect(past.status()).toBe(416);
    expect(past.headers()['content-range']).toBe(`bytes */${size}`);
    expect(await past.json()).toEqual({ ...ERROR_BODY, errorCode: 'RangeNotSatisfiable' });
    // several ranges: the whole file (a server may ignore Range)
    expect((await request.get(url, { headers: { Range: 'bytes=0-1,5-9' } })).status()).toBe(200);

    const [audio] = await listOf(request, 'Audio');
    const sound = await request.get(audio!.actionBody.mediaUrl as string, { headers: { Range: 'bytes=0-2' } });
    expect(sound.status()).toBe(206);
    expect((await sound.body()).toString('latin1')).toBe('ID3');
  });

  test('an announcement’s MediaResources and a poll’s choice pictures are linked; the poll image must be a picture', async ({ request }) => {
    const ann = await post(request, 'Announcement', { Title: 'New layout', Message: 'See the plan.', MediaResources: [up.pdf, up.picture] });
    expect(ann.status()).toBe(200);
    const [a] = await listOf(request, 'Announcement');
    expect(a!.actionBody).toMatchObject({ mediaResources: [up.pdf, up.picture], files: [{ fileName: 'planogram.pdf' }, { fileName: 'shelf.png' }] });
    expect((await eventsOf(group, 'Announcement')).at(-1)!.data).toMatchObject({ title: 'New layout' });

    const poll = await post(request, 'Poll', {
      question: 'Which display?',
      choices: [{ title: 'Blue', image: up.picture }, { title: 'Green', image: up.second }, { title: 'None' }],
    });
    expect(poll.status()).toBe(200);
    const [p] = await listOf(request, 'Poll');
    const choices = p!.actionBody.choices as { title: string; image?: string; imageUrl?: string }[];
    expect(choices.map((c) => [c.title, c.image ?? null])).toEqual([
      ['Blue', up.picture],
      ['Green', up.second],
      ['None', null],
    ]);
    expect(await (await request.get(choices[1]!.imageUrl!)).body()).toEqual(files.second);
    expect(choices[2]!.imageUrl).toBeUndefined();

    const wrong = await post(request, 'Poll', { question: 'Q', choices: [{ title: 'A', image: up.pdf }, { title: 'B' }] });
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toEqual({
      ...ERROR_BODY,
      errorCode: 'MediaKindMismatch',
      message: 'actionBody.choices[0].image: this upload is a document file; it must be an image file here.',
    });
  });

  test('bad media: missing, unknown, the wrong kind, another connector’s upload not in the group, another tenant’s — a 400 naming the field; nothing is written', async ({
    request,
  }) => {
    const before = (await listOf(request, 'Image')).length;
    const cases: [string, unknown, string, string][] = [
      ['Image', {}, 'InvalidParameters', 'actionBody.mediaResource: is required: upload the file with POST /v1/media first.'],
      ['Album', { mediaResources: [] }, 'InvalidParameters', 'actionBody.mediaResources: an album needs at least one picture.'],
      ['Image', { mediaResource: 42 }, 'InvalidParameters', 'actionBody.mediaResource: must be the mediaResource string of an upload from POST /v1/media.'],
      [
        'Image',
        { mediaResource: randomUUID() },
        'MediaResourceUnusable',
        'actionBody.mediaResource: this mediaResource does not exist or cannot be used here.',
      ],
      ['Image', { mediaResource: 'not-a-resource' }, 'MediaResourceUnusable', 'actionBody.mediaResource: this mediaResource'],
      ['Image', { mediaResource: up.pdf }, 'MediaKindMismatch', 'actionBody.mediaResource: this upload is a document file; it must be an image file here.'],
      ['Album', { mediaResources: [up.picture, up.audio] }, 'MediaKindMismatch', 'actionBody.mediaResources[1]: this upload is an audio file'],
      ['Video', { mediaResource: up.audio }, 'MediaKindMismatch', 'it must be a video file here.'],
    ];
    for (const [actionType, actionBody, errorCode, message] of cases) {
      const res = await post(request, actionType, actionBody);
      expect(res.status(), message).toBe(400);
      const body = await res.json();
      expect(body, message).toEqual({ ...ERROR_BODY, errorCode });
      expect(body.message, message).toContain(message);
    }
    const sticker = await post(request, 'Sticker', { mediaResource: up.picture });
    expect(sticker.status()).toBe(400);
    expect(await sticker.json()).toEqual({
      ...ERROR_BODY,
      errorCode: 'UnknownActionType',
      message: expect.stringContaining('Image, Audio, Document, Video or Album'),
    });

    // another connector of the organization reaching the group: its own uploads, and what is already in this group
    const other = await platformTokens(request, group, ['groupinfo', 'action', 'media']);
    const fresh = await uploadMedia(request, t.group, 'unused.png', samplePicture(20, 20));
    const notYours = await post(request, 'Image', { mediaResource: fresh }, other.group);
    expect(notYours.status()).toBe(400);
    expect((await notYours.json()).errorCode).toBe('MediaResourceUnusable');
    expect((await post(request, 'Image', { mediaResource: up.picture, caption: 'again' }, other.group)).status()).toBe(200);
    // … but not in another group, where the upload was never posted
    const elsewhere = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber() });
    const otherThere = await platformTokens(request, elsewhere, ['groupinfo', 'action', 'media']);
    expect((await (await post(request, 'Image', { mediaResource: up.picture }, otherThere.group, elsewhere)).json()).errorCode).toBe('MediaResourceUnusable');

    // another tenant: its tokens cannot use Contoso's upload in their own group, nor reach this group
    const dave = await platformTokens(request, DAVE_GROUP, ['groupinfo', 'action', 'media'], 'Fabrikam');
    const cross = await post(request, 'Image', { mediaResource: up.picture }, dave.group, DAVE_GROUP);
    expect(cross.status()).toBe(400);
    expect((await cross.json()).errorCode).toBe('MediaResourceUnusable');
    expect((await post(request, 'Image', { mediaResource: up.picture }, dave.group)).status()).toBe(404);

    // permission: Action & Responses
    const noAction = await platformTokens(request, group, ['groupinfo', 'media']);
    const forbidden = await post(request, 'Image', { mediaResource: up.picture }, noAction.group);
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden', message: expect.stringContaining('Action & Responses') });

    expect((await listOf(request, 'Image')).length).toBe(before + 1);
  });

  test('survey image answers must be uploads the responder may use; once answered the group’s tokens can fetch them', async ({ request }) => {
    const made = await post(request, 'Survey', {
      title: 'Proof',
      questions: [
        { title: 'Photo', type: 'Image' },
        { title: 'Files', type: 'AttachmentList' },
      ],
    });
    const actionId = (await made.json()).actionId;
    const path = `/groups/${group}/actions/${actionId}/responses`;
    const photo = await uploadMedia(request, asAnn, 'proof.png', samplePicture(30, 30));
    const bogus = await call(request, 'POST', path, asAnn, { actionBody: { answers: [randomUUID(), [photo]] } });
    expect(bogus.status()).toBe(400);
    expect((await bogus.json()).message).toContain('answers[0] ("Photo"): this mediaResource does not exist or cannot be used here.');
    const notPicture = await call(request, 'POST', path, asAnn, { actionBody: { answers: [up.pdf, [up.pdf]] } });
    expect((await notPicture.json()).errorCode).toBe('MediaKindMismatch');
    const ok = await call(request, 'POST', path, asAnn, { actionBody: { answers: [photo, [photo, up.pdf]] } });
    expect(ok.status()).toBe(200);
    const third = await platformTokens(request, group, ['media']);
    const link = await call(request, 'GET', `/media/${photo}`, third.group);
    expect(link.status()).toBe(200);
    expect((await request.get((await link.json()).mediaUrl)).status()).toBe(200);
  });
});
