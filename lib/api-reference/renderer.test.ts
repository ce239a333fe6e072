import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { rendererAsset, rendererBrotli, rendererScriptUrl } = await import('./index');

const installed = JSON.parse(readFileSync('node_modules/@scalar/api-reference/package.json', 'utf8')) as { version: string };
const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies['@scalar/api-reference'];

describe('API reference renderer', () => {
  it('is the pinned version, at a URL that carries it (so it can be cached for a year)', () => {
    expect(installed.version).toBe(pinned);
    expect(rendererScriptUrl()).toBe(`/api-reference/assets/scalar-${pinned}.js`);
  });

  it('serves the standalone bundle for that name only', async () => {
    const body = await rendererAsset(`scalar-${pinned}.js`);
    expect(body?.byteLength).toBeGreaterThan(1_000_000);
    expect(new TextDecoder().decode(body!.subarray(0, 400))).toContain(`@scalar/api-reference ${pinned}`);
    for (const other of ['scalar-0.0.1.js', 'standalone.js', '../package.json', `scalar-${pinned}.js.map`]) expect(await rendererAsset(other)).toBeNull();
  });

  it('has the bundle in brotli for a client that accepts it, once that is made (until then, and for anything else, the request is left to Next)', async () => {
    // as server.ts does: the brotli when there is one for this request, else Next's turn
    const server = http.createServer((req, res) => {
      const br = rendererBrotli(req);
      if (br) res.writeHead(200, { 'content-encoding': 'br', 'content-length': br.length }).end(req.method === 'HEAD' ? undefined : br);
      else res.writeHead(204, { 'x-answered-by': 'next' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const get = (path: string, headers: Record<string, string>, method = 'GET') =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path, method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res
            .on('data', (c: Buffer) => chunks.push(c))
            .on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject).end();
      });
    try {
      const url = rendererScriptUrl();
      const br = { 'accept-encoding': 'gzip, deflate, br' };
      let answer = await get(url, br);
      for (let i = 0; i < 600 && answer.status !== 200; i++) {
        expect(answer.headers['x-answered-by']).toBe('next'); // not made yet: Next answers meanwhile
        await new Promise((r) => setTimeout(r, 100));
        answer = await get(url, br);
      }
      expect(answer.headers['content-encoding']).toBe('br');
      const plain = (await rendererAsset(`scalar-${pinned}.js`))!;
      expect(answer.body.length).toBeLessThan(plain.byteLength / 4);
      expect(Buffer.compare(brotliDecompressSync(answer.body), Buffer.from(plain))).toBe(0);
      expect((await get(`${url}?v=1`, br)).headers['content-encoding']).toBe('br');
      const head = await get(url, br, 'HEAD');
      expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(answer.body.length)]);
      // no br accepted, another file, another method: Next's
      for (const [path, headers, method] of [
        [url, { 'accept-encoding': 'gzip' }, 'GET'],
        [url, { 'accept-encoding': 'br;q=0, gzip' }, 'GET'],
        [url, {}, 'GET'],
        ['/api-reference/assets/scalar-0.0.1.js', br, 'GET'],
        [url, br, 'POST'],
      ] as const)
        expect((await get(path, headers, method)).headers['x-answered-by'], `${method} ${path} ${JSON.stringify(headers)}`).toBe('next');
    } finally {
      server.close();
    }
  }, 90_000);
});
