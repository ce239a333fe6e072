import http from 'node:http';
import https from 'node:https';
import { DomainError } from '@/lib/errors';

/**
 * The one outbound HTTP call of Connections (invoke and Try it): node:http(s) with keep-alive agents — a
 * provider's connection is reused across calls — and one deadline for the whole call (connect, send, answer).
 * Redirects are never followed (a 3xx comes back as it is). The answer is read up to `maxBytes`: a larger
 * declared or streamed body fails with ConnectionResponseTooLarge as soon as it passes the cap.
 * (It replaced `fetch`, whose per-call cost was most of the invoke overhead measured by `npm run bench`.)
 */
export interface UpstreamAnswer {
  status: number;
  /** lower-case names; repeated headers joined with ", " */
  headers: Record<string, string>;
  body: Buffer;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
};

const unreachable = (timeout: boolean) =>
  new DomainError('ConnectionUpstreamFailed', { reason: timeout ? 'it did not answer in time.' : 'it could not be reached.' });

export function callUpstream(
  url: URL,
  opts: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number; maxBytes: number },
): Promise<UpstreamAnswer> {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: DomainError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const headers = { ...opts.headers };
    if (opts.body !== undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
    const req = (secure ? https : http).request(url, { method: opts.method, headers, agent: secure ? agents.https : agents.http }, (res) => {
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) return fail(new DomainError('ConnectionResponseTooLarge', { maxBytes: opts.maxBytes }));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) return fail(new DomainError('ConnectionResponseTooLarge', { maxBytes: opts.maxBytes }));
        chunks.push(chunk);
      });
      res.on('error', () => fail(unreachable(false)));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(() => fail(unreachable(true)), opts.timeoutMs);
    req.on('error', () => fail(unreachable(false)));
    req.end(opts.body);
  });
}
