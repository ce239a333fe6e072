'use server';
import { randomBytes } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { verifiedUserAction } from '@/lib/server-actions/safe-action';
import { clientIp } from '@/lib/request';
import { startConnect, startReconnect } from './connect';
import { BROWSER_COOKIE, browserCookieOptions } from './cookie';
import { tryIt } from './invoke';
import { deleteConnection, revokeConnection } from './manage';
import { connectionIdSchema, connectSchema, serviceIdSchema, tryItSchema } from './schemas';
import { createService, deleteService } from './services';

/** A fresh browser-binding value for this flow (the state row keeps only its keyed hash). */
async function bindBrowser(): Promise<string> {
  const nonce = randomBytes(32).toString('base64url');
  (await cookies()).set(BROWSER_COOKIE, nonce, browserCookieOptions());
  return nonce;
}

// The service form is checked as a whole in createService (URL rules depend on the settings, presets fill fields in)
const serviceForm = z.record(z.string(), z.string().max(5000));

export const createServiceAction = verifiedUserAction(serviceForm, async (input, user) => {
  const out = await createService(user, input as never, await clientIp());
  revalidatePath('/connections');
  return out;
});

export const deleteServiceAction = verifiedUserAction(serviceIdSchema, async ({ id }, user) => {
  await deleteService(user, id, await clientIp());
  revalidatePath('/connections');
  return { id };
});

export const startConnectAction = verifiedUserAction(connectSchema, async (input, user) => {
  const out = await startConnect(user, input, await bindBrowser(), await clientIp());
  if (out.kind === 'connected') revalidatePath('/connections');
  return out;
});

export const reconnectAction = verifiedUserAction(connectionIdSchema, async ({ id }, user) => startReconnect(user, id, await bindBrowser()));

export const revokeConnectionAction = verifiedUserAction(connectionIdSchema, async ({ id }, user) => {
  const out = await revokeConnection(user, id, await clientIp());
  revalidatePath('/connections');
  revalidatePath(`/connections/${id}`);
  return out;
});

export const deleteConnectionAction = verifiedUserAction(connectionIdSchema, async ({ id }, user) => {
  await deleteConnection(user, id, await clientIp());
  revalidatePath('/connections');
  return { id };
});

export const tryItAction = verifiedUserAction(tryItSchema, async ({ id, method, url, body }, user) => {
  let parsed: unknown = undefined;
  if (body.trim()) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = body;
    }
  }
  const out = await tryIt(user, id, { method, url, body: parsed }, await clientIp());
  revalidatePath(`/connections/${id}`);
  return out;
});
