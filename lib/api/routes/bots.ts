import { z } from 'zod';
import { addBotToGroupViaApi, botAccessTokenViaApi, createBotViaApi, deleteBotViaApi, listBotsViaApi, updateBotViaApi } from '@/lib/platform';
import { route } from '../route';
import { groupIdParam, reachableId, resultTrue } from './common';

/**
 * Bot users (kaizala-connectors.md §5.11, community endpoints, not in Kaizala's official docs). Permission:
 * Text Message (a bot exists to post); adding one to a group also needs an admin's rights there.
 */
const name = z.string().trim().min(1, 'Give the bot a name.').max(100, 'A bot name has at most 100 characters.');
const profilePic = z.string().max(2048, 'profilePic has at most 2048 characters.');
const botParams = z.object({ botUserId: z.string().max(64).describe('The bot’s `botUserId`') });
const bot = z.object({
  botUserId: z.string(),
  name: z.string(),
  profilePic: z.string(),
  tenantId: z.string(),
  creatorId: z.string(),
  creator: z.string(),
  creatorName: z.string(),
  creatorProfilePic: z.string(),
  status: z.literal('Active'),
});

export const botRoutes = [
  route({
    method: 'POST',
    path: '/bot',
    permission: 'textmessage',
    tag: 'Bots',
    summary: 'Create a bot user of this connector → `{ botUserId }`',
    body: z.object({ name, profilePic: profilePic.optional() }),
    response: z.object({ botUserId: z.string() }),
    handler: async ({ body, claims, ip }) => createBotViaApi(claims!, { name: body.name, profilePic: body.profilePic ?? '' }, ip),
  }),
  route({
    method: 'GET',
    path: '/bot',
    permission: 'textmessage',
    tag: 'Bots',
    summary: 'This connector’s bots',
    response: z.object({ bots: z.array(bot) }),
    handler: async ({ claims }) => listBotsViaApi(claims!),
  }),
  route({
    method: 'PUT',
    path: '/bot/{botUserId}',
    permission: 'textmessage',
    tag: 'Bots',
    summary: 'Rename a bot or change its picture',
    params: botParams,
    body: z.object({ name: name.optional(), profilePic: profilePic.optional() }),
    response: resultTrue,
    handler: async ({ params, body, claims, ip }) => updateBotViaApi(claims!, params.botUserId, body, ip),
  }),
  route({
    method: 'DELETE',
    path: '/bot/{botUserId}',
    permission: 'textmessage',
    tag: 'Bots',
    summary: 'Delete a bot: it leaves every group and its tokens stop at once',
    params: botParams,
    response: resultTrue,
    handler: async ({ params, claims, ip }) => deleteBotViaApi(claims!, params.botUserId, ip),
  }),
  route({
    method: 'GET',
    path: '/bot/accessToken/{botUserId}',
    permission: 'textmessage',
    tag: 'Bots',
    summary: 'An access token acting as the bot (posts messages to the groups it was added to; lives as long as the calling token at most, and stops with it)',
    params: botParams,
    response: z.object({ accessToken: z.string(), accessTokenExpiry: z.number().int().describe('epoch ms'), scope: z.string() }),
    handler: async ({ params, claims }) => botAccessTokenViaApi(claims!, params.botUserId),
  }),
  route({
    method: 'POST',
    path: '/groups/{groupId}/bot',
    permission: 'textmessage',
    tag: 'Bots',
    summary: 'Add a bot to a group (admins’ rights needed): it must be there before it can post',
    params: z.object({ groupId: groupIdParam }),
    body: z.object({ botUserId: z.string().max(64) }),
    response: resultTrue,
    handler: async ({ params, body, claims, ip }) => addBotToGroupViaApi(claims!, reachableId(params.groupId), body.botUserId, ip),
  }),
];
