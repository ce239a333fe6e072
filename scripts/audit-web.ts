// Lighthouse on the portal's main pages, desktop and mobile presets (issue 15, measured): `npm run audit:web`.
//
// Runs the production build (`npm run build` first) like the Playwright suite does: it starts
// `scripts/run.mjs e2e` on E2E_PORT (default 3100, fresh database), or uses AUDIT_BASE_URL's server (then
// E2E_PORT must match that server's, for its database). It makes an org admin with a verified number, a
// group they administer and a connector of theirs (e2e/fixtures/factory.ts), signs in over HTTP and hands
// Lighthouse the session cookie. Lighthouse 12 (13 needs Node ≥ 22.19) drives Debian's Chromium
// (CHROME_PATH, default /usr/bin/chromium). Prints the table and writes it to test-results/lighthouse.md.
// Not part of `npm test`: it is a measurement (about 4–8 minutes on a busy 2-core machine). AUDIT_JSON_DIR keeps the
// Lighthouse reports (JSON, one per page and preset) for their diagnostics. AUDIT_RUNS=n (default 1) runs each page n
// times and reports the run with the median performance score, as Lighthouse advises for variable machines (its
// simulated throttling multiplies the measured main-thread time by 4, so a busy neighbour moves the score);
// AUDIT_PAGES (comma-separated names) and AUDIT_PRESETS (desktop,mobile) narrow the table.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { request } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import * as factory from '../e2e/fixtures/factory';

const port = Number(process.env.E2E_PORT ?? 3100);
const external = process.env.AUDIT_BASE_URL;
const base = external ?? `http://localhost:${port}`;
/** AUDIT_JSON_DIR: where to keep the reported run's Lighthouse report (JSON, per page and preset), to read its diagnostics (bootup-time, long-tasks…). */
const jsonDir = process.env.AUDIT_JSON_DIR;
if (jsonDir) fs.mkdirSync(jsonDir, { recursive: true });
const runs = Math.max(1, Number(process.env.AUDIT_RUNS ?? 1));
const onlyPages = process.env.AUDIT_PAGES?.split(',').map((p) => p.trim());
const presets = (process.env.AUDIT_PRESETS?.split(',') ?? ['desktop', 'mobile']).filter((p): p is 'desktop' | 'mobile' => p === 'desktop' || p === 'mobile');

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${base}/v1/health`)).ok;
  } catch {
    return false;
  }
}

async function startServer(): Promise<ChildProcess | undefined> {
  if (external) return undefined;
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
  if (await healthy()) throw new Error(`Something already answers on ${base}: stop it or set AUDIT_BASE_URL.`);
  const env = { ...process.env, PORT: String(port), IDP_PORT: String(port + 1000), EMBEDDED_PG_PORT: String(54339 + port - 3100) };
  const child = spawn(process.execPath, ['scripts/run.mjs', 'e2e'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 240 && !(await healthy()); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await healthy())) throw new Error('The server did not come up within 2 minutes.');
  return child;
}

/** Auth.js sign-in over HTTP (as e2e/fixtures/session.ts apiSignIn): returns the Cookie header for `base`. */
async function signIn(email: string, password: string): Promise<string> {
  const ctx = await request.newContext({ baseURL: base });
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const authorize = await ctx.post('/api/auth/signin/local', { form: { csrfToken, callbackUrl: '/' } });
  await ctx.post(authorize.url(), { form: { email, password } });
  const session = (await (await ctx.get('/api/auth/session')).json()) as { user?: { email?: string } } | null;
  if (session?.user?.email !== email) throw new Error(`sign-in as ${email} failed`);
  const host = new URL(base).hostname;
  const cookies = (await ctx.storageState()).cookies.filter((c) => c.domain === host);
  await ctx.dispose();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

interface Row {
  page: string;
  preset: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  tbt: number;
  cls: number;
  lcp: number;
  findings: string[];
  /** every run's performance score, when AUDIT_RUNS > 1 */
  scores: number[];
  /** the Lighthouse report, for AUDIT_JSON_DIR */
  report: string;
}

/** One Lighthouse run of `path` with `preset`. */
async function audit(port: number, preset: 'desktop' | 'mobile', name: string, path: string, cookie: string | undefined): Promise<Row> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  };
  const result = await lighthouse(`${base}${path}`, flags, preset === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`no result for ${path}`);
  const { categories, audits, finalDisplayedUrl } = result.lhr;
  if (new URL(finalDisplayedUrl).pathname !== path) throw new Error(`${path} ended at ${finalDisplayedUrl} (not signed in?)`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const findings = ['accessibility', 'best-practices']
    .flatMap((c) => categories[c]!.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1).map((r) => `${c}: ${r.id}`))
    .concat(
      Object.values(audits)
        .filter((a) => a.id === 'errors-in-console' && a.score !== 1)
        .map(() => 'console errors'),
    );
  return {
    page: name,
    preset,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    tbt: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
    cls: Number((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    lcp: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
    findings: [...new Set(findings)],
    scores: [],
    report: JSON.stringify(result.lhr),
  };
}

async function main() {
  const started = Date.now();
  const server = await startServer();
  try {
    const user = await factory.makeUser({ orgAdmin: true, name: 'auditor' });
    const group = await factory.makeGroupWith({ tenant: user.tenantId, name: `Audit Group ${Date.now().toString(36)}`, admin: user.phone!, members: [] });
    const connector = await factory.makeConnector({
      tenantId: user.tenantId,
      ownerId: user.id,
      name: `Audit Connector ${Date.now().toString(36)}`,
      groupId: group,
      grantedBy: user.id,
    });
    const cookie = await signIn(user.email, user.password);
    const pages: [string, string, boolean][] = [
      ['sign-in', '/signin', false],
      ['connectors', '/connectors', true],
      ['connector', `/connectors/${connector.id}`, true],
      ['group', `/groups/${group}`, true],
      ['audit log', '/audit', true],
      ['usage', `/connectors/${connector.id}/usage`, true],
    ];
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      // a fixed debugging port (E2E_PORT + 5000): the launcher waits for it instead of parsing Chromium's log
      port: port + 5000,
      maxConnectionRetries: 120,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    const rows: Row[] = [];
    try {
      for (const preset of presets) {
        for (const [name, path, signedIn] of pages.filter(([n]) => !onlyPages || onlyPages.includes(n))) {
          const tries: Row[] = [];
          for (let i = 0; i < runs; i++) tries.push(await audit(chrome.port, preset, name, path, signedIn ? cookie : undefined));
          // the run with the median performance score (Lighthouse's advice for variable machines)
          const row = [...tries].sort((a, b) => a.performance - b.performance)[Math.floor((tries.length - 1) / 2)]!;
          row.scores = tries.map((r) => r.performance);
          // the reported run's report, for its diagnostics
          if (jsonDir) fs.writeFileSync(`${jsonDir}/${preset}-${name.replace(/\W+/g, '-')}.json`, row.report);
          rows.push(row);
          console.log(
            `${preset} ${name}: perf ${row.performance}${runs > 1 ? ` (runs ${row.scores.join(', ')})` : ''} a11y ${row.accessibility} bp ${row.bestPractices}${row.findings.length ? ` (${row.findings.join(', ')})` : ''}`,
          );
        }
      }
    } finally {
      await chrome.kill();
    }
    const table = [
      `| page | preset | performance${runs > 1 ? ` (median of ${runs}: all runs)` : ''} | accessibility | best practices | TBT ms | CLS | LCP ms | below 100 because |`,
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows.map(
        (r) =>
          `| ${r.page} | ${r.preset} | ${r.performance}${runs > 1 ? ` (${r.scores.join(', ')})` : ''} | ${r.accessibility} | ${r.bestPractices} | ${r.tbt} | ${r.cls} | ${r.lcp} | ${r.findings.join(', ') || '–'} |`,
      ),
    ].join('\n');
    console.log(`\nLighthouse 12, ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s:\n${table}\n`);
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync('test-results/lighthouse.md', `${table}\n`);
  } finally {
    server?.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
