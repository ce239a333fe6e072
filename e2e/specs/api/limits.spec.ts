import { expect, test } from '@playwright/test';
import { rawHttp, unfinishedRequest } from '../../fixtures/raw-http';

const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };
const MiB = 1024 * 1024;

test.describe('[API] size limits: bodies and headers', () => {
  test('a body over 1 MiB gets 413 with the error body; one under the limit is read as usual', async ({ request }) => {
    const big = JSON.stringify({ mobileNumber: '+14255550101', applicationId: 'x', padding: 'a'.repeat(MiB) });
    const res = await request.post('/v1/generatePin', { data: big, headers: { 'content-type': 'application/json' } });
    expect(res.status()).toBe(413);
    expect(res.headers().connection).toBe('close'); // the unread rest is not taken for the next request
    expect(await res.json()).toEqual({ ...ERROR_SHAPE, errorCode: 'PayloadTooLarge' });

    const under = await request.post('/v1/generatePin', {
      data: JSON.stringify({ mobileNumber: 'nope', applicationId: 'x', padding: 'a'.repeat(900 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(under.status()).not.toBe(413); // read and validated, not refused for its size
    expect(under.status()).toBeLessThan(500);
    expect(await under.json()).toMatchObject(ERROR_SHAPE);
  });

  test('413 comes before the body is read: a 100 MB Content-Length and an endless chunked body are answered while still sending', async ({
    baseURL,
    request,
  }) => {
    // Content-Length says 100 MB, 64 KB are sent, the request is never finished
    const declared = await unfinishedRequest(baseURL!, {
      path: '/v1/generatePin',
      headers: { 'content-type': 'application/json', 'content-length': String(100 * 1000 * 1000) },
      chunks: [Buffer.alloc(64 * 1024, 'a')],
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ ...ERROR_SHAPE, errorCode: 'PayloadTooLarge' });

    // no Content-Length (chunked): 2 MiB sent in 128 KiB chunks, never finished
    const chunked = await unfinishedRequest(baseURL!, {
      path: '/v1/generatePin',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 16 }, () => Buffer.alloc(128 * 1024, 'a')),
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({ ...ERROR_SHAPE, errorCode: 'PayloadTooLarge' });

    // the server is still there
    const health = await request.get('/v1/health');
    expect(health.status()).toBe(200);
  });

  test('40 KB of headers get 431 with the error body (API and portal); one 5 KB token header on /v1 still gets 400', async ({ baseURL, request }) => {
    const host = new URL(baseURL!).host;
    for (const path of ['/v1/accessToken', '/signin']) {
      const res = await rawHttp(
        baseURL!,
        `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${Array.from({ length: 10 }, (_, i) => `X-Filler-${i}: ${'f'.repeat(4000)}\r\n`).join('')}\r\n`,
      );
      expect(res.status, path).toBe(431);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.connection).toBe('close');
      expect(JSON.parse(res.body)).toEqual({ ...ERROR_SHAPE, errorCode: 'RequestHeaderFieldsTooLarge' });
    }

    const long = await request.get('/v1/accessToken', {
      headers: { applicationId: '0a0a0a0a-0000-4000-8000-000000000000', applicationSecret: 's', refreshToken: 'x'.repeat(5000) },
    });
    expect(long.status()).toBe(400);
    expect(await long.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'InvalidParameters' });
  });
});
