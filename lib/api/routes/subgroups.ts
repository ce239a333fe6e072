import { z } from 'zod';
import { groupNameField } from '@/lib/groups';
import { createSubGroupViaApi, linkSubGroupsViaApi, listSubGroupTree, unlinkSubGroupViaApi, type SubGroupItem } from '@/lib/platform';
import { route, type Route } from '../route';
import { boolish, failedResult, flag, groupIdParam, groupItemBase, phoneList, reachableId, resultTrue } from './common';

/** Sub-groups (kaizala-connectors.md §5.2), under `/subGroups` and Swagger's lowercase `/subgroups` alike. */
const subGroupItem: z.ZodType<SubGroupItem> = z
  .lazy(() =>
    z.object({
      ...groupItemBase,
      welcomeMessage: z.string(),
      isDuplicate: z.boolean(),
      subGroups: z.array(subGroupItem),
    }),
  )
  .meta({ id: 'SubGroup' });

const params = z.object({ groupId: groupIdParam });

function routes(base: string): Route[] {
  const alias = base.endsWith('subgroups');
  const tag = 'Sub-groups';
  const note = alias ? ' (lowercase path, as in Swagger)' : '';
  return [
    route({
      method: 'GET',
      path: `/groups/{groupId}/${base}`,
      permission: 'groupinfo',
      tag,
      summary: `Sub-groups of a group; fetchAllGroups=true nests the whole hierarchy${note}`,
      params,
      query: z.object({ fetchAllGroups: flag }),
      response: z.object({ groups: z.array(subGroupItem) }),
      handler: async ({ params, query, claims }) => listSubGroupTree(claims!, reachableId(params.groupId), query),
    }),
    route({
      method: 'POST',
      path: `/groups/{groupId}/${base}`,
      permission: 'groupinfo',
      tag,
      summary: `Create a sub-group (admins of the group only)${note}`,
      params,
      body: z.object({
        groupName: groupNameField,
        groupImageUrl: z
          .url({ protocol: /^https?$/, error: 'groupImageUrl must be an http(s) URL.' })
          .max(2048)
          .optional()
          .describe('A media URL (from /media) or any https image'),
        members: phoneList('members').optional(),
        welcomeMessage: z.string().trim().max(500, 'The welcome message can have at most 500 characters.').optional(),
        addUserToGroup: boolish.optional().default(true).describe('false keeps the token’s own user out of the new group'),
      }),
      response: z.object({ groupId: z.string(), groupName: z.string(), failedResult }),
      handler: async ({ params, body, claims, ip }) => createSubGroupViaApi(claims!, reachableId(params.groupId), body, ip),
    }),
    route({
      method: 'PUT',
      path: `/groups/{groupId}/${base}`,
      permission: 'groupinfo',
      tag,
      summary: `Link existing groups as sub-groups: all or none; no cycles, never across organizations${note}`,
      params,
      body: z.object({ subGroups: z.array(z.string().max(64)).min(1, 'Name at least one group in subGroups.').max(100, 'At most 100 groups per call.') }),
      response: resultTrue,
      handler: async ({ params, body, claims, ip }) =>
        linkSubGroupsViaApi(
          claims!,
          reachableId(params.groupId),
          body.subGroups.map((id) => id.replace(/@\d+$/, '')),
          ip,
        ),
    }),
    route({
      method: 'DELETE',
      path: `/groups/{groupId}/${base}/{subGroupId}`,
      permission: 'groupinfo',
      tag,
      summary: `Unlink a sub-group (the group itself stays)${note}`,
      params: z.object({ groupId: groupIdParam, subGroupId: groupIdParam }),
      response: resultTrue,
      handler: async ({ params, claims, ip }) => unlinkSubGroupViaApi(claims!, reachableId(params.groupId), params.subGroupId, ip),
    }),
  ];
}

export const subGroupRoutes = [...routes('subGroups'), ...routes('subgroups')];
