import { test, expect } from '@playwright/test';

/** What browsers and crawlers ask every site for is answered, signed in or not (issue 13, measured pages). */
test('favicon.ico and robots.txt are answered without a sign-in redirect', async ({ request }) => {
  const icon = await request.get('/favicon.ico', { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\//);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  const robots = await request.get('/robots.txt', { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await robots.text()).toMatch(/User-Agent: \*\s+Disallow: \//i);
});

test('the build’s scripts go out in brotli to a browser that takes it, the same bytes as gzip', async ({ request }) => {
  const html = await (await request.get('/signin')).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const br = await request.get(script!, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(br.status()).toBe(200);
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['cache-control']).toContain('immutable');
  const gzip = await request.get(script!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  expect((await br.body()).equals(await gzip.body())).toBe(true);
  // a name that is not in the build is still Next's 404
  expect((await request.get('/_next/static/chunks/not-in-this-build.js', { headers: { 'Accept-Encoding': 'br' } })).status()).toBe(404);
});
