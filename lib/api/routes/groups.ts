import { z } from 'zod';
import { getReachableGroup, listReachableGroups } from '@/lib/platform';
import { isUuid } from '@/lib/utils';
import { DomainError } from '@/lib/errors';
import { route } from '../route';

/** Groups (kaizala-connectors.md §5.1). Reach: lib/platform. */
const flag = z
  .string()
  .optional()
  .transform((v) => ['true', '1'].includes((v ?? '').toLowerCase()));

const groupItem = z.object({
  groupId: z.string(),
  groupName: z.string(),
  groupImageUrl: z.string(),
  hasSubGroups: z.boolean(),
  hasParentGroups: z.boolean(),
  isMappedToTenant: z.boolean(),
  groupType: z.enum(['Group', 'ConnectGroup']),
  userCount: z.number().int(),
  currentLevelUserCount: z.number().int(),
  callerRole: z.string().optional(),
  currentLevelSubGroupCount: z.number().int().optional(),
  currentLevelParentGroupCount: z.number().int().optional(),
  uniqueUserCount: z.number().int().optional(),
  isEditable: z.boolean().optional(),
  isDetailsReadable: z.boolean().optional(),
});
const groupsResponse = z.object({ groups: z.array(groupItem) });

/** Community clients append `@N` to group ids. */
const groupId = z
  .string()
  .transform((v) => v.replace(/@\d+$/, ''))
  .describe('Group id (a trailing `@N` is accepted)');

export const groupRoutes = [
  route({
    method: 'GET',
    path: '/groups',
    permission: 'groupinfo',
    tag: 'Groups',
    summary: 'Groups the token reaches',
    query: z.object({ showDetail: flag, showDetails: flag, fetchAllGroups: flag }),
    response: groupsResponse,
    handler: async ({ query, claims }) =>
      listReachableGroups(claims!, { showDetail: query.showDetail || query.showDetails, fetchAllGroups: query.fetchAllGroups }),
  }),
  route({
    method: 'GET',
    path: '/groups/{groupId}',
    permission: 'groupinfo',
    tag: 'Groups',
    summary: "One group (404 outside the token's reach)",
    params: z.object({ groupId }),
    response: groupsResponse,
    handler: async ({ params, claims }) => {
      if (!isUuid(params.groupId)) throw new DomainError('GroupNotReachable');
      return getReachableGroup(claims!, params.groupId);
    },
  }),
];
