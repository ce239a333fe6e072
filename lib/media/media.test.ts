import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { meter, type MediaLimits } from './limits';
import { samplePdf, samplePng, sampleJpeg } from './samples';
import { checkMediaSignature, signMedia } from './signing';
import { parseRange } from './range';
import { LocalMediaStore } from './store';
import { classify, cleanFileName } from './types';
import { receiveUpload } from './upload';

const sniff = async (b: Buffer) => (await fileTypeFromBuffer(b))?.ext;
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('media types: by content, not by name', () => {
  it('accepts the §5.6 kinds and refuses a name that contradicts the content', async () => {
    expect(classify(await sniff(samplePng()), 'chart.png')).toEqual({ kind: 'image', mime: 'image/png', fileName: 'chart.png' });
    expect(classify(await sniff(sampleJpeg()), 'a.JPEG')).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
    expect(classify(await sniff(samplePdf()), 'report.pdf')).toMatchObject({ kind: 'document', mime: 'application/pdf' });
    // a PNG named .pdf, text named .png, an unknown type
    expect(classify(await sniff(samplePng()), 'report.pdf')).toBeNull();
    expect(classify(await sniff(Buffer.from('just some text, not an image')), 'photo.png')).toBeNull();
    expect(classify('gif', 'x.gif')).toBeNull();
    expect(classify('zip', 'x.docx')).toBeNull();
  });

  it('old Office files (one container format) are told apart by extension; no name gets the canonical one', () => {
    expect(classify('cfb', 'budget.xls')).toMatchObject({ mime: 'application/vnd.ms-excel' });
    expect(classify('cfb', 'budget.msi')).toBeNull();
    expect(classify('cfb', 'budget')).toBeNull();
    expect(classify('png', '')).toMatchObject({ fileName: 'file.png' });
    expect(classify('3gp', 'clip.3gpp')).toMatchObject({ kind: 'video', mime: 'video/3gpp' });
  });

  it('keeps only the last path segment of a name, without control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\x\\a"b\u0000.png')).toBe('ab.png');
  });
});

describe('the size meter', () => {
  it('counts and hashes; fails with 413 as soon as the limit is passed', async () => {
    async function* chunks() {
      yield Buffer.alloc(4);
      yield Buffer.alloc(4);
    }
    const ok = meter(Buffer.alloc(2), chunks(), 'image', 10);
    for await (const c of ok.body) void c;
    expect(ok.done()).toEqual({ size: 10, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const over = meter(Buffer.alloc(2), chunks(), 'image', 9);
    const seen: number[] = [];
    const err = await (async () => {
      for await (const c of over.body) seen.push(c.length);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([2, 4]); // the chunk that passes the limit is never handed on
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('MediaTooLarge');
    expect((err as DomainError).options.headers).toEqual({ Connection: 'close' });
  });
});

describe('signed media URLs', () => {
  const key = Buffer.alloc(32, 7);
  const id = '00000000-0000-4000-8000-000000000001';
  const keyFor = (kid: string) => (kid === 'k1' ? key : undefined);

  it('work for their media, viewer and time; anything altered is invalid; late is expired', () => {
    const p = signMedia(id, 1_000, 'c:abc', 'k1', key);
    const q = { exp: String(p.exp), viewer: p.viewer, kid: p.kid, sig: p.sig };
    expect(checkMediaSignature(id, q, keyFor, 999)).toBe('ok');
    expect(checkMediaSignature(id, q, keyFor, 1_001)).toBe('expired');
    expect(checkMediaSignature(id, { ...q, exp: '2000' }, keyFor, 999)).toBe('invalid');
    expect(checkMediaSignature(id, { ...q, viewer: 'c:other' }, keyFor, 999)).toBe('invalid');
    expect(checkMediaSignature('00000000-0000-4000-8000-000000000002', q, keyFor, 999)).toBe('invalid');
    expect(checkMediaSignature(id, { ...q, sig: q.sig.slice(0, -2) + 'AA' }, keyFor, 999)).toBe('invalid');
    expect(checkMediaSignature(id, { ...q, kid: 'k9' }, keyFor, 999)).toBe('invalid');
    expect(checkMediaSignature(id, { ...q, sig: undefined }, keyFor, 999)).toBe('invalid');
    // tampered AND late: invalid, not merely expired
    expect(checkMediaSignature(id, { ...q, viewer: 'c:other' }, keyFor, 5_000)).toBe('invalid');
  });
});

describe('streaming uploads into the local store', () => {
  let dir: string;
  let store: LocalMediaStore;
  const limits: MediaLimits = { image: 64 * 1024, audio: 1024, video: 1024, document: 128 * 1024 };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'media-'));
    store = new LocalMediaStore(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const upload = (file: Buffer, name: string, field = 'files') => {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(file)], { type: 'image/png' }), name);
    return new Request('http://x/v1/media', { method: 'POST', body: form });
  };
  const files = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);

  it('stores a good file under our key, with its size and hash', async () => {
    const png = samplePng(20_000);
    const got = await receiveUpload(upload(png, 'chart.png', 'FileName'), { limits, store, storageKey: 't/one' });
    expect(got).toMatchObject({ kind: 'image', mime: 'image/png', fileName: 'chart.png', size: png.length });
    expect(await readFile(path.join(dir, 't/one'))).toEqual(png);
  });

  it('415 for text named .png, 413 past the limit of the kind, 400 without a file part: nothing stored', async () => {
    const before = await files();
    expect(await codeOf(receiveUpload(upload(Buffer.from('hello, not a picture'), 'fake.png'), { limits, store, storageKey: 't/two' }))).toBe(
      'MediaTypeNotSupported',
    );
    expect(await codeOf(receiveUpload(upload(samplePng(200_000), 'big.png'), { limits, store, storageKey: 't/three' }))).toBe('MediaTooLarge');
    // a file in a part of another name is no upload
    expect(await codeOf(receiveUpload(upload(samplePng(100_000), 'big.png', 'other'), { limits, store, storageKey: 't/four' }))).toBe('MediaFileMissing');
    expect(await files()).toEqual(before);
    const json = new Request('http://x/v1/media', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(await codeOf(receiveUpload(json, { limits, store, storageKey: 't/five' }))).toBe('UnsupportedMediaType');
  });

  it('an upload limited to some kinds (a survey picture) refuses a good file of another kind before storing it', async () => {
    const before = await files();
    const pdf = receiveUpload(upload(samplePdf(), 'plan.pdf'), { limits, store, storageKey: 't/six', kinds: ['image'] });
    expect(await codeOf(pdf)).toBe('MediaTypeNotSupported');
    expect(await files()).toEqual(before);
    const png = await receiveUpload(upload(samplePng(), 'ok.png'), { limits, store, storageKey: 't/seven', kinds: ['image'] });
    expect(png.kind).toBe('image');
  });
});

describe('parseRange', () => {
  it('reads one bytes range, clamped to the file; several ranges, other units or nonsense serve the whole file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange(null, 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseRange('items=0-5', 1000)).toBeNull();
    expect(parseRange('bytes=9-5', 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
  });

  it('a range that starts past the end is unsatisfiable (416)', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=2000-2100', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});
