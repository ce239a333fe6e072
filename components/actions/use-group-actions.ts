'use client';
import { useMemo, useTransition } from 'react';
import { refreshPages, usePolledPages } from '@/lib/polled-pages';
import { toast } from '@/lib/toast';
import { respondToActionAction } from '@/lib/actions/actions';
import type { ActionCardDto, RespondActionInput } from '@/lib/actions/schemas';
import type { ActionResult } from '@/lib/server-actions/action-client';

/** How often the open ACTIONS tab asks for new actions and responses. */
export const ACTIONS_POLL_MS = 3_000;

export const actionsKey = (groupId: string) => `groups/${groupId}/actions`;

/** One page of the feed, newest first; `cursor` when older actions exist. */
export interface ActionsFeed {
  actions: ActionCardDto[];
  cursor?: string;
}

async function fetchActions(groupId: string, cursor: string | null): Promise<ActionsFeed> {
  const res = await fetch(`/api/groups/${groupId}/actions${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/** The cards, newest first, with "load older" and the poll's state (every loaded page is polled). */
export function useGroupActions(groupId: string, initial: ActionsFeed) {
  const query = usePolledPages({
    key: actionsKey(groupId),
    initial,
    fetchPage: (cursor) => fetchActions(groupId, cursor),
    nextCursor: (last) => last.cursor ?? null,
    intervalMs: ACTIONS_POLL_MS,
  });
  const actions = useMemo(() => {
    const seen = new Set<string>();
    return query.pages.flatMap((p) => p.actions).filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
  }, [query.pages]);
  return { ...query, actions };
}

/**
 * Responds from a card (vote, Mark complete, survey answers) through the server action; refreshes the feed
 * on success, toasts what is not a field error, and hands the result back (field errors per question).
 */
export function useRespond(groupId: string) {
  const [pending, start] = useTransition();
  const respond = (input: Omit<RespondActionInput, 'groupId'>, success: string, after?: (res: ActionResult<{ responseId: string }>) => void) =>
    start(async () => {
      const res = await respondToActionAction({ ...input, groupId });
      if (res.ok) {
        toast.success(success);
        await refreshPages(actionsKey(groupId));
      } else if (!res.fieldErrors) {
        toast.error(res.message);
        await refreshPages(actionsKey(groupId));
      }
      after?.(res);
    });
  return { pending, respond };
}
