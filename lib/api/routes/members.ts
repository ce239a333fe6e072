import { z } from 'zod';
import { addGroupMembers, changeSubscribers, listGroupMembers, listGroupSubscribers, removeGroupMember, setGroupMemberRole } from '@/lib/platform';
import { route } from '../route';
import { failedResult, groupIdParam, pageCount, phoneList, reachableId, resultTrue } from './common';

/** Members (kaizala-connectors.md §5.3) and subscribers of ConnectGroups (§5.4). Permission: Group Member List. */
const params = z.object({ groupId: groupIdParam });
const memberParams = z.object({ groupId: groupIdParam, memberId: z.string().max(64).describe('The member’s id, or its phone number') });
const cursor = z.string().max(512).optional().describe('Opaque: the `cursor` of the previous page');
const subscriberResult = (flag: 'isAdded' | 'isRemoved') =>
  z.object({
    result: z
      .record(z.string(), z.object({ [flag]: z.boolean(), errorCode: z.string().optional(), errorReason: z.string().optional() }))
      .describe('Keyed by the phone number as sent'),
  });

/** PUT …/subscribers/add and …/remove: the same body, a result per number under `isAdded` / `isRemoved`. */
function subscriberChange(op: 'add' | 'remove') {
  return route({
    method: 'PUT',
    path: `/groups/{groupId}/subscribers/${op}`,
    permission: 'groupmember',
    tag: 'Subscribers',
    summary: `${op === 'add' ? 'Add subscribers to' : 'Remove subscribers from'} a ConnectGroup, with a result per number (400 on a plain group)`,
    params,
    body: z.object({ subscribers: phoneList('subscribers').min(1, 'Send at least one number in subscribers.') }),
    response: subscriberResult(op === 'add' ? 'isAdded' : 'isRemoved'),
    handler: async ({ params, body, claims, ip }) => changeSubscribers(claims!, reachableId(params.groupId), body.subscribers, op, ip),
  });
}

export const memberRoutes = [
  route({
    method: 'GET',
    path: '/groups/{groupId}/members',
    permission: 'groupmember',
    tag: 'Members',
    summary: 'Members of a group (admins first), a page at a time: `cursor` is returned while there are more',
    params,
    query: z.object({ cursor, count: pageCount(100, 500) }),
    response: z.object({
      members: z.array(z.object({ id: z.string(), role: z.enum(['Admin', 'Member']), mobileNumber: z.string(), isProvisioned: z.boolean() })),
      cursor: z.string().optional(),
    }),
    handler: async ({ params, query, claims }) => listGroupMembers(claims!, reachableId(params.groupId), query),
  }),
  route({
    method: 'PUT',
    path: '/groups/{groupId}/members',
    permission: 'groupmember',
    tag: 'Members',
    summary: 'Add members; `result` is "true" only when every number is in the group afterwards (the others are in `failedResult`)',
    params,
    body: z.object({ members: phoneList('members').min(1, 'Send at least one number in members.') }),
    response: resultTrue.extend({ failedResult }),
    handler: async ({ params, body, claims, ip }) => addGroupMembers(claims!, reachableId(params.groupId), body.members, ip),
  }),
  route({
    method: 'DELETE',
    path: '/groups/{groupId}/members/{memberId}',
    permission: 'groupmember',
    tag: 'Members',
    summary: 'Remove a member (409 for the last admin)',
    params: memberParams,
    response: resultTrue,
    handler: async ({ params, claims, ip }) => removeGroupMember(claims!, reachableId(params.groupId), params.memberId, ip),
  }),
  route({
    method: 'PUT',
    path: '/groups/{groupId}/members/{memberId}',
    permission: 'groupmember',
    tag: 'Members',
    summary: 'Change a member’s role (409 when that would leave the group without an admin)',
    params: memberParams,
    body: z.object({ role: z.enum(['Admin', 'Member'], { error: 'role must be "Admin" or "Member".' }) }),
    response: resultTrue,
    handler: async ({ params, body, claims, ip }) => setGroupMemberRole(claims!, reachableId(params.groupId), params.memberId, body.role, ip),
  }),
  subscriberChange('add'),
  subscriberChange('remove'),
  route({
    method: 'POST',
    path: '/groups/{groupId}/subscribers',
    permission: 'groupmember',
    tag: 'Subscribers',
    summary: 'List the subscribers of a ConnectGroup, a page at a time (POST, as in Kaizala)',
    params,
    body: z.object({ cursor, count: pageCount(50, 50) }),
    response: z.object({
      subscribers: z.array(z.object({ id: z.string(), mobileNumber: z.string(), name: z.string(), profilePic: z.string(), isProvisioned: z.boolean() })),
      cursor: z.string().optional(),
    }),
    handler: async ({ params, body, claims }) => listGroupSubscribers(claims!, reachableId(params.groupId), body),
  }),
];
