// W1 of `npm run bench` (bench/README.md): the webhook delivery rung, run by bench/run.mjs.
import { log, runToEnd } from './processes.mjs';

const drained = (p) => (p.drained ? '' : ', NOT drained within 120 s');
/** where the half-rate latency goes (bench/webhooks.ts breakdown): p50/p99 of each step */
const steps = (b) =>
  b
    ? ` [commit → claimed ${b.commitToClaim.p50}/${b.commitToClaim.p99}, claimed → attempt started ${b.claimToStart.p50}/${b.claimToStart.p99}, ` +
      `started → receiver ${b.startToArrival.p50}/${b.startToArrival.p99} ms p50/p99]`
    : '';

/** W1: the app's in-process worker delivering to a local receiver (bench/webhooks.ts); prints and returns its figures. */
export async function webhookRung({ databaseUrl, encryptionKey }) {
  log('W1 webhooks: events committed into a group with 10 webhooks (full speed, half rate, 10 % dead receivers)…');
  const args = ['--import', 'tsx', '--import', './scripts/register-server-only.mjs', 'bench/webhooks.ts'];
  const w = JSON.parse(await runToEnd('bench/webhooks.ts', args, { ...process.env, DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: encryptionKey }));
  const all = (xs) => (xs.length > 1 ? ` (median of ${xs.length}: ${xs.join(', ')})` : '');
  const line =
    `W1 webhooks (${w.full.webhooks.healthy} per group, signed, in-process worker): ${w.full.deliveriesPerSecond} deliveries/s${all(w.runs.fullPerSecond)} (target ≥ 2,000; ` +
    `${w.full.events} events in ${w.full.productionSeconds} s, ${w.full.duringProduction}/s while they were still being written${drained(w.full)}); ` +
    `commit → first attempt at ${w.targetHalf.deliveriesPerSecond}/s (half the 2,000/s target): p50 ${w.targetHalf.p50} ms, p99 ${w.targetHalf.p99} ms${all(w.runs.targetHalfP99)} (target ≤ 50)${steps(w.targetHalf.breakdown)}; ` +
    `at ${w.half.deliveriesPerSecond}/s (half the rate measured here): p50 ${w.half.p50} ms, p99 ${w.half.p99} ms${all(w.runs.halfP99)}${steps(w.half.breakdown)}; ` +
    `with ${w.withDead.webhooks.dead} of ${w.withDead.webhooks.healthy + w.withDead.webhooks.dead} never answering: healthy rate ${w.healthyDropPercent >= 0 ? '−' : '+'}${Math.abs(w.healthyDropPercent)} % (target < 10 %; medians, with dead ${w.runs.withDeadPerSecond.join(', ')}/s; same ${w.withDead.events} events${drained(w.withDead)})`;
  log(`W1 figures: ${JSON.stringify(w)}`);
  log(line);
  return line;
}
