'use server';
import { z } from 'zod';
import { publicAction } from '@/lib/server-actions/action-client';
import { phoneField } from '@/lib/phone/schemas';
import { clientIp } from '@/lib/request';
import { oauthApprove, oauthSendPin } from './pin-and-oauth';

const request = z.object({ clientId: z.string().max(64), redirectUri: z.string().max(2000), state: z.string().max(500).optional() });

export const oauthSendPinAction = publicAction(request.extend({ phone: phoneField }), async ({ clientId, redirectUri, phone }) => {
  const out = await oauthSendPin(clientId, redirectUri, phone, await clientIp());
  return { e164: out.e164 };
});

export const oauthApproveAction = publicAction(
  request.extend({
    phone: phoneField,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'phone.problems.pinFormat'),
  }),
  async ({ clientId, redirectUri, state, phone, code }) => ({ redirectTo: await oauthApprove(clientId, redirectUri, state, phone, code, await clientIp()) }),
);
