'use server';
import { revalidatePath } from 'next/cache';
import { verifiedUserAction } from '@/lib/server-actions/safe-action';
import { clientIp } from '@/lib/request';
import {
  addMemberSchema,
  createGroupSchema,
  createSubGroupSchema,
  deleteGroupSchema,
  linkGroupSchema,
  memberSchema,
  setMemberRoleSchema,
  updateGroupSchema,
} from './schemas';
import { deleteGroup, updateGroup } from './edit';
import { addMember, removeMember, setMemberRole } from './members';
import { createGroup } from './service';
import { linkSubGroup, unlinkSubGroup } from './subgroups';

export const createGroupAction = verifiedUserAction(createGroupSchema, async (input, user) => {
  const out = await createGroup(user, input, await clientIp());
  revalidatePath('/groups');
  return out;
});

export const addMemberAction = verifiedUserAction(addMemberSchema, async ({ groupId, ...member }, user) => {
  const out = await addMember(user, groupId, member, await clientIp());
  revalidatePath(`/groups/${groupId}`);
  return out;
});

export const removeMemberAction = verifiedUserAction(memberSchema, async ({ groupId, e164 }, user) => {
  const out = await removeMember(user, groupId, e164, await clientIp());
  revalidatePath(`/groups/${groupId}`);
  return out;
});

export const setMemberRoleAction = verifiedUserAction(setMemberRoleSchema, async ({ groupId, e164, role }, user) => {
  const out = await setMemberRole(user, groupId, e164, role, await clientIp());
  revalidatePath(`/groups/${groupId}`);
  return out;
});

export const createSubGroupAction = verifiedUserAction(createSubGroupSchema, async ({ groupId, name }, user) => {
  const out = await createGroup(user, { name, welcomeMessage: '', groupType: 'Group' }, await clientIp(), groupId);
  revalidatePath(`/groups/${groupId}/subgroups`);
  return out;
});

export const linkSubGroupAction = verifiedUserAction(linkGroupSchema, async ({ groupId, childId }, user) => {
  const out = await linkSubGroup(user, groupId, childId, await clientIp());
  revalidatePath(`/groups/${groupId}/subgroups`);
  return out;
});

export const unlinkSubGroupAction = verifiedUserAction(linkGroupSchema, async ({ groupId, childId }, user) => {
  await unlinkSubGroup(user, groupId, childId, await clientIp());
  revalidatePath(`/groups/${groupId}/subgroups`);
  return { childId };
});

export const updateGroupAction = verifiedUserAction(updateGroupSchema, async ({ groupId, ...input }, user) => {
  const out = await updateGroup(user, groupId, input, await clientIp());
  revalidatePath('/groups', 'layout');
  return out;
});

export const deleteGroupAction = verifiedUserAction(deleteGroupSchema, async ({ groupId, confirmName }, user) => {
  const out = await deleteGroup(user, groupId, confirmName, await clientIp());
  revalidatePath('/groups');
  return out;
});
