import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { answerMediaRefs, type ActionType, type ResponseInput } from '@/lib/actions';
import { DomainError } from '@/lib/errors';
import type { CreateActionInput } from './actions';
import { parseNumbers, type NumberProblem as SendProblem } from './members';
import type { WriteContext } from './writes';

/** What an action write reads from its request besides the action itself: who it reaches, which uploads a response carries. */

/**
 * Who an action reaches (as for messages): in a plain group everyone; in a ConnectGroup its admins and members,
 * and with an admin's rights every subscriber (`sendToAllSubscribers`) or the listed ones (numbers that do not
 * subscribe come back in `failedResult`). Targeting a plain group is a 400, targeting as a member a 403.
 */
export async function audienceOf(tx: DbOrTx, ctx: WriteContext, groupId: string, input: CreateActionInput) {
  const listed = input.subscribers ?? [];
  const targeted = Boolean(input.sendToAllSubscribers) || listed.length > 0;
  const isConnectGroup = ctx.group?.groupType === 'ConnectGroup';
  if (targeted && !isConnectGroup) throw new DomainError('NotConnectGroup');
  if (targeted && ctx.callerRole !== 'Admin') throw new DomainError('NotGroupAdmin');
  if (!isConnectGroup || input.sendToAllSubscribers) return { subscribers: null, failedResult: [] as SendProblem[] };
  const { valid, failed } = parseNumbers(listed);
  const found = valid.length
    ? (
        await tx.execute<{ e164: string }>(
          sql`SELECT e164 FROM group_members WHERE group_id = ${groupId}::uuid AND role = 'Subscriber' AND e164 = ANY(${`{${valid.join(',')}}`}::text[]) ORDER BY e164`,
        )
      ).rows.map((r) => r.e164)
    : [];
  const missing = valid
    .filter((n) => !found.includes(n))
    .map((mobileNumber) => ({ mobileNumber, errorCode: 'SubscriberNotFound', errorReason: 'This number does not subscribe to the group.' }));
  return { subscribers: found, failedResult: [...failed, ...missing] };
}

/** The uploads a survey response answers with (see lib/actions answerMediaRefs), for /v1's checks. */
export const responseMediaRefs = (action: { actionType: ActionType; body: Record<string, unknown> }, input: ResponseInput) =>
  input.kind === 'answers' ? answerMediaRefs(action, input.answers, 'api').map(({ ref, field, kind }) => ({ ref, field, kind })) : [];
