import { z } from 'zod';

export const webhookIdSchema = z.object({ webhookId: z.uuid() });
export const redeliverOneSchema = z.object({ webhookId: z.uuid(), deliveryId: z.uuid() });
export const redeliverRangeSchema = z
  .object({
    webhookId: z.uuid(),
    from: z.coerce.date({ error: 'webhooks.errors.from' }),
    to: z.coerce.date({ error: 'webhooks.errors.to' }),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'webhooks.errors.order' });
