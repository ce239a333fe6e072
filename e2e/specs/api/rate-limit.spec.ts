import { accessTokenFor, apiConnector, tokenHeaders } from '../../fixtures/api';
import { expect, test } from '../../fixtures/test';

const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };

test.describe.serial('[API] rate limits', () => {
  test('rate limit: the 101st call in a minute for a connector gets 429 with Retry-After', async ({ request }) => {
    const c = await apiConnector({ owner: 'dave', permissions: ['Group Information'] });
    // stay inside one counting window (1 minute): wait for the next one if this one is about to end
    const seconds = new Date().getUTCSeconds();
    if (seconds > 40) await new Promise((r) => setTimeout(r, (61 - seconds) * 1000));
    const access = await accessTokenFor(request, c, c.refreshToken); // call 1
    let status = 0;
    for (let i = 2; i <= 100; i++) {
      status = (await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: access } })).status();
      expect(status, `call ${i}`).toBe(200);
    }
    const limited = await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: access } });
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'TooManyRequests' });
    // the token service counts too
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) })).status()).toBe(429);
  });
});
