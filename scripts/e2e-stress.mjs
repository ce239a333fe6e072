// The end-to-end suite on a busy machine: keeps every core busy with CPU burners while Playwright runs,
// so waits that only pass on an idle machine show up. No retries (playwright.config.ts has none).
//
//   npm run build                       # once: the suite runs the production build
//   npm run test:e2e:stress             # one run, 2 burners, hard limit 30 min
//   npm run test:e2e:stress -- --runs 3 --burners 2 --timeout-min 45 [-- <playwright args, e.g. a spec path>]
//
// E2E_PORT (and every other variable) passes through to Playwright. Exits with Playwright's code (the
// first failing run's), 124 when the hard time limit ends the runs, 2 on bad arguments.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { runs: 1, burners: 2, timeoutMin: 30, playwright: [] };
  const rest = [...argv];
  while (rest.length) {
    const a = rest.shift();
    if (a === '--') {
      opts.playwright = rest.splice(0);
      break;
    }
    const [flag, inline] = a.split('=', 2);
    const value = () => Number(inline ?? rest.shift());
    if (flag === '--runs') opts.runs = value();
    else if (flag === '--burners') opts.burners = value();
    else if (flag === '--timeout-min') opts.timeoutMin = value();
    else opts.playwright.push(a); // anything else goes to Playwright as is
  }
  for (const [k, v, min] of [
    ['runs', opts.runs, 1],
    ['burners', opts.burners, 0],
    ['timeout-min', opts.timeoutMin, 1],
  ]) {
    if (!Number.isInteger(v) || v < min) {
      console.error(`[stress] --${k} must be an integer ≥ ${min}`);
      process.exit(2);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
if (!process.env.E2E_BASE_URL && !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('[stress] no production build in .next/: run `npm run build` first.');
  process.exit(2);
}

const deadline = Date.now() + opts.timeoutMin * 60_000;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// A burner is a busy loop in its own process. It stops by itself at the deadline, or when this script is
// gone (its parent changes), so even a killed stress run never leaves one spinning.
const burnerCode = `const end = ${deadline}, parent = process.ppid; let i = 0;
while (Date.now() < end) { if (++i % 5e6 === 0 && process.ppid !== parent) break; }`;
const burners = Array.from({ length: opts.burners }, () => spawn(process.execPath, ['-e', burnerCode], { stdio: 'ignore' }));
const stopBurners = () => {
  for (const b of burners) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
};
process.on('exit', stopBurners);
console.log(`[stress] ${burners.length} CPU burner(s) on ${os.cpus().length} core(s); ${opts.runs} run(s); hard limit ${opts.timeoutMin} min`);

let current = null; // the running Playwright process (its own process group)
let timedOut = false;
const signalGroup = (sig) => {
  if (!current || current.exitCode !== null) return;
  try {
    process.kill(-current.pid, sig);
  } catch {
    // already gone
  }
};
const hardTimer = setTimeout(() => {
  timedOut = true;
  console.error(`[stress] hard time limit of ${opts.timeoutMin} min reached: stopping Playwright`);
  signalGroup('SIGINT');
  setTimeout(() => signalGroup('SIGKILL'), 20_000).unref();
}, deadline - Date.now());
hardTimer.unref();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    signalGroup(sig);
    stopBurners();
    setTimeout(() => process.exit(130), 20_000).unref();
  });
}

const playwrightBin = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');

function runOnce() {
  return new Promise((resolve) => {
    current = spawn(process.execPath, [playwrightBin, 'test', ...opts.playwright], { cwd: root, stdio: 'inherit', env: process.env, detached: true });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const started = Date.now();
let exitCode = 0;
for (let run = 1; run <= opts.runs; run++) {
  const t0 = Date.now();
  console.log(`[stress] run ${run}/${opts.runs} (E2E_PORT=${process.env.E2E_PORT ?? '3100'})`);
  const code = await runOnce();
  console.log(`[stress] run ${run}/${opts.runs} ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds(Date.now() - t0)}`);
  if (timedOut) {
    exitCode = 124;
    break;
  }
  if (code !== 0) {
    exitCode = code;
    break;
  }
}
clearTimeout(hardTimer);
stopBurners();
console.log(`[stress] ${exitCode === 0 ? 'all runs passed' : 'stopped'} after ${seconds(Date.now() - started)}`);
process.exit(exitCode);
