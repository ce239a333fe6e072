export { loadGroup, listGroups, type GroupActor, type GroupListItem, type GroupView } from './service';
export { listMembers, type MemberDto } from './members';
export { listSubGroups, linkableGroups, type SubGroupDto } from './subgroups';
export { groupTabSchema, groupNameField } from './schemas';
export { insertGroup, upsertMembers, rolesOf, groupAdmins, assertOtherAdmin, ancestorIds, lockGroup, type NewGroup, type MemberEntry } from './store';
