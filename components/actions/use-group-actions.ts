'use client';
import { infiniteQueryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useTransition } from 'react';
import { toast } from '@/lib/toast';
import { respondToActionAction } from '@/lib/actions/actions';
import type { ActionCardDto, RespondActionInput } from '@/lib/actions/schemas';
import type { ActionResult } from '@/lib/server-actions/action-client';

/** How often the open ACTIONS tab asks for new actions and responses. */
export const ACTIONS_POLL_MS = 3_000;

export const actionsKey = (groupId: string) => ['groups', groupId, 'actions'] as const;

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

export const groupActionsQuery = (groupId: string) =>
  infiniteQueryOptions({
    queryKey: actionsKey(groupId),
    queryFn: ({ pageParam }) => fetchActions(groupId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.cursor ?? null,
    refetchInterval: ACTIONS_POLL_MS,
    staleTime: 0,
  });

/** The cards, newest first, with "load older" and the poll's state (every loaded page is polled). */
export function useGroupActions(groupId: string, initial: ActionsFeed) {
  const query = useInfiniteQuery({ ...groupActionsQuery(groupId), initialData: { pages: [initial], pageParams: [null] } });
  const actions = useMemo(() => {
    const seen = new Set<string>();
    return query.data.pages.flatMap((p) => p.actions).filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
  }, [query.data]);
  return { ...query, actions };
}

/**
 * Responds from a card (vote, Mark complete, survey answers) through the server action; refreshes the feed
 * on success, toasts what is not a field error, and hands the result back (field errors per question).
 */
export function useRespond(groupId: string) {
  const client = useQueryClient();
  const [pending, start] = useTransition();
  const respond = (input: Omit<RespondActionInput, 'groupId'>, success: string, after?: (res: ActionResult<{ responseId: string }>) => void) =>
    start(async () => {
      const res = await respondToActionAction({ ...input, groupId });
      if (res.ok) {
        toast.success(success);
        await client.invalidateQueries({ queryKey: actionsKey(groupId) });
      } else if (!res.fieldErrors) {
        toast.error(res.message);
        await client.invalidateQueries({ queryKey: actionsKey(groupId) });
      }
      after?.(res);
    });
  return { pending, respond };
}
