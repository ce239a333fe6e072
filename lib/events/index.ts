import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { platformEvents } from '@/db/schema';
import { memberEventData, subGroupEventData, type EventType, type MemberEventData } from './data';

export {
  attachmentEventData,
  memberEventData,
  subGroupEventData,
  textMessageEventData,
  announcementEventData,
  jobCreatedEventData,
  actionCreatedEventData,
  jobResponseEventData,
  actionResponseEventData,
  EVENT_TYPES,
  type EventType,
  type MemberEventData,
} from './data';

/**
 * The platform-event outbox (kaizala-connectors.md §6.3–§6.4) that webhooks deliver. Every change that
 * has a Kaizala event writes its row(s) IN THE SAME TRANSACTION as the change, through `recordEvents`
 * (one INSERT for any number of events), or, on a hot path that is one statement, with an INSERT of its
 * own into `platform_events` inside that statement (lib/platform/messages.ts).
 */
export interface EventInput {
  tenantId: string | null;
  groupId: string;
  /** the webhook's object: the group for group events */
  objectId?: string;
  objectType?: 'Group' | 'Action' | 'ActionPackage';
  eventType: EventType;
  data: Record<string, unknown>;
  fromUser?: { phone?: string | null; name?: string | null; id?: string | null };
}

export async function recordEvents(tx: DbOrTx, events: EventInput[]): Promise<void> {
  if (!events.length) return;
  await tx.insert(platformEvents).values(
    events.map((e) => ({
      tenantId: e.tenantId,
      groupId: e.groupId,
      objectId: e.objectId ?? e.groupId,
      objectType: e.objectType ?? 'Group',
      eventType: e.eventType,
      data: e.data,
      fromUserPhone: e.fromUser?.phone ?? null,
      fromUserName: e.fromUser?.name ?? null,
      fromUserId: e.fromUser?.id ?? null,
    })),
  );
}

/** `MemberAdded` / `MemberRemoved` events of one group, one per number. */
export function memberEvents(
  eventType: 'MemberAdded' | 'MemberRemoved',
  group: { id: string; tenantId: string | null },
  members: MemberEventData[],
  fromUser?: EventInput['fromUser'],
): EventInput[] {
  return members.map((m) => ({ tenantId: group.tenantId, groupId: group.id, eventType, data: memberEventData(m), fromUser }));
}

/**
 * `GroupAdded` / `GroupRemoved`: one event per sub-group, in the PARENT group (its Group webhooks hear it) —
 * a sub-group created under it, an existing group linked under it, unlinked, or deleted.
 */
export function subGroupEvents(
  eventType: 'GroupAdded' | 'GroupRemoved',
  parent: { id: string; tenantId: string | null },
  children: { id: string; name: string; imageUrl?: string | null }[],
  fromUser?: EventInput['fromUser'],
): EventInput[] {
  return children.map((c) => ({ tenantId: parent.tenantId, groupId: parent.id, eventType, data: subGroupEventData(c, parent.id), fromUser }));
}

/**
 * Row locks on the webhook deliveries of one webhook or of every webhook of a group, taken in id order. Every
 * transaction that changes or deletes several delivery rows takes them this way first (the worker's statements
 * in lib/webhooks/queue-sql.ts do the same), so two of them can only wait on each other in one direction: a
 * webhook or group deleted (whose cascade removes the rows in index order) while the worker records a batch of
 * results was a deadlock that PostgreSQL broke by failing one side.
 */
export async function lockDeliveries(tx: DbOrTx, of: { webhookId: string } | { groupId: string }): Promise<void> {
  const which = 'webhookId' in of ? sql`webhook_id = ${of.webhookId}::uuid` : sql`webhook_id IN (SELECT id FROM webhooks WHERE group_id = ${of.groupId}::uuid)`;
  await tx.execute(sql`SELECT id FROM webhook_deliveries WHERE ${which} ORDER BY id FOR UPDATE`);
}
