// Summarise a .cpuprofile from `npm run bench -- --profile` (bench/cpu-profile.mjs): self time by category
// and the top functions, over the seconds of the profile in which a marker function is on the stack (by
// default the token exchange, i.e. the L3 rung and the open loop).
//
//   node bench/profile-summary.mjs <file.cpuprofile> [markerFunctionName]
import fs from 'node:fs';
const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const marker = process.argv[3] ?? 'exchangeRefreshToken';
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = p.startTime;
const times = p.timeDeltas.map((d) => (t += d));
// seconds that contain the marker
const sec = (x) => Math.floor((x - p.startTime) / 1e6);
const hasMarker = new Map();
const stackNames = (id) => {
  const s = [];
  for (let c = id; c; c = parent.get(c)) s.push(byId.get(c).callFrame.functionName);
  return s;
};
const cache = new Map();
const markerIn = (id) => {
  if (!cache.has(id)) cache.set(id, stackNames(id).includes(marker));
  return cache.get(id);
};
p.samples.forEach((id, i) => {
  if (markerIn(id)) hasMarker.set(sec(times[i]), (hasMarker.get(sec(times[i])) ?? 0) + 1);
});
const secs = [...hasMarker.entries()].filter(([, n]) => n > 50).map(([s]) => s);
const lo = Math.min(...secs),
  hi = Math.max(...secs);
console.log(`window ${lo}..${hi} s`);
const self = new Map(),
  cat = new Map();
let total = 0,
  idle = 0;
const category = (n) => {
  const u = n.callFrame.url,
    f = n.callFrame.functionName;
  if (f === '(idle)') return 'idle';
  if (f === '(garbage collector)') return 'GC';
  if (f === '(program)') return 'program';
  if (/node_modules\/(pg|pg-protocol|pg-types|postgres-date|pg-pool)\//.test(u)) return 'pg';
  if (/@hono\/node-server/.test(u)) return 'hono-node-server';
  if (/node_modules\/hono\//.test(u)) return 'hono';
  if (/node_modules\/next\//.test(u)) return 'next';
  if (/undici|internal\/deps\/undici/.test(u)) return 'undici';
  if (/node_modules\/zod/.test(u)) return 'zod';
  if (/^node:|internal\//.test(u)) return 'node:' + u.split('/').slice(-1)[0];
  if (u === '') return 'native:' + f;
  return 'app:' + u.replace(process.cwd() + '/', '');
};
p.samples.forEach((id, i) => {
  const s = sec(times[i]);
  if (s < lo || s > hi) return;
  const n = byId.get(id);
  const dt = p.timeDeltas[i];
  const c = category(n);
  if (c === 'idle') {
    idle += dt;
    return;
  }
  total += dt;
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '')}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + dt);
  const cc = c.startsWith('node:') ? 'node internals' : c.startsWith('native:') ? 'native' : c.startsWith('app:') ? 'app' : c;
  cat.set(cc, (cat.get(cc) ?? 0) + dt);
});
console.log(`busy ${(total / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s`);
for (const [k, v] of [...cat].sort((a, b) => b[1] - a[1])) console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
console.log('--- top self');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
