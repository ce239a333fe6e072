import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, test } from '@playwright/test';
import { makeConnector, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';

/** product.md §12: what every /v1 route does beyond Kaizala, from the route table. */
const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };

test.describe('[API] conventions of every route', () => {
  test('lenient JSON bodies as real Kaizala clients send them are accepted; broken JSON is a 400', async ({ request }) => {
    const c = await makeConnector({ tenantId: await tenantId('Contoso') });
    const headers = { 'Content-Type': 'application/json' };
    const singleQuoted = await request.post('/v1/generatePin', {
      headers,
      data: Buffer.from(`{'mobileNumber':"${newPhoneNumber()}", 'applicationId': '${c.id}'}`),
    });
    expect(singleQuoted.status()).toBe(200);
    const unquoted = await request.post('/v1/generatePin', { headers, data: Buffer.from(`{mobileNumber:"${newPhoneNumber()}", applicationId:"${c.id}",}`) });
    expect(unquoted.status()).toBe(200);
    const broken = await request.post('/v1/generatePin', { headers, data: Buffer.from(`{mobileNumber:"+1206`) });
    expect(broken.status()).toBe(400);
    expect(await broken.json()).toEqual({ message: 'The body is not valid JSON.', errorCode: 'InvalidParameters', errorCategoryKey: 'InvalidParameters' });
    const wrongType = await request.post('/v1/generatePin', { headers: { 'Content-Type': 'text/plain' }, data: 'hello' });
    expect(wrongType.status()).toBe(415);
    const missing = await request.post('/v1/generatePin', { headers, data: Buffer.from(`{applicationId:"${c.id}"}`) });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toMatchObject({ ...ERROR_SHAPE, message: expect.stringMatching(/^mobileNumber: /) });
  });

  test('a known path with the wrong method gets 405 with Allow; an unknown path 404; both with the error body', async ({ request }) => {
    const post = await request.post('/v1/accessToken', { data: {} });
    expect(post.status()).toBe(405);
    expect(post.headers()['allow']).toBe('GET, HEAD');
    expect(await post.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'MethodNotAllowed' });
    const del = await request.delete('/v1/groups/00000000-0000-4000-8000-0000000a0001');
    expect(del.status()).toBe(405);
    expect(del.headers()['allow']).toContain('GET');
    const get = await request.get('/v1/generatePin');
    expect(get.status()).toBe(405);
    expect(get.headers()['allow']).toBe('POST');
    const unknown = await request.get('/v1/no/such/route');
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'NotFound' });
  });

  test("every answer carries X-Request-Id: the caller's when it is sane, ours otherwise", async ({ request }) => {
    const answers = await Promise.all([
      request.get('/v1/health'),
      request.get('/v1/accessToken'),
      request.get('/v1/groups'),
      request.post('/v1/accessToken'),
      request.get('/v1/nope'),
      request.post('/v1/generatePin', { headers: { 'Content-Type': 'application/json' }, data: 'x'.repeat(1024 * 1024 + 10) }),
    ]);
    expect(answers.map((r) => r.status())).toEqual([200, 400, 401, 405, 404, 413]);
    const ids = answers.map((r) => r.headers()['x-request-id']);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = await request.get('/v1/health', { headers: { 'X-Request-Id': 'client-trace-0001' } });
    expect(mine.headers()['x-request-id']).toBe('client-trace-0001');
    const insane = await request.get('/v1/health', { headers: { 'X-Request-Id': 'x<script>' } });
    expect(insane.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('GET /v1/openapi.json is a valid OpenAPI 3.1 document generated from the route table', async ({ request }) => {
    const res = await request.get('/v1/openapi.json');
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.valid, JSON.stringify(result.errors ?? null).slice(0, 800)).toBe(true);
    const ops = Object.entries(doc.paths as Record<string, object>).flatMap(([p, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /v1/accessToken',
        'POST /v1/generatePin',
        'POST /v1/loginWithPinAndApplicationId',
        'POST /v1/oauth/token',
        'GET /v1/groups',
        'GET /v1/groups/{groupId}',
        'GET /v1/users/me',
        'GET /v1/health',
      ]),
    );
    expect(doc.paths['/v1/groups/{groupId}'].get['x-permission']).toBe('Group Information');
    expect(doc.paths['/v1/oauth/token'].post.requestBody.content).toHaveProperty('application/x-www-form-urlencoded');
  });

  test('GET /v1/openapi.json is compressed for clients that accept it (brotli first), the same document in every encoding', async ({ request }) => {
    const plain = await request.get('/v1/openapi.json', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    const size = (await plain.body()).length;
    expect(size).toBeGreaterThan(50_000);
    for (const [accept, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      const res = await request.get('/v1/openapi.json', { headers: { 'accept-encoding': accept } });
      expect(res.headers()['content-encoding'], accept).toBe(coding);
      expect(res.headers()['vary']).toMatch(/accept-encoding/i);
      expect(Number(res.headers()['content-length']), accept).toBeLessThan(size / 4);
      expect(await res.json(), accept).toEqual(await plain.json()); // decoded by the client
    }
  });
});
