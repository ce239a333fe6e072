// `npm run bench -- --pauses`: what stalls the app server. Loaded like cpu-profile.mjs (NODE_OPTIONS=--import) into
// the Node processes run.mjs starts; only the one running server.ts records. Every garbage collection of 10 ms or
// more (kind, duration) and, each second, the event loop's worst delay are appended as JSON lines to
// BENCH_PAUSES_FILE, with a wall-clock time so they can be lined up with the open loop's worst latency per second.
import fs from 'node:fs';
import path from 'node:path';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.BENCH_PAUSES_FILE;
if (file && process.argv.some((a) => path.resolve(a) === path.resolve('server.ts'))) {
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
  };
  const write = (o) => fs.appendFileSync(file, `${JSON.stringify({ t: Date.now(), ...o })}\n`);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration >= 10)
        write({
          gc: kinds[e.detail?.kind] ?? String(e.detail?.kind),
          ms: Math.round(e.duration),
          heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
        });
    }
  }).observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    if (delay.max / 1e6 >= 20) write({ loopMaxMs: Math.round(delay.max / 1e6), heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) });
    delay.reset();
  }, 1000).unref();
}
