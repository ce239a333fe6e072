import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultDataDir, startEmbeddedPostgres } from './pg.mjs';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('embedded Postgres (npm run dev)', () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => stop?.());

  it('comes back by itself after the postmaster is killed', { timeout: 90_000 }, async () => {
    const name = 'pg-restart-test';
    const db = await startEmbeddedPostgres({ name, port: await freePort(), database: 'restart_test', restart: true });
    stop = db.stop;
    expect(await answers(db.url)).toBe(true);

    const pidFile = path.join(defaultDataDir(name), 'postmaster.pid');
    const postmaster = () => {
      try {
        return Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      } catch {
        return 0; // being rewritten
      }
    };
    const pid = postmaster();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    process.kill(pid, 'SIGKILL');
    await expect.poll(postmaster, { timeout: 60_000 }).not.toBe(pid); // a new postmaster
    await expect.poll(() => answers(db.url), { timeout: 60_000 }).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('[pg] PostgreSQL stopped (SIGKILL)'));
    log.mockRestore();
  });
});
