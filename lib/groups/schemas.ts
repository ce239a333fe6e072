import { z } from 'zod';
import { phoneField } from '@/lib/phone/schemas';

/** A group's name on `/v1` (English messages: `/v1` stays English). */
export const groupNameField = z.string().trim().min(2, 'The group name needs at least 2 characters.').max(80, 'The group name can have at most 80 characters.');
/** The same rule for the portal: its messages are keys of the `groups` namespace (translated at the action edge). */
const portalGroupName = z.string().trim().min(2, 'groups.fields.nameTooShort').max(80, 'groups.fields.nameTooLong');
const welcomeField = z.string().trim().max(500, 'groups.fields.welcomeTooLong');

export const createGroupSchema = z.object({
  name: portalGroupName,
  welcomeMessage: welcomeField.optional().default(''),
  groupType: z.enum(['Group', 'ConnectGroup'], { error: 'groups.fields.chooseType' }),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const groupTabSchema = z.object({ tab: z.enum(['org', 'private']).catch('org') });

const cursorField = z.string().max(400).catch('');

export const GROUP_SORTS = ['name', 'role', 'users', 'subGroups'] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];
/** The Groups list's URL: tab, sorted column (default name A→Z), keyset cursors (lib/paging). */
export const listGroupsSchema = groupTabSchema.extend({
  sort: z.enum(GROUP_SORTS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  after: cursorField,
  before: cursorField,
});
export type ListGroupsQuery = z.infer<typeof listGroupsSchema>;

export const MEMBER_SORTS = ['role', 'name', 'phone'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
/** A group's member list: by role then name (default), by name or by phone number; keyset cursors. */
export const listMembersSchema = z.object({
  sort: z.enum(MEMBER_SORTS).catch('role'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  after: cursorField,
  before: cursorField,
});
export type ListMembersQuery = z.infer<typeof listMembersSchema>;

export const addMemberSchema = z.object({
  groupId: z.uuid(),
  phone: phoneField,
  displayName: z.string().trim().min(1, 'groups.fields.memberNameMissing').max(80, 'groups.fields.memberNameTooLong'),
  role: z.enum(['Admin', 'Member']).default('Member'),
});

export const memberSchema = z.object({ groupId: z.uuid(), e164: z.string().regex(/^\+\d{6,15}$/, 'groups.fields.unknownMember') });
export const setMemberRoleSchema = memberSchema.extend({ role: z.enum(['Admin', 'Member']) });

export const createSubGroupSchema = z.object({ groupId: z.uuid(), name: portalGroupName });
export const linkGroupSchema = z.object({ groupId: z.uuid(), childId: z.uuid({ error: 'groups.fields.chooseLinkGroup' }) });

export const updateGroupSchema = z.object({
  groupId: z.uuid(),
  name: portalGroupName,
  welcomeMessage: welcomeField,
});
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;
export const deleteGroupSchema = z.object({ groupId: z.uuid(), confirmName: z.string() });
