import { z } from 'zod';
import { groupNameField } from '@/lib/groups';
import { createGroupViaApi, getReachableGroup, listReachableGroups } from '@/lib/platform';
import { route } from '../route';
import { failedResult, flag, groupIdParam, groupItemBase, phoneList, reachableId } from './common';

/** Groups (kaizala-connectors.md §5.1). Reach: lib/platform/reach.ts. */
const groupItem = z.object({
  ...groupItemBase,
  userCount: z.number().int(),
  currentLevelUserCount: z.number().int(),
  callerRole: z.string().optional(),
  currentLevelSubGroupCount: z.number().int().optional(),
  currentLevelParentGroupCount: z.number().int().optional(),
  uniqueUserCount: z.number().int().optional(),
  currentLevelUnProvisionedUserCount: z.number().int().optional(),
  unProvisionedUserCount: z.number().int().optional(),
  isDuplicate: z.boolean().optional(),
  isEditable: z.boolean().optional(),
  isDetailsReadable: z.boolean().optional(),
});
const groupsResponse = z.object({ groups: z.array(groupItem) });

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
    method: 'POST',
    path: '/groups',
    permission: 'groupinfo',
    tag: 'Groups',
    summary:
      'Create a group (a group token creates a sub-group of its group; a ConnectGroup needs a tenant-level user token). Without `members` the token’s user becomes admin.',
    body: z.object({
      name: groupNameField,
      welcomeMessage: z.string().trim().min(1, 'welcomeMessage is required.').max(500, 'The welcome message can have at most 500 characters.'),
      members: phoneList('members').optional(),
      groupType: z.enum(['Group', 'ConnectGroup']).optional().default('Group'),
    }),
    response: z.object({ groupName: z.string(), groupId: z.string(), membersAdded: z.boolean(), failedResult }),
    handler: async ({ body, claims, ip }) => createGroupViaApi(claims!, body, ip),
  }),
  route({
    method: 'GET',
    path: '/groups/{groupId}',
    permission: 'groupinfo',
    tag: 'Groups',
    summary: "One group with every detail field (404 outside the token's reach)",
    params: z.object({ groupId: groupIdParam }),
    response: groupsResponse,
    handler: async ({ params, claims }) => getReachableGroup(claims!, reachableId(params.groupId)),
  }),
];
