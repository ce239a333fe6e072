import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkCallbackUrl, isForbiddenAddress } from './url-policy';

/**
 * The one HTTP client of webhooks (the handshake and every delivery). Never follows redirects (a 3xx is an
 * answer like any other). Strict mode (production) re-checks the URL and resolves the host itself: every
 * address of the answer must be allowed, and the socket connects to the address that was checked (the
 * `lookup` hook), so DNS rebinding between check and connect is impossible. A whole attempt — connect,
 * send, answer — has one deadline; the answer is read up to 64 KiB and its first 1 KiB kept.
 */
export interface HttpOutcome {
  status: number | null;
  latencyMs: number;
  /** the first bytes of the answer (≤ 1 KiB, UTF-8) */
  body: string;
  retryAfter: string | null;
  /** connection problems, time-outs, refused addresses: what the log and the handshake error say */
  error: string | null;
  /** the address policy refused the URL (no connection was made) */
  refused?: boolean;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 }),
  https: new https.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 }),
};

class RefusedAddress extends Error {
  code = 'EADDRREFUSED';
}

const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (!addresses.length || bad) return callback(new RefusedAddress(`${hostname} resolves to ${bad?.address ?? 'nothing'}, which is not allowed`), '', 0);
    if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

const EXCERPT = 1024;
const READ_LIMIT = 64 * 1024;

export function sendHttp(
  rawUrl: string,
  opts: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number; strict: boolean },
): Promise<HttpOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const checked = checkCallbackUrl(rawUrl, { allowLocal: !opts.strict });
  if (!checked.ok) return Promise.resolve({ status: null, latencyMs: 0, body: '', retryAfter: null, error: checked.reason, refused: true });
  const url = checked.url;
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: Omit<HttpOutcome, 'latencyMs'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...o, latencyMs: latency() });
    };
    const req = lib.request(
      url,
      {
        method: opts.method,
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        headers: {
          'user-agent': 'ConnectorPortal-Webhooks/1',
          ...(opts.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
        ...(opts.strict ? { lookup: checkedLookup } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < EXCERPT) chunks.push(c);
          size += c.length;
          if (size > READ_LIMIT) res.destroy();
        });
        const end = () =>
          finish({
            status: res.statusCode ?? null,
            body: Buffer.concat(chunks).subarray(0, EXCERPT).toString('utf8'),
            retryAfter: typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : null,
            error: null,
          });
        res.on('end', end);
        res.on('close', end);
        res.on('error', end);
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, body: '', retryAfter: null, error: `no answer within ${(opts.timeoutMs / 1000).toFixed(opts.timeoutMs % 1000 ? 1 : 0)} s` });
      req.destroy();
    }, opts.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      const refused = err instanceof RefusedAddress || err.code === 'EADDRREFUSED';
      finish({ status: null, body: '', retryAfter: null, error: refused ? err.message : `could not connect (${err.code ?? err.message})`, refused });
    });
    req.end(opts.body);
  });
}
