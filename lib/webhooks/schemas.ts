import { z } from 'zod';

export const webhookIdSchema = z.object({ webhookId: z.uuid() });
export const redeliverOneSchema = z.object({ webhookId: z.uuid(), deliveryId: z.uuid() });
export const redeliverRangeSchema = z
  .object({
    webhookId: z.uuid(),
    from: z.coerce.date({ error: 'Enter the start of the range.' }),
    to: z.coerce.date({ error: 'Enter the end of the range.' }),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'The end must be after the start.' });
