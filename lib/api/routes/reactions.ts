import { z } from 'zod';
import { postReactionViaApi, reactionDetailsViaApi, reactionSummariesViaApi, reactionSummaryViaApi } from '@/lib/platform';
import { route } from '../route';
import { groupIdParam, pageCount, reachableId } from './common';

/**
 * Reactions (kaizala-connectors.md §5.10). Permission: Reactions. Items are messages for now (their
 * `referenceId`); Actions join through lib/platform/reactions.ts `ITEMS`.
 */
const params = z.object({ groupId: groupIdParam });
const itemParams = z.object({ groupId: groupIdParam, referenceId: z.string().max(64).describe('The message’s (or action’s) referenceId') });
const sourceGroupId = z.string().max(64).optional().describe('The group the item was sent in: this group (default) or one of its parent groups');
const cursor = z.string().max(512).optional().describe('Opaque: the `cursor` of the previous page (`0` or none: the first page)');
const countMap = z.object({ like: z.number().int(), comment: z.number().int() });
const summary = z.array(z.object({ referenceId: z.string(), reactionsCountMap: countMap }));

export const reactionRoutes = [
  route({
    method: 'POST',
    path: '/groups/{groupId}/reaction',
    permission: 'reaction',
    tag: 'Reactions',
    summary: 'Like or comment on a message (one Like per reactor: a second answers the same reactionId)',
    params,
    body: z
      .object({
        referenceId: z.string().max(64),
        sourceGroupId,
        reactionType: z.enum(['Like', 'Comment'], { error: 'reactionType must be "Like" or "Comment".' }),
        comment: z.string().max(4000, 'A comment has at most 4000 characters.').optional(),
      })
      .superRefine((b, ctx) => {
        if (b.reactionType === 'Comment' && !b.comment?.trim())
          ctx.addIssue({ code: 'custom', path: ['comment'], message: 'A Comment needs its comment text.' });
      }),
    response: z.object({ reactionId: z.string() }),
    handler: async ({ params, body, claims }) => postReactionViaApi(claims!, reachableId(params.groupId), body),
  }),
  route({
    method: 'GET',
    path: '/groups/{groupId}/reaction/summary',
    permission: 'reaction',
    tag: 'Reactions',
    summary: 'Counts of every item of the source group that has reactions, by last change (oldest first), a page at a time',
    params,
    query: z.object({ sourceGroupId, cursor, count: pageCount(50, 200) }),
    response: z.object({ summary, cursor: z.string().optional() }),
    handler: async ({ params, query, claims }) => reactionSummariesViaApi(claims!, reachableId(params.groupId), query),
  }),
  route({
    method: 'GET',
    path: '/groups/{groupId}/reaction/{referenceId}/summary',
    permission: 'reaction',
    tag: 'Reactions',
    summary: 'Like and comment counts of one item, over this group and its sub-groups',
    params: itemParams,
    query: z.object({ sourceGroupId }),
    response: z.object({ summary }),
    handler: async ({ params, query, claims }) => reactionSummaryViaApi(claims!, reachableId(params.groupId), params.referenceId, query.sourceGroupId),
  }),
  route({
    method: 'GET',
    path: '/groups/{groupId}/reaction/{referenceId}',
    permission: 'reaction',
    tag: 'Reactions',
    summary: 'Who reacted to one item, newest first, a page at a time',
    params: itemParams,
    query: z.object({ sourceGroupId, reactionType: z.enum(['Like', 'Comment']).optional(), cursor, count: pageCount(50, 200) }),
    response: z.object({
      reactionDetails: z.array(
        z.object({
          reactionId: z.string(),
          userId: z.string().describe('the user, or the connector that reacted'),
          lastModifiedTime: z.number().int().describe('epoch ms'),
          reactionType: z.enum(['Like', 'Comment']),
          name: z.string(),
          mobileNumber: z.string().optional(),
          comment: z.string().optional(),
        }),
      ),
      cursor: z.string().optional(),
    }),
    handler: async ({ params, query, claims }) => reactionDetailsViaApi(claims!, reachableId(params.groupId), params.referenceId, query),
  }),
];
