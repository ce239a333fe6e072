export { loadGroup, listGroups, type GroupActor, type GroupListItem, type GroupView } from './service';
export { listMembers, type MemberDto } from './members';
export { listSubGroups, linkableGroups, type SubGroupDto } from './subgroups';
export { groupTabSchema, groupNameField, listGroupsSchema, listMembersSchema, type GroupSort, type MemberSort } from './schemas';
export { listGroupsPage, listMembersPage, GROUPS_PAGE_SIZE, MEMBERS_PAGE_SIZE, type MembersPage } from './list';
export { insertGroup, upsertMembers, rolesOf, groupAdmins, assertOtherAdmin, ancestorIds, lockGroup, type NewGroup, type MemberEntry } from './store';
