'use client';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { respondToActionAction } from '@/lib/actions/actions';
import type { ActionCardDto, RespondActionInput } from '@/lib/actions/schemas';
import type { ActionResult } from '@/lib/server-actions/action-client';

/** How often the open ACTIONS tab asks for new actions and responses. */
export const ACTIONS_POLL_MS = 3_000;

export const actionsKey = (groupId: string) => ['groups', groupId, 'actions'] as const;

export interface ActionsFeed {
  actions: ActionCardDto[];
}

async function fetchActions(groupId: string): Promise<ActionsFeed> {
  const res = await fetch(`/api/groups/${groupId}/actions`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export const groupActionsQuery = (groupId: string) =>
  queryOptions({ queryKey: actionsKey(groupId), queryFn: () => fetchActions(groupId), refetchInterval: ACTIONS_POLL_MS, staleTime: 0 });

export function useGroupActions(groupId: string, initial: ActionsFeed) {
  return useQuery({ ...groupActionsQuery(groupId), initialData: initial });
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
