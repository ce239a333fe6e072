import { z } from 'zod';
import { messageText } from '@/lib/messages';
import { listMessagesViaApi, postMessageViaApi } from '@/lib/platform';
import { route } from '../route';
import { boolish, failedResult, groupIdParam, pageCount, phoneList, reachableId } from './common';

/**
 * Messages (kaizala-connectors.md §5.5). Permission: Text Message. The POST is one SQL statement
 * (lib/platform/messages.ts); the GET list is ours (product.md §12: lists that grow take a cursor).
 */
const params = z.object({ groupId: groupIdParam });

const postBody = z
  .object({
    message: messageText('message').optional().describe('The text, at most 4000 characters (`Message` is accepted too)'),
    Message: messageText('Message').optional().describe('Same as `message` (Kaizala’s public-group sample spells it so)'),
    sendToAllSubscribers: boolish.optional().describe('ConnectGroups only, admins only: send to every subscriber'),
    subscribers: phoneList('subscribers').optional().describe('ConnectGroups only, admins only: send to these subscribers only'),
  })
  .superRefine((b, ctx) => {
    if (b.message === undefined && b.Message === undefined)
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'Send the text of the message in message.' });
  });

export const messageRoutes = [
  route({
    method: 'POST',
    path: '/groups/{groupId}/messages',
    permission: 'textmessage',
    bots: true,
    tag: 'Messages',
    summary:
      'Post a text message (≤ 4000 characters). A PIN/OAuth user token posts as its member, a bot token as its bot (only in groups it was added to, else 403), every other token as the connector. Targeting subscribers: ConnectGroups and admins only.',
    params,
    body: postBody,
    response: z.object({
      referenceId: z.string(),
      failedResult: failedResult.describe('Targeted numbers that were not sent to (not a subscriber, or not a phone number)'),
    }),
    handler: async ({ params, body, claims }) =>
      postMessageViaApi(claims!, reachableId(params.groupId), {
        message: (body.message ?? body.Message)!,
        sendToAllSubscribers: body.sendToAllSubscribers ?? false,
        subscribers: body.subscribers ?? [],
      }),
  }),
  route({
    method: 'GET',
    path: '/groups/{groupId}/messages',
    permission: 'textmessage',
    tag: 'Messages',
    summary: 'The group’s messages, newest first, a page at a time (ours: not in Kaizala’s API)',
    params,
    query: z.object({ cursor: z.string().max(512).optional().describe('Opaque: the `cursor` of the previous page'), count: pageCount(50, 200) }),
    response: z.object({
      messages: z.array(
        z.object({
          referenceId: z.string(),
          message: z.string(),
          sender: z.object({ type: z.enum(['Member', 'Connector', 'Bot']), name: z.string(), mobileNumber: z.string().optional() }),
          createdAt: z.number().int().describe('epoch ms'),
        }),
      ),
      cursor: z.string().optional(),
    }),
    handler: async ({ params, query, claims }) => listMessagesViaApi(claims!, reachableId(params.groupId), query),
  }),
];
