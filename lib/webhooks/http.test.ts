import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// DNS is the world's edge: names resolve to what each test says
const answers = new Map<string, { address: string; family: number }[]>();
vi.mock('node:dns', async (orig) => {
  const real = await orig<typeof import('node:dns')>();
  return {
    ...real,
    lookup: (host: string, _opts: unknown, cb: (err: NodeJS.ErrnoException | null, a: { address: string; family: number }[]) => void) => {
      const a = answers.get(host);
      if (!a) return cb(Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
      cb(null, a);
    },
  };
});

const { sendHttp } = await import('./http');

describe('sendHttp in production (strict) mode', () => {
  let server: http.Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(302, { location: 'http://127.0.0.1/' }).end('moved');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a public-looking name that resolves to a private or metadata address, without connecting', async () => {
    answers.set('evil.example', [{ address: '169.254.169.254', family: 4 }]);
    answers.set('mixed.example', [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]);
    for (const host of ['evil.example', 'mixed.example']) {
      const o = await sendHttp(`https://${host}/hook`, { method: 'POST', body: '{}', timeoutMs: 2000, strict: true });
      expect(o.status).toBeNull();
      expect(o.refused).toBe(true);
      expect(o.error).toMatch(/not allowed/);
    }
  });

  it('refuses http:// and private literals before any lookup', async () => {
    const plain = await sendHttp(`http://localhost:${port}/`, { method: 'GET', timeoutMs: 2000, strict: true });
    expect(plain).toMatchObject({ status: null, refused: true, error: 'callBackUrl must be an HTTPS URL.' });
    const literal = await sendHttp('https://10.1.2.3/', { method: 'GET', timeoutMs: 2000, strict: true });
    expect(literal.refused).toBe(true);
    expect(hits).toBe(0);
  });

  it('never follows redirects (a 3xx is the answer)', async () => {
    const o = await sendHttp(`http://localhost:${port}/`, { method: 'GET', timeoutMs: 2000, strict: false });
    expect(o.status).toBe(302);
    expect(o.body).toBe('moved');
    expect(hits).toBe(1);
  });
});
