import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticBrotli } from './static-brotli';

/** A build folder like Next.js writes: two start-up chunks in the manifest, one page chunk, a stylesheet. */
function fakeBuild(opts: { integrity?: boolean } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'static-brotli-'));
  mkdirSync(path.join(dir, 'static', 'chunks'), { recursive: true });
  mkdirSync(path.join(dir, 'server'), { recursive: true });
  const files = { 'react-dom.js': 'globalThis.a=1;'.repeat(200), 'runtime.js': 'globalThis.b=2;', 'page.js': 'globalThis.c=3;', 'app.css': 'body{margin:0}' };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'static', 'chunks', name), text);
  writeFileSync(path.join(dir, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/react-dom.js', 'static/chunks/runtime.js'] }));
  if (opts.integrity) writeFileSync(path.join(dir, 'server', 'subresource-integrity-manifest.json'), '{}');
  return { dir, files };
}

async function serve(buildDir: string) {
  const brotli = staticBrotli(buildDir);
  const server = http.createServer((req, res) => {
    void brotli(req, res).then((done) => {
      if (!done) res.writeHead(299).end('passed on'); // stands for Next.js
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // node:http, not fetch: the raw bytes as sent (fetch would decompress them)
  const get = (url: string, encoding = 'gzip, deflate, br') =>
    new Promise<{ status: number; encoding?: string; type?: string; body: Buffer }>((resolve, reject) => {
      http
        .get(base + url, { headers: { 'accept-encoding': encoding } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () =>
            resolve({ status: res.statusCode!, encoding: res.headers['content-encoding'], type: res.headers['content-type'], body: Buffer.concat(parts) }),
          );
        })
        .on('error', reject);
    });
  return { server, get };
}

describe('static files in brotli, with a compile hint on the start-up chunks', () => {
  const build = fakeBuild();
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve(build.dir);
  });
  afterAll(() => {
    s.server.close();
    rmSync(build.dir, { recursive: true });
  });

  it('sends a start-up chunk in brotli, its code unchanged after the one-line hint', async () => {
    const res = await s.get('/_next/static/chunks/react-dom.js');
    expect(res.status).toBe(200);
    expect(res.encoding).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(`//# allFunctionsCalledOnLoad\n${build.files['react-dom.js']}`);
  });

  it('sends every other file exactly as built', async () => {
    for (const name of ['page.js', 'app.css'] as const) {
      const res = await s.get(`/_next/static/chunks/${name}`);
      expect(res.encoding, name).toBe('br');
      expect(brotliDecompressSync(res.body).toString(), name).toBe(build.files[name]);
    }
    expect((await s.get('/_next/static/chunks/app.css')).type).toContain('text/css');
  });

  it('passes on to Next.js what it does not answer: no brotli accepted, br;q=0, unknown files, paths outside static/', async () => {
    expect((await s.get('/_next/static/chunks/react-dom.js', 'gzip')).status).toBe(299);
    expect((await s.get('/_next/static/chunks/react-dom.js', 'gzip, br;q=0')).status).toBe(299);
    expect((await s.get('/_next/static/chunks/missing.js')).status).toBe(299);
    expect((await s.get('/_next/static/%2e%2e/build-manifest.json')).status).toBe(299);
  });

  it('gives no hint when the build has subresource integrity (changed bytes would fail the browser check)', async () => {
    const sri = fakeBuild({ integrity: true });
    const other = await serve(sri.dir);
    try {
      const res = await other.get('/_next/static/chunks/react-dom.js');
      expect(brotliDecompressSync(res.body).toString()).toBe(sri.files['react-dom.js']);
    } finally {
      other.server.close();
      rmSync(sri.dir, { recursive: true });
    }
  });
});
