export { listReachableGroups, getReachableGroup, type GroupItem } from './groups';
export { getMe } from './users';
export { listGroupMembers, listGroupSubscribers, addGroupMembers, removeGroupMember, setGroupMemberRole } from './members';
export { changeSubscribers } from './subscribers';
export { createGroupViaApi, createSubGroupViaApi, linkSubGroupsViaApi, unlinkSubGroupViaApi } from './group-writes';
export { listSubGroupTree, type SubGroupItem } from './subgroups';
export { liveSql } from './live';
export { postMessageViaApi, listMessagesViaApi } from './messages';
export { createActionViaApi, respondViaApi, listActionsViaApi, getActionViaApi, type CreateActionInput } from './actions';
export {
  uploadMediaViaApi,
  mediaUrlViaApi,
  serveSignedMedia,
  resolveMediaForGroup,
  attachMediaToGroup,
  mediaUrlForGroupViewer,
  mediaLocator,
  mediaIdOf,
  resolveActionMedia,
  type ResolvedMedia,
} from './media';
export { signedMediaUrl } from '@/lib/media';
export { createBotViaApi, listBotsViaApi, updateBotViaApi, deleteBotViaApi, botAccessTokenViaApi, addBotToGroupViaApi, type BotInput } from './bots';
export { postReactionViaApi, reactionSummaryViaApi, reactionSummariesViaApi, reactionDetailsViaApi, type ReactionInput } from './reactions';
export { platformWrite, type WriteContext } from './writes';
export { listPackagesViaApi, putPackageViaApi, deletePackageViaApi } from './packages';
