export {
  loadGroup,
  listGroups,
  listMembers,
  listSubGroups,
  linkableGroups,
  type GroupActor,
  type GroupListItem,
  type MemberDto,
  type SubGroupDto,
  type GroupView,
} from './service';
export { groupTabSchema } from './schemas';
