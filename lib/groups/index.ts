export { loadGroup, listGroups, listMembers, listSubGroups, linkableGroups, adminGroupIds, type GroupActor, type GroupListItem, type MemberDto, type SubGroupDto, type GroupView } from './service';
export { groupTabSchema } from './schemas';
