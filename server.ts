// One process, one port: `/v1/*` goes to the lean Hono router, everything else to Next.js.
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import next from 'next';
import { createApiRouter } from './lib/api/router';
import { CLIENT_IP_HEADER } from './lib/request/header';
import { getDb, databaseUrl } from './db';
import { runMigrations } from './db/migrate';
import { resetDatabase, seedDemoData } from './db/seed';
import { seedDemoConnectors } from './lib/connectors/demo';

const dev = process.env.NODE_ENV !== 'production';
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? 'localhost';

async function main() {
  if (process.env.RESET_DB === '1') await resetDatabase(getDb(), databaseUrl());
  await runMigrations();
  if (process.env.SEED_DEMO === '1') {
    await seedDemoData(getDb());
    await seedDemoConnectors();
  }

  // 32 KB of headers: an oversized token header gets our 400 error body instead of Node's bare 431
  const httpServer = createServer({ maxHeaderSize: 32 * 1024 });
  const app = next({ dev, hostname, port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  const api = getRequestListener(createApiRouter().fetch, { overrideGlobalObjects: false });

  const trustProxy = process.env.TRUST_PROXY === '1';
  httpServer.on('request', (req, res) => {
    const url = req.url ?? '/';
    // The client address used for per-IP budgets; a client cannot set it itself.
    const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
    req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || 'unknown';
    if (url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?')) void api(req, res);
    else void handle(req, res);
  });
  httpServer.listen(port, () => {
    console.log(`[server] ready on http://${hostname}:${port} (${dev ? 'development' : 'production'})`);
  });
  const stop = () => httpServer.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error('[server] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
