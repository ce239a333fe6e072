'use server';
import { revalidatePath } from 'next/cache';
import { verifiedUserAction } from '@/lib/server-actions/safe-action';
import { clientIp } from '@/lib/request';
import { addConnectorSchema, grantIdSchema, userTokenSchema } from './schemas';
import { generateUserToken, grantConnectorToGroup, regenerateGroupToken, removeGroupGrant, revealGroupToken } from './service';

export const addConnectorToGroupAction = verifiedUserAction(addConnectorSchema, async ({ groupId, connectorId }, user) => {
  const out = await grantConnectorToGroup(user, groupId, connectorId, await clientIp());
  revalidatePath(`/groups/${groupId}/connectors`);
  return out;
});

export const revealGroupTokenAction = verifiedUserAction(grantIdSchema, async ({ grantId }, user) => ({
  refreshToken: await revealGroupToken(user, grantId, await clientIp()),
}));

export const regenerateGroupTokenAction = verifiedUserAction(grantIdSchema, async ({ grantId }, user) => {
  const out = await regenerateGroupToken(user, grantId, await clientIp());
  revalidatePath('/groups', 'layout');
  return out;
});

export const removeGroupGrantAction = verifiedUserAction(grantIdSchema, async ({ grantId }, user) => {
  await removeGroupGrant(user, grantId, await clientIp());
  revalidatePath('/groups', 'layout');
  return { grantId };
});

export const generateUserTokenAction = verifiedUserAction(userTokenSchema, async ({ connectorId }, user) => {
  const out = await generateUserToken(user, connectorId, await clientIp());
  revalidatePath(`/connectors/${connectorId}`);
  return out;
});
