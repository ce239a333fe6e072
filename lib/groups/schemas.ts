import { z } from 'zod';
import { phoneField } from '@/lib/phone/schemas';

export const groupNameField = z.string().trim().min(2, 'The group name needs at least 2 characters.').max(80, 'The group name can have at most 80 characters.');

export const createGroupSchema = z.object({
  name: groupNameField,
  welcomeMessage: z.string().trim().max(500, 'The welcome message can have at most 500 characters.').optional().default(''),
  groupType: z.enum(['Group', 'ConnectGroup'], { error: 'Choose a group type.' }),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const groupTabSchema = z.object({ tab: z.enum(['org', 'private']).catch('org') });

export const addMemberSchema = z.object({
  groupId: z.uuid(),
  phone: phoneField,
  displayName: z.string().trim().min(1, 'Enter the member’s name.').max(80, 'The name can have at most 80 characters.'),
  role: z.enum(['Admin', 'Member']).default('Member'),
});

export const memberSchema = z.object({ groupId: z.uuid(), e164: z.string().regex(/^\+\d{6,15}$/, 'Unknown member.') });
export const setMemberRoleSchema = memberSchema.extend({ role: z.enum(['Admin', 'Member']) });

export const createSubGroupSchema = z.object({ groupId: z.uuid(), name: groupNameField });
export const linkGroupSchema = z.object({ groupId: z.uuid(), childId: z.uuid({ error: 'Choose a group to link.' }) });

export const updateGroupSchema = z.object({
  groupId: z.uuid(),
  name: groupNameField,
  welcomeMessage: z.string().trim().max(500, 'The welcome message can have at most 500 characters.'),
});
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;
export const deleteGroupSchema = z.object({ groupId: z.uuid(), confirmName: z.string() });
