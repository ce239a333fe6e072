import { z } from 'zod';
import { EVENT_TYPES } from '@/lib/events';
import { deleteWebhookViaApi, listWebhooksViaApi, registerWebhookViaApi, updateWebhookViaApi } from '@/lib/webhooks';
import { route } from '../route';
import { boolish, resultTrue } from './common';

/**
 * Webhooks (kaizala-connectors.md §6.1–§6.2). Permission: Outgoing Webhooks. Registering and changing the
 * URL run the validation handshake first; deliveries are signed (Standard Webhooks) with the `secret`
 * returned once by the POST.
 */
const objectType = z.enum(['Group', 'Action', 'ActionPackage'], { message: 'objectType must be Group, Action or ActionPackage.' });
const eventTypes = z
  .array(z.enum(EVENT_TYPES, { message: `eventTypes: each must be one of ${EVENT_TYPES.join(', ')}.` }))
  .min(1, 'eventTypes: name at least one event.')
  .max(EVENT_TYPES.length * 2)
  .describe(`Events to receive: ${EVENT_TYPES.join(', ')}`);
const fields = {
  objectId: z.string().max(64).describe('groupId or actionId (per objectType)'),
  objectType,
  eventTypes,
  callBackUrl: z.string().max(2048).describe('HTTPS URL (http://localhost in development); must pass the validation handshake'),
  callBackToken: z.string().max(1024).optional().describe('Sent back on every callback in the `kz-callback-token` header'),
  callBackContext: z.unknown().optional().describe('Sent back on every callback as the JSON field `context`'),
  validity: z.number().positive().optional().describe('Expiry, epoch ms (default: 2 years from now)'),
};
const params = z.object({ webhookId: z.string().max(64) });

const webhookItem = z.object({
  id: z.string(),
  objectId: z.string(),
  objectType,
  events: z.array(z.string()),
  filters: z.array(z.string()),
  callbackUrl: z.string(),
  callbackToken: z.string(),
  ts: z.number().int().describe('creation, epoch ms'),
  validity: z.number().int().describe('expiry, epoch ms'),
  active: z.boolean(),
});

export const webhookRoutes = [
  route({
    method: 'POST',
    path: '/webhook',
    permission: 'webhook',
    tag: 'Webhooks',
    summary:
      'Register a webhook on a group or action (admins’ rights in its group). First GET callBackUrl?validationToken=… must answer the token as plain text within 5 s, else 400 saying what it answered. `secret` (ours, shown once): the whsec_ key that signs deliveries (Standard Webhooks).',
    body: z.object(fields),
    response: z.object({ webhookId: z.string(), secret: z.string().describe('whsec_…: verify webhook-signature with it (shown once)') }),
    handler: async ({ body, claims, ip }) => registerWebhookViaApi(claims!, body, ip),
  }),
  route({
    method: 'GET',
    path: '/webhook',
    permission: 'webhook',
    tag: 'Webhooks',
    summary: 'This connector’s webhooks on an object',
    query: z.object({ objectId: z.string().max(64), objectType }),
    response: z.object({ webhooks: z.array(webhookItem) }),
    handler: async ({ query, claims }) => listWebhooksViaApi(claims!, query.objectId, query.objectType),
  }),
  route({
    method: 'PUT',
    path: '/webhook/{webhookId}',
    permission: 'webhook',
    tag: 'Webhooks',
    summary: 'Change any of the POST fields (a new callBackUrl is validated again); `Active: "true"` re-enables a disabled webhook, `"false"` disables it',
    params,
    body: z.object({
      objectId: fields.objectId.optional(),
      objectType: objectType.optional(),
      eventTypes: eventTypes.optional(),
      callBackUrl: fields.callBackUrl.optional(),
      callBackToken: fields.callBackToken,
      callBackContext: fields.callBackContext,
      validity: fields.validity,
      Active: boolish.optional().describe('"true" re-enables (`active` is accepted too)'),
      active: boolish.optional(),
    }),
    response: resultTrue,
    handler: async ({ params, body, claims, ip }) => {
      const { Active, active, ...rest } = body;
      return updateWebhookViaApi(claims!, params.webhookId, { ...rest, active: Active ?? active }, ip);
    },
  }),
  route({
    method: 'DELETE',
    path: '/webhook/{webhookId}',
    permission: 'webhook',
    tag: 'Webhooks',
    summary: 'Delete a webhook (nothing more is sent to it)',
    params,
    response: resultTrue,
    handler: async ({ params, claims, ip }) => deleteWebhookViaApi(claims!, params.webhookId, ip),
  }),
];
