// `npm run bench -- --profile`: CPU profile of the app server (Node refuses --cpu-prof in NODE_OPTIONS, and
// run.mjs starts the server itself). Loaded with NODE_OPTIONS=--import=…/bench/cpu-profile.mjs into every
// Node process run.mjs starts; it profiles only the one running server.ts and writes a .cpuprofile into
// BENCH_PROFILE_DIR when it exits. Open it in Chrome DevTools (Performance) or speedscope.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
// run.mjs starts the app server as `node … server.ts` from the checkout root (scripts/idp/server.ts is not it)
if (dir && process.argv.some((a) => path.resolve(a) === path.resolve('server.ts'))) {
  const session = new Session();
  session.connect();
  session.post('Profiler.setSamplingInterval', { interval: 200 }); // µs
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // main-thread sessions answer synchronously, so this works inside the 'exit' event
  process.on('exit', () => {
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `server-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
