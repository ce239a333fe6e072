'use client';
import { MessagesSquare } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { MessagePage } from '@/lib/messages/schemas';
import { MessageItem } from './message-item';
import { SendMessageForm } from './send-message-form';
import { useAddSentMessage, useGroupMessages } from './use-group-messages';

/**
 * The group's conversation (the portal stands in for the mobile app): newest last, polled every few
 * seconds, older pages on request. Admins and members get the Send box; people who may only read (an org
 * admin who is not a member, a subscriber) are told so.
 */
export function MessagesPanel({ groupId, initial, canPost, role }: { groupId: string; initial: MessagePage; canPost: boolean; role: string | null }) {
  const t = useTranslations('messages.panel');
  const { messages, hasNextPage, fetchNextPage, isFetchingNextPage, isRefetchError } = useGroupMessages(groupId, initial);
  const addSent = useAddSentMessage(groupId);
  const log = useRef<HTMLDivElement>(null);
  const newest = messages[messages.length - 1]?.id;

  const top = useRef<HTMLDivElement>(null);
  /** distance from the bottom when older messages were asked for: kept when they arrive above */
  const fromBottom = useRef<number | null>(null);

  // a new message at the bottom scrolls into view
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [newest]);

  // scrolling up to the top loads the older page by itself (the button stays for keyboards and screen readers)
  useEffect(() => {
    const root = log.current;
    const el = top.current;
    if (!root || !el || !hasNextPage || isFetchingNextPage) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting) || root.scrollHeight <= root.clientHeight) return;
        fromBottom.current = root.scrollHeight - root.scrollTop;
        void fetchNextPage();
      },
      { root, rootMargin: '120px 0px 0px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // loading older ones above keeps the place
  useLayoutEffect(() => {
    const root = log.current;
    if (root && fromBottom.current !== null && !isFetchingNextPage) {
      root.scrollTop = root.scrollHeight - fromBottom.current;
      fromBottom.current = null;
    }
  }, [messages.length, isFetchingNextPage]);

  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{canPost ? t('canPost') : role === 'Subscriber' ? t('subscriber') : t('readOnly')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 px-3 sm:px-6">
        <div
          ref={log}
          role="log"
          aria-label={t('conversation')}
          tabIndex={0}
          className="grid max-h-[60vh] min-h-40 content-start gap-3 overflow-y-auto rounded-lg bg-muted/40 p-2 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:p-4"
        >
          <div ref={top} aria-hidden className="h-px" />
          {hasNextPage && (
            <Button variant="outline" size="sm" className="justify-self-center" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              {isFetchingNextPage ? t('loading') : t('loadOlder')}
            </Button>
          )}
          {messages.length === 0 ? (
            <div className="flex flex-col items-center gap-2 px-4 py-10 text-center">
              <MessagesSquare aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">{t('empty')}</p>
              <p className="max-w-sm text-sm text-muted-foreground">{t('emptyHint')}</p>
            </div>
          ) : (
            <ol aria-label={t('title')} className="grid gap-3">
              {messages.map((m) => (
                <MessageItem key={m.id} message={m} />
              ))}
            </ol>
          )}
        </div>
        {isRefetchError && (
          <p role="status" className="text-xs text-destructive">
            {t('refetchError')}
          </p>
        )}
        {canPost && <SendMessageForm groupId={groupId} onSent={addSent} />}
      </CardContent>
    </Card>
  );
}
