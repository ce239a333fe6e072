import { defineConfig, devices } from '@playwright/test';

// By default the suite starts its own production server on :3100 with a fresh database
// (`scripts/run.mjs e2e`, after `next build`). E2E_BASE_URL points it at a server you already run.
// E2E_PORT moves the whole set (app, sign-in provider, database) so two checkouts can run side by side.
const external = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = external ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  // prints the server's unexpected errors of the run, when it started the server (scripts/run.mjs e2e)
  globalTeardown: external ? undefined : './e2e/setup/teardown.ts',
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // signs alice, bob, carol and dave in once through the UI and keeps their states in e2e/.auth/
    { name: 'setup', testDir: './e2e/setup', testMatch: /.*\.setup\.ts$/ },
    { name: 'chromium', testDir: './e2e/specs', dependencies: ['setup'] },
  ],
  webServer: external
    ? undefined
    : {
        command: 'node scripts/run.mjs e2e',
        env: { PORT: String(port), IDP_PORT: String(port + 1000), EMBEDDED_PG_PORT: String(54339 + port - 3100) },
        url: `${baseURL}/v1/health`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
});
