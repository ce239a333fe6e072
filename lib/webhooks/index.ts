export { registerWebhookViaApi, listWebhooksViaApi, updateWebhookViaApi, deleteWebhookViaApi, type WebhookInput, type WebhookUpdate } from './api';
export { startWebhookWorker, type WebhookWorker } from './worker';
export { webhooksOfGroup, webhooksOfConnector, deliveryLog, type WebhookDto, type DeliveryDto } from './portal';
