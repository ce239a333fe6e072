import fs from 'node:fs';
import path from 'node:path';

/**
 * After the suite: the app server's unexpected errors during the run (collected by scripts/run.mjs e2e), so a
 * test that got a 500 is followed by its cause at the end of the output, where a CI log's tail shows it.
 */
export default function teardown() {
  const file = path.join(process.cwd(), 'test-results', 'server-errors.log');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (!text) return;
  const lines = text.split('\n');
  console.log(`\nThe app server logged ${lines.length} unexpected error(s) during the run (${path.relative(process.cwd(), file)}):`);
  for (const line of lines.slice(-30)) console.log(`  ${line}`);
}
