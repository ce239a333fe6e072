'use client';
import { infiniteQueryOptions, useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MessageDto, MessagePage } from '@/lib/messages/schemas';

/** How often the open conversation asks for new messages (a connector's post appears without a reload). */
export const MESSAGES_POLL_MS = 3_000;

export const messagesKey = (groupId: string) => ['groups', groupId, 'messages'] as const;

async function fetchPage(groupId: string, cursor: string | null): Promise<MessagePage> {
  const res = await fetch(`/api/groups/${groupId}/messages${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export const groupMessagesQuery = (groupId: string) =>
  infiniteQueryOptions({
    queryKey: messagesKey(groupId),
    queryFn: ({ pageParam }) => fetchPage(groupId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.cursor ?? null,
    refetchInterval: MESSAGES_POLL_MS,
    staleTime: 0,
  });

/** The conversation, oldest first (pages come newest first), with "load older" and the poll's state. */
export function useGroupMessages(groupId: string, initial: MessagePage) {
  const query = useInfiniteQuery({ ...groupMessagesQuery(groupId), initialData: { pages: [initial], pageParams: [null] } });
  const messages = useMemo(() => {
    const seen = new Set<string>();
    const all: MessageDto[] = [];
    for (const page of query.data.pages)
      for (const m of page.messages) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        all.push(m);
      }
    return all.reverse();
  }, [query.data]);
  return { ...query, messages };
}

/** Put a just-sent message in place at once (the next poll confirms it). */
export function useAddSentMessage(groupId: string) {
  const client = useQueryClient();
  return (m: MessageDto) => {
    client.setQueryData<InfiniteData<MessagePage, string | null>>(messagesKey(groupId), (data) =>
      data ? { ...data, pages: data.pages.map((p, i) => (i === 0 ? { ...p, messages: [m, ...p.messages] } : p)) } : data,
    );
    void client.invalidateQueries({ queryKey: messagesKey(groupId) });
  };
}
