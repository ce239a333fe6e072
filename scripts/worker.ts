// `npm run worker`: the webhook delivery worker and the Connections token refresh alone (no HTTP server). Run any number of them next to app
// instances started with WEBHOOK_WORKER=0 (or next to the in-app workers): they share the queue in Postgres.
import { assertConfig } from '../lib/config';
import { startConnectionSweep } from '../lib/connections';
import { startWebhookWorker } from '../lib/webhooks';

const settings = assertConfig();
const worker = startWebhookWorker();
// the scheduled refresh of Connections' tokens runs here too (CONNECTIONS_SWEEP_MS; 0 = off)
const sweep = startConnectionSweep();
console.log(`[worker] webhook worker ${worker.id} running (${settings.NODE_ENV})${sweep ? `; token refresh every ${settings.CONNECTIONS_SWEEP_MS} ms` : ''}`);
const stop = () => {
  sweep?.stop();
  void worker.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
