import { createHash, hkdfSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { samplePdf, samplePng } from '../../../lib/media/samples';
import { signMedia, signedQuery } from '../../../lib/media/signing';
import { startAppServer, type AppServer } from '../../fixtures/app-server';
import { E2E_DATABASE_URL, withDb } from '../../fixtures/db';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { call, ERROR_BODY, platformTokens, type TokenSet } from '../../fixtures/platform';
import { startLocalS3, type LocalS3 } from '../../fixtures/s3';
import { expect, test } from '../../fixtures/test';

const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const root = process.cwd();

interface MediaRow {
  tenant_id: string;
  connector_id: string;
  kind: string;
  mime_type: string;
  file_name: string;
  size: string;
  sha256: string;
  store: string;
  storage_key: string;
}
const mediaRow = (id: string) => withDb(async (db) => (await db.query<MediaRow>('SELECT * FROM media WHERE id = $1', [id])).rows[0]);
const mediaCount = () => withDb(async (db) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM media')).rows[0]!.n));

/** POST /v1/media with one file part (`files` unless said otherwise), through `base` (another instance) when given. */
function upload(
  request: APIRequestContext,
  token: string,
  file: { name: string; buffer: Buffer; mimeType?: string },
  opts: { field?: string; base?: string; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  return request.post(`${opts.base ?? ''}/v1/media`, {
    headers: { accessToken: token, ...opts.headers },
    multipart: { [opts.field ?? 'files']: { name: file.name, mimeType: file.mimeType ?? 'application/octet-stream', buffer: file.buffer } },
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A signed URL minted here with the e2e server's key (to make one that has already expired). */
function mintUrl(base: string, mediaId: string, exp: number, viewer: string) {
  const raw = JSON.parse(fs.readFileSync(path.join(root, '.data', 'secrets-e2e.json'), 'utf8')).APP_ENCRYPTION_KEY as string;
  const [kid, b64] = raw.split(',')[0]!.split(':') as [string, string];
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(b64, 'base64'), Buffer.alloc(0), 'connector-portal:media-url', 32));
  return `${base}/v1/media/${mediaId}/content?${signedQuery(signMedia(mediaId, exp, viewer, kid, key))}`;
}

/** Media over /v1 (kaizala-connectors.md §5.6): upload, sniffing, limits, the stores, signed URLs. */
test.describe.serial('[API] media', () => {
  let contoso: string;
  let group: string;
  let t: TokenSet;
  let png: Buffer;
  let pngId: string;

  test.beforeAll(async ({ request }) => {
    contoso = await tenantId('Contoso');
    group = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber(), members: [newPhoneNumber()] });
    t = await platformTokens(request, group, ['groupinfo', 'media']);
    png = samplePng(30_000);
  });

  test('a PNG and a PDF are stored on the local disk; the row records tenant, connector, kind, size, sha256, key', async ({ request }) => {
    const res = await upload(request, t.group, { name: 'chart.png', buffer: png, mimeType: 'image/png' });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      mediaResource: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'image',
      mimeType: 'image/png',
      fileName: 'chart.png',
      size: png.length,
      sha256: sha256(png),
    });
    pngId = body.mediaResource;
    const row = await mediaRow(pngId);
    expect(row).toMatchObject({
      tenant_id: contoso,
      connector_id: t.connector.id,
      kind: 'image',
      size: String(png.length),
      sha256: sha256(png),
      store: 'local',
      storage_key: `${contoso}/${pngId}`,
    });
    expect(fs.readFileSync(path.join(root, '.data', 'media-e2e', row!.storage_key))).toEqual(png);

    // Swagger's part name, a declared type that is wrong: the content decides
    const pdf = samplePdf();
    const doc = await upload(request, t.tenant, { name: 'report.pdf', buffer: pdf, mimeType: 'image/png' }, { field: 'FileName' });
    expect(doc.status()).toBe(200);
    expect(await doc.json()).toMatchObject({ kind: 'document', mimeType: 'application/pdf', fileName: 'report.pdf', size: pdf.length });
  });

  test('415 for a text file renamed .png, a PNG named .pdf and a JSON body; nothing is stored', async ({ request }) => {
    const before = await mediaCount();
    const fake = await upload(request, t.group, {
      name: 'photo.png',
      buffer: Buffer.from('This is plain text, not a picture.\n'.repeat(20)),
      mimeType: 'image/png',
    });
    expect(fake.status()).toBe(415);
    expect(await fake.json()).toEqual({ ...ERROR_BODY, errorCode: 'MediaTypeNotSupported', message: expect.stringContaining('.png') });
    expect((await upload(request, t.group, { name: 'chart.pdf', buffer: png })).status()).toBe(415);
    const json = await call(request, 'POST', '/media', t.group, { files: 'x' });
    expect(json.status()).toBe(415);
    expect(await json.json()).toEqual({ ...ERROR_BODY, errorCode: 'UnsupportedMediaType' });
    const none = await upload(request, t.group, { name: 'chart.png', buffer: png }, { field: 'picture' });
    expect(none.status()).toBe(400);
    expect(await none.json()).toEqual({ ...ERROR_BODY, errorCode: 'MediaFileMissing' });
    expect(await mediaCount()).toBe(before);
  });

  test('413 with the error body for an image over its 10 MiB limit (found while streaming); the 1 MiB JSON limit does not apply', async ({ request }) => {
    const before = await mediaCount();
    const big = await upload(request, t.group, { name: 'big.png', buffer: samplePng(10 * 1024 * 1024 + 1) });
    expect(big.status()).toBe(413);
    expect(await big.json()).toEqual({
      ...ERROR_BODY,
      errorCode: 'MediaTooLarge',
      message: 'The image file is larger than 10 MiB, the limit for image files.',
    });
    expect(await mediaCount()).toBe(before);
    const leftovers = fs.readdirSync(path.join(root, '.data', 'media-e2e', '.incoming'));
    expect(leftovers).toEqual([]);
    // 3 MiB: over the JSON limit, well within the image limit
    expect((await upload(request, t.group, { name: 'three.png', buffer: samplePng(3 * 1024 * 1024) })).status()).toBe(200);
  });

  test('signed URL: works for the uploader, refused when tampered with or expired; never public', async ({ request, baseURL }) => {
    const res = await call(request, 'GET', `/media/${pngId}`, t.group);
    expect(res.status()).toBe(200);
    const link = await res.json();
    expect(link).toEqual({
      mediaResource: pngId,
      mediaUrl: expect.stringContaining(`/v1/media/${pngId}/content?`),
      expiresAt: expect.any(Number),
      kind: 'image',
      mimeType: 'image/png',
      fileName: 'chart.png',
      size: png.length,
    });
    expect(link.expiresAt - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(link.expiresAt - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const file = await request.get(link.mediaUrl);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    expect(file.headers()['content-disposition']).toBe(`inline; filename*=UTF-8''chart.png`);
    expect(file.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(await file.body()).toEqual(png);

    const url = new URL(link.mediaUrl);
    const tamper = async (change: (u: URL) => void, code: string) => {
      const u = new URL(url);
      change(u);
      const r = await request.get(u.toString());
      expect(r.status(), u.search).toBe(403);
      expect(await r.json()).toEqual({ ...ERROR_BODY, errorCode: code });
    };
    await tamper((u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 3600)), 'MediaLinkInvalid');
    await tamper((u) => u.searchParams.set('viewer', `c:${randomUUID()}`), 'MediaLinkInvalid');
    await tamper(
      (u) =>
        u.searchParams.set(
          'sig',
          u.searchParams.get('sig')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
        ),
      'MediaLinkInvalid',
    );
    await tamper((u) => u.searchParams.delete('sig'), 'MediaLinkInvalid');
    const other = (await (await upload(request, t.group, { name: 'x.pdf', buffer: samplePdf() })).json()).mediaResource as string;
    await tamper((u) => (u.pathname = `/v1/media/${other}/content`), 'MediaLinkInvalid');
    const expired = await request.get(mintUrl(baseURL!, pngId, Math.floor(Date.now() / 1000) - 5, `c:${t.connector.id}`));
    expect(expired.status()).toBe(403);
    expect(await expired.json()).toEqual({ ...ERROR_BODY, errorCode: 'MediaLinkExpired' });
    // no signature at all, or the locator without a token
    expect((await request.get(`/v1/media/${pngId}/content`)).status()).toBe(403);
    expect((await request.get(`/v1/media/${pngId}`)).status()).toBe(401);
  });

  test('access is bound to the uploader until the media is used in a group, then to tokens that reach that group', async ({ request }) => {
    // another connector of the same tenant, with a group token on another group
    const otherGroup = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber() });
    const other = await platformTokens(request, otherGroup, ['media']);
    expect((await call(request, 'GET', `/media/${pngId}`, other.group)).status()).toBe(404);
    expect((await call(request, 'GET', `/media/${pngId}`, other.tenant)).status()).toBe(404);
    // used in `group` (as an action that carries it will do): the other connector's tenant token reaches it
    await withDb((db) => db.query('INSERT INTO media_uses (media_id, group_id) VALUES ($1, $2)', [pngId, group]));
    const tenantLink = await call(request, 'GET', `/media/${pngId}`, other.tenant);
    expect(tenantLink.status()).toBe(200);
    expect(new URL((await tenantLink.json()).mediaUrl).searchParams.get('viewer')).toBe(`c:${other.connector.id}`);
    // a group token of another group still does not
    const miss = await call(request, 'GET', `/media/${pngId}`, other.group);
    expect(miss.status()).toBe(404);
    expect(await miss.json()).toEqual({ ...ERROR_BODY, errorCode: 'MediaNotFound' });
  });

  test('permission Media needed (403); another tenant gets 404; Idempotency-Key gives one upload', async ({ request }) => {
    const noMedia = await platformTokens(request, group, ['groupinfo']);
    const denied = await upload(request, noMedia.group, { name: 'chart.png', buffer: png });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden', message: expect.stringContaining('Media') });
    expect((await call(request, 'GET', `/media/${pngId}`, noMedia.group)).status()).toBe(403);

    const fabrikam = await tenantId('Fabrikam');
    const daveGroup = await makeGroupWith({ tenant: fabrikam, admin: newPhoneNumber() });
    const dave = await platformTokens(request, daveGroup, ['media'], 'Fabrikam');
    const theirs = await call(request, 'GET', `/media/${pngId}`, dave.tenant);
    expect(theirs.status()).toBe(404);
    expect(await theirs.json()).toEqual({ ...ERROR_BODY, errorCode: 'MediaNotFound' });

    const key = `media-${randomUUID()}`;
    const before = await mediaCount();
    const first = await upload(request, t.group, { name: 'once.png', buffer: png }, { headers: { 'Idempotency-Key': key } });
    const again = await upload(request, t.group, { name: 'once.png', buffer: png }, { headers: { 'Idempotency-Key': key } });
    expect(first.status()).toBe(200);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await mediaCount()).toBe(before + 1);
  });
});

test.describe.serial('[API] media on an S3-compatible store', () => {
  let s3: LocalS3;
  let app: AppServer;
  let t: TokenSet;

  test.beforeAll(async ({ request }) => {
    test.setTimeout(120_000);
    s3 = await startLocalS3();
    app = await startAppServer({ port: e2ePort + 70, databaseUrl: E2E_DATABASE_URL, env: s3.env });
    const group = await makeGroupWith({ tenant: await tenantId('Contoso'), admin: newPhoneNumber() });
    t = await platformTokens(request, group, ['media']);
  });
  test.afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  test('an image and a PDF go to the bucket and come back through a signed URL of that instance', async ({ request }) => {
    const contoso = await tenantId('Contoso');
    for (const file of [
      { name: 'photo.png', buffer: samplePng(6 * 1024 * 1024) }, // over one 5 MiB part: a multipart upload
      { name: 'report.pdf', buffer: samplePdf() },
    ]) {
      const res = await upload(request, t.group, file, { base: app.url });
      expect(res.status(), app.output()).toBe(200);
      const { mediaResource } = await res.json();
      expect(await mediaRow(mediaResource)).toMatchObject({ store: 's3', storage_key: `${contoso}/${mediaResource}`, sha256: sha256(file.buffer) });
      expect(await s3.keys()).toContain(`${contoso}/${mediaResource}`);
      const link = await (await request.get(`${app.url}/v1/media/${mediaResource}`, { headers: { accessToken: t.group } })).json();
      expect(link.mediaUrl.startsWith(`${app.url}/`)).toBe(true);
      const got = await request.get(link.mediaUrl);
      expect(got.status()).toBe(200);
      expect(sha256(await got.body())).toBe(sha256(file.buffer));
    }
  });

  test('413 and 415 leave nothing in the bucket', async ({ request }) => {
    const before = await s3.keys();
    const big = await upload(request, t.group, { name: 'big.png', buffer: samplePng(10 * 1024 * 1024 + 1) }, { base: app.url });
    expect(big.status()).toBe(413);
    expect(await big.json()).toEqual({ ...ERROR_BODY, errorCode: 'MediaTooLarge' });
    const fake = await upload(request, t.group, { name: 'fake.png', buffer: Buffer.from('not an image at all') }, { base: app.url });
    expect(fake.status()).toBe(415);
    expect(await s3.keys()).toEqual(before);
  });
});
