'use server';
import { verifiedUserAction } from '@/lib/server-actions/safe-action';
import { respondActionSchema } from './schemas';
import { respondToAction } from './service';

/** The ACTIONS tab's responses (vote, Mark complete, survey answers): no revalidation, the tab is a polled query. */
export const respondToActionAction = verifiedUserAction(respondActionSchema, async (input, user) => respondToAction(user, input));
