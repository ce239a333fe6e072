import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startupScripts } from '../../fixtures/build';
import { personaStatePath } from '../../fixtures/session';
import { expect, test } from '../../fixtures/test';
import { SEEDED_GROUPS } from '../../pages/group-page';

/**
 * Page weight (issue 15, measured): the JavaScript each route sends on a cold load, compressed as sent
 * (Chromium asks for br). A script is the framework's (React and the Next.js runtime) when the build lists
 * it in `.next/build-manifest.json` `rootMainFiles`, else the app's own. Budget: the app's own ≤ 30 kB on
 * every route and all of it ≤ 165 kB, the usage page's charts included (plain SVG since issue 15: no chart library).
 * `npm run weight` runs just this spec; the table goes to the log and test-results/page-weight.md.
 */
const APP_BUDGET = 30 * 1024;
const TOTAL_BUDGET = 165 * 1024;

interface Weight {
  route: string;
  framework: number;
  app: number;
  scripts: number;
}

const framework = startupScripts();
const kB = (n: number) => (n / 1024).toFixed(1);

/** Every script of one cold load in a fresh context (no cache), after the network has gone quiet. */
async function weigh(browser: Browser, route: string, url: string, signedIn: boolean): Promise<Weight> {
  const context = await browser.newContext(signedIn ? { storageState: personaStatePath('alice') } : {});
  const page = await context.newPage();
  const scripts: Promise<{ file: string; size: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    scripts.push(
      (async () => {
        const { responseBodySize } = await request.sizes();
        return { file: new URL(request.url()).pathname, size: responseBodySize };
      })(),
    );
  });
  const res = await page.goto(url, { waitUntil: 'networkidle' });
  expect(res?.status(), url).toBe(200);
  await expect(page.getByRole('heading').first()).toBeVisible();
  const all = await Promise.all(scripts);
  await context.close();
  const w: Weight = { route, framework: 0, app: 0, scripts: all.length };
  for (const s of all) {
    if (framework.has(s.file)) w.framework += s.size;
    else w.app += s.size;
  }
  return w;
}

test('every route sends at most 30 kB of its own JavaScript and 165 kB in all (compressed)', async ({ browser, factory }, testInfo) => {
  test.setTimeout(180_000);
  const alice = await factory.userId('alice@contoso.com');
  const contoso = await factory.tenantId('Contoso');
  const group = SEEDED_GROUPS.fieldSales;
  const c = await factory.makeConnector({ tenantId: contoso, ownerId: alice, name: `Weight ${Date.now().toString(36)}`, groupId: group });
  const webhook = await factory.makeWebhook({ tenantId: contoso, connectorId: c.id, groupId: group, createdBy: alice });

  const routes: [string, string][] = [
    ['sign-in', '/signin'],
    ['home', '/'],
    ['connectors', '/connectors'],
    ['connector wizard', '/connectors/new'],
    ['connector', `/connectors/${c.id}`],
    ['connector usage', `/connectors/${c.id}/usage`],
    ['groups', '/groups'],
    ['new group', '/groups/new'],
    ['group: users', `/groups/${group}`],
    ['group: sub-groups', `/groups/${group}/subgroups`],
    ['group: connectors', `/groups/${group}/connectors`],
    ['group: messages', `/groups/${group}/messages`],
    ['group: actions', `/groups/${group}/actions`],
    ['group: webhooks', `/groups/${group}/webhooks`],
    ['webhook log', `/webhooks/${webhook}`],
    ['audit log', '/audit'],
    ['connections', '/connections'],
    ['phone numbers', '/settings/phone-numbers'],
  ];
  const weights: Weight[] = [];
  for (const [route, url] of routes) weights.push(await weigh(browser, route, url, route !== 'sign-in'));

  const rows = weights.map((w) => `| ${w.route} | ${kB(w.framework)} | ${kB(w.app)} | ${kB(w.framework + w.app)} | ${w.scripts} |`);
  const table = ['| route | framework kB | app’s own kB | total kB | scripts |', '| --- | ---: | ---: | ---: | ---: |', ...rows].join('\n');
  console.log(`\nJavaScript per route, cold load, as sent (br):\n${table}\n`);
  fs.writeFileSync(testInfo.outputPath('page-weight.md'), `${table}\n`);
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync(path.join('test-results', 'page-weight.md'), `${table}\n`);

  for (const w of weights) {
    expect.soft(w.app, `${w.route}: the app's own JavaScript is ${kB(w.app)} kB (budget 30 kB)`).toBeLessThanOrEqual(APP_BUDGET);
    const total = w.framework + w.app;
    expect.soft(total, `${w.route}: ${kB(total)} kB of JavaScript in all (budget 165 kB)`).toBeLessThanOrEqual(TOTAL_BUDGET);
  }
});
