'use server';
import { revalidatePath } from 'next/cache';
import { verifiedUserAction } from '@/lib/server-actions/safe-action';
import { clientIp } from '@/lib/request';
import {
  connectorDetailsSchema,
  createConnectorSchema,
  deleteConnectorSchema,
  redirectUrlSchema,
  revealSecretSchema,
  rotateSecretSchema,
  setStatusSchema,
  updateConnectorSchema,
} from './schemas';
import { updateConnector } from './edit';
import { addRedirectUrl, removeRedirectUrl } from './redirect-urls';
import { revealSecret, rotateSecret } from './secret-access';
import { createConnector, deleteConnector, setConnectorStatus } from './service';

/** The wizard's first step, checked here so the browser needs no schema library: field errors or `true`. */
export const checkConnectorDetailsAction = verifiedUserAction(connectorDetailsSchema, async () => true);

export const createConnectorAction = verifiedUserAction(createConnectorSchema, async (input, user) => {
  const out = await createConnector(user, input, await clientIp());
  revalidatePath('/connectors');
  return out;
});

export const revealSecretAction = verifiedUserAction(revealSecretSchema, async ({ id, secretId }, user) => ({
  secret: await revealSecret(user, id, secretId, await clientIp()),
}));

export const rotateSecretAction = verifiedUserAction(rotateSecretSchema, async ({ id, overlap }, user) => {
  const out = await rotateSecret(user, id, overlap, await clientIp());
  revalidatePath(`/connectors/${id}`);
  return out;
});

export const setConnectorStatusAction = verifiedUserAction(setStatusSchema, async ({ id, status }, user) => {
  const out = await setConnectorStatus(user, id, status, await clientIp());
  revalidatePath(`/connectors/${id}`);
  revalidatePath('/connectors');
  return out;
});

export const deleteConnectorAction = verifiedUserAction(deleteConnectorSchema, async ({ id, confirmName }, user) => {
  const out = await deleteConnector(user, id, confirmName, await clientIp());
  revalidatePath('/connectors');
  return out;
});

export const addRedirectUrlAction = verifiedUserAction(redirectUrlSchema, async ({ id, url }, user) => {
  await addRedirectUrl(user, id, url, await clientIp());
  revalidatePath(`/connectors/${id}`);
  return { url };
});

export const removeRedirectUrlAction = verifiedUserAction(redirectUrlSchema, async ({ id, url }, user) => {
  await removeRedirectUrl(user, id, url, await clientIp());
  revalidatePath(`/connectors/${id}`);
  return { url };
});

export const updateConnectorAction = verifiedUserAction(updateConnectorSchema, async ({ id, ...input }, user) => {
  const out = await updateConnector(user, id, input, await clientIp());
  revalidatePath(`/connectors/${id}`);
  revalidatePath('/connectors');
  return out;
});
