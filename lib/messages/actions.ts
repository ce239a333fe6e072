'use server';
import { verifiedUserAction } from '@/lib/server-actions/safe-action';
import { postMessageSchema } from './schemas';
import { postGroupMessage } from './service';

/** The MESSAGES tab's Send box: no revalidation (the conversation is a polled query the client refreshes). */
export const postMessageAction = verifiedUserAction(postMessageSchema, async ({ groupId, text }, user) => postGroupMessage(user, groupId, text));
