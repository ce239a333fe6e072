import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { questionsOf, type ActionType, type ResponseInput } from '@/lib/actions';
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

/**
 * The uploads a survey response answers with (§5.9: an Image question takes a mediaResource, an AttachmentList
 * several): each must be one the member's token may use in the group (its connector's upload, or already in the
 * group); once answered, the group may view it. Answers of the wrong shape are left to writeResponse's checks.
 */
type MediaRef = { ref: string; field: string; kind: 'image' | null };
export function answerMediaRefs(action: { actionType: ActionType; body: Record<string, unknown> }, input: ResponseInput): MediaRef[] {
  if (input.kind !== 'answers' || !Array.isArray(input.answers)) return [];
  const answers = input.answers as unknown[];
  return questionsOf(action).flatMap((q, i): MediaRef[] => {
    const v = answers[i];
    if (q.type === 'Image' && typeof v === 'string' && v.trim()) return [{ ref: v, field: `answers[${i}] ("${q.title}")`, kind: 'image' as const }];
    if (q.type === 'AttachmentList' && Array.isArray(v))
      return v.flatMap((ref, j) => (typeof ref === 'string' && ref.trim() ? [{ ref, field: `answers[${i}][${j}] ("${q.title}")`, kind: null }] : []));
    return [];
  });
}
