'use client';
import { useMemo } from 'react';
import type { MessageDto, MessagePage } from '@/lib/messages/schemas';
import { refreshPages, updatePages, usePolledPages } from '@/lib/polled-pages';

/** How often the open conversation asks for new messages (a connector's post appears without a reload). */
export const MESSAGES_POLL_MS = 3_000;

export const messagesKey = (groupId: string) => `groups/${groupId}/messages`;

async function fetchPage(groupId: string, cursor: string | null): Promise<MessagePage> {
  const res = await fetch(`/api/groups/${groupId}/messages${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/** The conversation, oldest first (pages come newest first), with "load older" and the poll's state. */
export function useGroupMessages(groupId: string, initial: MessagePage) {
  const query = usePolledPages({
    key: messagesKey(groupId),
    initial,
    fetchPage: (cursor) => fetchPage(groupId, cursor),
    nextCursor: (last) => last.cursor ?? null,
    intervalMs: MESSAGES_POLL_MS,
  });
  const messages = useMemo(() => {
    const seen = new Set<string>();
    const all: MessageDto[] = [];
    for (const page of query.pages)
      for (const m of page.messages) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        all.push(m);
      }
    return all.reverse();
  }, [query.pages]);
  return { ...query, messages };
}

/** Put a just-sent message in place at once (the next poll confirms it). */
export function useAddSentMessage(groupId: string) {
  return (m: MessageDto) => {
    updatePages<MessagePage>(messagesKey(groupId), (pages) => pages.map((p, i) => (i === 0 ? { ...p, messages: [m, ...p.messages] } : p)));
    void refreshPages(messagesKey(groupId));
  };
}
