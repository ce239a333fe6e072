// `npm run worker`: the webhook delivery worker alone (no HTTP server). Run any number of them next to app
// instances started with WEBHOOK_WORKER=0 (or next to the in-app workers): they share the queue in Postgres.
import { assertConfig } from '../lib/config';
import { startWebhookWorker } from '../lib/webhooks';

const settings = assertConfig();
const worker = startWebhookWorker();
console.log(`[worker] webhook worker ${worker.id} running (${settings.NODE_ENV})`);
const stop = () => void worker.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
