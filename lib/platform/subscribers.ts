import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { groupMembers } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { rolesOf } from '@/lib/groups';
import { formatPhone } from '@/lib/phone';
import type { AccessClaims } from '@/lib/tokens';
import { parseNumbers } from './members';
import { platformWrite } from './writes';

/**
 * Subscribers of ConnectGroups (Managed Public groups, kaizala-connectors.md §5.4): add and remove with a
 * result per number, keyed by the number as sent. A number that already subscribes counts as added (a
 * retry succeeds); a member or admin of the group is not made a subscriber.
 */
interface Outcome {
  errorCode?: string;
  errorReason?: string;
}

export async function changeSubscribers(claims: AccessClaims, groupId: string, numbers: string[], op: 'add' | 'remove', ip: string | null) {
  const { valid, failed } = parseNumbers(numbers);
  const flag = op === 'add' ? 'isAdded' : 'isRemoved';
  const { result, headers } = await platformWrite(claims, { groupId, admin: true, ip }, async (tx, ctx) => {
    if (ctx.group!.groupType !== 'ConnectGroup') throw new DomainError('NotConnectGroup');
    const roles = await rolesOf(tx, groupId, valid);
    const outcome = new Map<string, Outcome>();
    const changed: string[] = [];
    for (const e164 of valid) {
      const role = roles.get(e164);
      if (op === 'add') {
        if (role === 'Admin' || role === 'Member')
          outcome.set(e164, {
            errorCode: 'MemberDuplicate',
            errorReason: `This number is already ${role === 'Admin' ? 'an admin' : 'a member'} of the group.`,
          });
        else if (!role) changed.push(e164);
      } else if (role !== 'Subscriber') {
        outcome.set(e164, { errorCode: 'SubscriberNotFound', errorReason: 'This number does not subscribe to the group.' });
      } else changed.push(e164);
    }
    if (changed.length && op === 'add') {
      await tx
        .insert(groupMembers)
        .values(changed.map((e164) => ({ groupId, e164, displayName: formatPhone(e164), role: 'Subscriber' as const })))
        .onConflictDoNothing();
    }
    if (changed.length && op === 'remove') {
      await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'Subscriber'), inArray(groupMembers.e164, changed)));
    }
    if (changed.length) await ctx.audit(tx, op === 'add' ? 'group.subscribers_added' : 'group.subscribers_removed', groupId, { subscribers: changed });
    return outcome;
  });
  const body: Record<string, Record<string, unknown>> = {};
  for (const raw of numbers) {
    const problem = failed.find((f) => f.mobileNumber === raw);
    if (problem) {
      body[raw] = { [flag]: false, errorCode: problem.errorCode, errorReason: problem.errorReason };
      continue;
    }
    const e164 = parseNumbers([raw]).valid[0]!;
    const o = result.get(e164);
    body[raw] = o ? { [flag]: false, ...o } : { [flag]: true };
  }
  return { headers, body: { result: body } };
}
