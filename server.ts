// One process, one port: `/v1/*` goes to the lean Hono router, everything else to Next.js.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import next from 'next';
import { errorResponse } from './lib/api/errors';
import { startIdempotencySweep } from './lib/api/idempotency';
import { startExchangeCache } from './lib/tokens';
import { createApiRouter } from './lib/api/router';
import { DomainError } from './lib/errors';
import { assertConfig } from './lib/config';
import { CLIENT_IP_HEADER } from './lib/request/header';
import { securityHeaders, SECURITY_HEADERS } from './lib/request/security-headers';
import { sendImmutableBrotli, staticBrotli } from './lib/request/static-brotli';
import { rendererBrotli } from './lib/api-reference';
import { startRateCounterSweep } from './lib/ratelimit';
import { flushUsage, startUsageSweep } from './lib/usage';
import { smsProvider, startOutboxPruning } from './lib/sms';
import { getDb, databaseUrl } from './db';
import { runMigrations } from './db/migrate';
import { resetDatabase, seedDemoData } from './db/seed';
import { seedDemoConnectors } from './lib/connectors/demo';
import { startWebhookWorker, type WebhookWorker } from './lib/webhooks';
import { startConnectionSweep } from './lib/connections';

/** Node's own reply to oversized headers is a bare 431; ours carries the error body (product.md §12). */
function headersTooLarge(socket: Socket) {
  const body = JSON.stringify(errorResponse(new DomainError('RequestHeaderFieldsTooLarge')).body);
  const headers = Object.entries(SECURITY_HEADERS)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}X-Request-Id: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The client address for per-IP budgets, as a request header only the server sets: in the parsed headers
 * and in rawHeaders too (a Request built for a body reads rawHeaders), with any copy the client sent removed.
 */
function setClientIp(req: IncomingMessage, ip: string) {
  req.headers[CLIENT_IP_HEADER] = ip;
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === CLIENT_IP_HEADER) raw.splice(i, 2);
  raw.push(CLIENT_IP_HEADER, ip);
}

async function main() {
  // stops here with one line naming the variable when a setting is missing or malformed
  const settings = assertConfig();
  const dev = settings.NODE_ENV !== 'production';
  const port = settings.PORT;
  // unset: every interface (production behind a load balancer); scripts/run.mjs sets localhost for dev and demo
  const listenHost = settings.HOSTNAME;
  const hostname = listenHost ?? 'localhost';

  if (settings.RESET_DB) await resetDatabase(getDb(), databaseUrl());
  await runMigrations();
  if (settings.SEED_DEMO) {
    await seedDemoData(getDb());
    await seedDemoConnectors();
  }
  if (smsProvider().name === 'outbox') startOutboxPruning();
  startRateCounterSweep();
  startIdempotencySweep();
  startExchangeCache();
  startUsageSweep();
  // the webhook delivery worker, in this process unless WEBHOOK_WORKER=0 (then `npm run worker` runs it)
  const worker: WebhookWorker | null = settings.WEBHOOK_WORKER === '1' ? startWebhookWorker() : null;
  // …and, with it, the scheduled refresh of Connections' tokens (CONNECTIONS_SWEEP_MS; 0 = on use only)
  const sweep = settings.WEBHOOK_WORKER === '1' ? startConnectionSweep() : null;

  // 32 KB of headers: an oversized token header gets our 400 error body; beyond that, our 431 (clientError)
  const httpServer = createServer({ maxHeaderSize: 32 * 1024 });
  const app = next({ dev, hostname, port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  const api = getRequestListener(createApiRouter().fetch, { overrideGlobalObjects: false });
  // production builds: their static files in brotli for clients that take it (Next.js itself sends gzip)
  const brotli = dev ? null : staticBrotli('.next');

  const trustProxy = settings.TRUST_PROXY;
  httpServer.on('request', (req, res) => {
    const url = req.url ?? '/';
    for (const [name, value] of Object.entries(securityHeaders(req, trustProxy))) res.setHeader(name, value);
    // The client address used for per-IP budgets; a client cannot set it itself.
    const forwarded = trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    setClientIp(req, forwarded || req.socket.remoteAddress || 'unknown');
    // test-only (WEBHOOK_TEST_HOOKS=1, set by the e2e server alone): pause this process's worker so a test's own worker takes the queue
    if (settings.WEBHOOK_TEST_HOOKS && req.method === 'POST' && (url === '/dev/webhooks/pause' || url === '/dev/webhooks/resume')) {
      worker?.pause(url.endsWith('/pause'));
      res.writeHead(204).end();
      return;
    }
    if (url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?')) void api(req, res);
    else if (brotli && url.startsWith('/_next/static/'))
      void brotli(req, res).then((done) => {
        if (!done) void handle(req, res);
      });
    // the API reference's renderer in brotli once made (Next would gzip it), else Next answers
    else if (url.startsWith('/api-reference/assets/')) {
      const br = rendererBrotli(req);
      if (br) sendImmutableBrotli(req, res, br, 'text/javascript; charset=utf-8');
      else void handle(req, res);
    } else void handle(req, res);
  });
  // With a listener Node no longer answers malformed requests itself: do what it does, with our 431 body.
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    if (err.code === 'HPE_HEADER_OVERFLOW') return headersTooLarge(socket);
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  });
  const ready = () => console.log(`[server] ready on http://${hostname}:${port} (${dev ? 'development' : 'production'})`);
  if (listenHost === 'localhost') {
    // loopback only, both families, whichever `localhost` resolves to first for a client
    httpServer.listen(port, '127.0.0.1', ready);
    createNetServer((socket) => httpServer.emit('connection', socket))
      .on('error', (err: NodeJS.ErrnoException) => {
        // no IPv6 loopback on this machine: IPv4 is enough
        if (err.code !== 'EADDRNOTAVAIL' && err.code !== 'EAFNOSUPPORT') console.error(`[server] not listening on [::1]:${port}: ${err.message}`);
      })
      .listen(port, '::1')
      .unref();
  } else {
    httpServer.listen(port, listenHost, ready);
  }
  // the last few seconds of usage counts go to the database before the process ends
  const stop = () => {
    sweep?.stop();
    void worker?.stop();
    httpServer.close(() => void flushUsage().finally(() => process.exit(0)));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error('[server] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
