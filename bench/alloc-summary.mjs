// Summarise a .heapprofile from `npm run bench -- --alloc` (bench/alloc-profile.mjs): bytes allocated by
// function (self) and by the first frame of ours (app code, not node_modules) on the stack, top N each.
//
//   node bench/alloc-summary.mjs <file.heapprofile> [N]
import fs from 'node:fs';

const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 25);
const self = new Map();
const ours = new Map();
let total = 0;
const name = (f) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*?\/(node_modules|lib|app|db|server\.ts)/, '$1')}:${f.lineNumber + 1}`;
const isOurs = (f) => f.url && !f.url.includes('node_modules') && !f.url.startsWith('node:') && f.url.includes('/');
(function walk(node, stack) {
  const size = node.selfSize;
  if (size) {
    total += size;
    self.set(name(node.callFrame), (self.get(name(node.callFrame)) ?? 0) + size);
    const mine = [...stack, node.callFrame].reverse().find(isOurs);
    const key = mine ? name(mine) : '(no app frame)';
    ours.set(key, (ours.get(key) ?? 0) + size);
  }
  for (const c of node.children ?? []) walk(c, [...stack, node.callFrame]);
})(profile.head, []);
const mb = (b) => (b / 2 ** 20).toFixed(1);
const print = (title, map) => {
  console.log(`\n${title} (of ${mb(total)} MB sampled)`);
  for (const [k, v] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${mb(v).padStart(8)} MB ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
};
print('allocated by function (self)', self);
print('allocated under the innermost app frame', ours);
