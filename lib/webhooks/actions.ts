'use server';
import { revalidatePath } from 'next/cache';
import { clientIp } from '@/lib/request';
import { verifiedUserAction } from '@/lib/server-actions/safe-action';
import { redeliver, reenableWebhook, revealWebhookSecret, rotateWebhookSecret, sendTestEvent } from './portal';
import { redeliverOneSchema, redeliverRangeSchema, webhookIdSchema } from './schemas';

export const sendTestEventAction = verifiedUserAction(webhookIdSchema, async ({ webhookId }, user) => {
  await sendTestEvent(user, webhookId, await clientIp());
  revalidatePath(`/webhooks/${webhookId}`);
  return { webhookId };
});

export const redeliverOneAction = verifiedUserAction(redeliverOneSchema, async ({ webhookId, deliveryId }, user) => {
  const out = await redeliver(user, webhookId, { deliveryId }, await clientIp());
  revalidatePath(`/webhooks/${webhookId}`);
  return out;
});

export const redeliverFailedAction = verifiedUserAction(redeliverRangeSchema, async ({ webhookId, from, to }, user) => {
  const out = await redeliver(user, webhookId, { from, to }, await clientIp());
  revalidatePath(`/webhooks/${webhookId}`);
  return out;
});

export const reenableWebhookAction = verifiedUserAction(webhookIdSchema, async ({ webhookId }, user) => {
  await reenableWebhook(user, webhookId, await clientIp());
  revalidatePath('/', 'layout');
  return { webhookId };
});

export const revealWebhookSecretAction = verifiedUserAction(webhookIdSchema, async ({ webhookId }, user) => ({
  secret: await revealWebhookSecret(user, webhookId, await clientIp()),
}));

export const rotateWebhookSecretAction = verifiedUserAction(webhookIdSchema, async ({ webhookId }, user) => ({
  secret: await rotateWebhookSecret(user, webhookId, await clientIp()),
}));
