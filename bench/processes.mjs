// Processes the benchmark starts, and their clean-up — whatever happens (failure, Ctrl+C).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from '../scripts/pg.mjs';

export const logFile = path.join(os.tmpdir(), `connector-portal-bench-${process.pid}.log`);
export const log = (msg) => console.log(`[bench] ${msg}`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- processes we start, and their clean-up

const started = new Set(); // { name, child, group }

export function start(name, args, { env = process.env, group = false } = {}) {
  if (interrupted) throw new Error('interrupted');
  const out = fs.openSync(logFile, 'a');
  // a process group of its own (detached) for run.mjs: Ctrl+C on the terminal then reaches only us, and
  // stop() signals run.mjs, the sign-in provider, the app server and Postgres together
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', out, out], detached: group });
  fs.closeSync(out);
  const entry = { name, child, group, exited: new Promise((r) => child.once('exit', (code, signal) => r({ code, signal }))) };
  started.add(entry);
  return entry;
}

export async function stop(entry, timeoutMs = 30_000) {
  if (!started.has(entry)) return;
  started.delete(entry);
  const { child } = entry;
  if (child.exitCode === null && child.signalCode === null) {
    const signal = (s) => {
      try {
        if (entry.group) process.kill(-child.pid, s);
        else child.kill(s);
      } catch {
        /* gone already */
      }
    };
    signal('SIGTERM');
    const timedOut = await Promise.race([entry.exited.then(() => false), sleep(timeoutMs).then(() => true)]);
    if (timedOut) {
      console.error(`[bench] ${entry.name} did not stop within ${timeoutMs / 1000} s: SIGKILL.`);
      signal('SIGKILL');
      await entry.exited;
    }
  }
}

/** run.mjs stops Postgres itself (SIGTERM → pg.stop()); a clean shutdown removes postmaster.pid. */
export async function waitForPostgresDown() {
  const pidFile = path.join(defaultDataDir('pg'), 'postmaster.pid');
  for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await sleep(100);
  if (fs.existsSync(pidFile)) throw new Error(`Postgres did not shut down cleanly (${pidFile} is still there).`);
}

/** Is a postmaster alive on this checkout's data directory (npm run dev, start:local, an earlier bench)? */
export function postgresRunning() {
  const pidFile = path.join(defaultDataDir('pg'), 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  try {
    process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 0);
    return true;
  } catch {
    return false; // a stale file after a crash: Postgres handles it at start
  }
}

export async function stopAll() {
  for (const entry of [...started].reverse()) await stop(entry);
}

let interrupted = false;
let interruptCleanup;
/** Something to run (while Postgres is still up) before stopping everything on Ctrl+C. */
export function onInterrupt(fn) {
  interruptCleanup = fn;
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[bench] ${sig}: stopping everything…`);
    void Promise.resolve(interruptCleanup?.())
      .catch(() => undefined)
      .then(stopAll)
      .finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- helpers

export function runToEnd(name, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${name} failed (exit ${code}).`))));
  });
}

export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function waitForHttp(url, entry, timeoutMs = 180_000) {
  const t0 = Date.now();
  for (;;) {
    if (entry.child.exitCode !== null) throw new Error(`${entry.name} exited while starting (see ${logFile}).`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`${entry.name} did not answer ${url} within ${timeoutMs / 1000} s (see ${logFile}).`);
    await sleep(200);
  }
}
