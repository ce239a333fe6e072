// `npm run bench -- --alloc`: where the app server allocates. Loaded like cpu-profile.mjs (NODE_OPTIONS=--import)
// into the Node processes run.mjs starts; only the one running server.ts records. V8's sampling heap profiler,
// keeping the samples of objects the GC already collected (so it counts what a request allocates and drops, the
// garbage that drives the scavenges), written as a .heapprofile into BENCH_PROFILE_DIR at exit. Summarise with
// `node bench/alloc-summary.mjs <file>`, or open it in Chrome DevTools (Memory).
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir && process.argv.some((a) => path.resolve(a) === path.resolve('server.ts'))) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384, // bytes between samples, on average
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  process.on('exit', () => {
    session.post('HeapProfiler.stopSampling', (err, result) => {
      if (err) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `server-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.heapprofile`), JSON.stringify(result.profile));
    });
  });
}
