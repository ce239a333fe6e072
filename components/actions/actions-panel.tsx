'use client';
import { ListChecks } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ActionCard, AnnouncementBody, MediaBody, MeetingBody } from './action-card';
import { JobCard } from './job-card';
import { PollCard } from './poll-card';
import { SurveyCard } from './survey-card';
import { useGroupActions, type ActionsFeed } from './use-group-actions';

/**
 * The ACTIONS tab (the portal stands in for the mobile app): a card per action, newest first, polled every
 * few seconds so a connector's new poll or a member's vote shows up by itself. Members answer from the cards.
 */
export function ActionsPanel({ groupId, initial, role }: { groupId: string; initial: ActionsFeed; role: string | null }) {
  const t = useTranslations('actions.panel');
  const { actions, isRefetchError, hasNextPage, fetchNextPage, isFetchingNextPage } = useGroupActions(groupId, initial);
  if (role === 'Subscriber' && actions.length === 0) return <Card className="px-6 py-10 text-center text-sm text-muted-foreground">{t('subscriber')}</Card>;
  return (
    <section aria-label={t('label')} className="grid gap-4">
      {isRefetchError && (
        <p role="status" className="text-xs text-destructive">
          {t('refetchError')}
        </p>
      )}
      {actions.length === 0 ? (
        <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
          <ListChecks aria-hidden className="size-10 text-muted-foreground" />
          <p className="text-lg font-medium">{t('empty')}</p>
          <p className="max-w-md text-sm text-muted-foreground">{t('emptyHint')}</p>
        </Card>
      ) : (
        <ol aria-label={t('label')} className="grid gap-4">
          {actions.map((a) =>
            a.actionType === 'Poll' ? (
              <PollCard key={a.id} groupId={groupId} action={a} />
            ) : a.actionType === 'Job' ? (
              <JobCard key={a.id} groupId={groupId} action={a} />
            ) : a.actionType === 'Survey' || a.actionType === 'Custom' ? (
              <SurveyCard key={a.id} groupId={groupId} action={a} />
            ) : (
              <ActionCard key={a.id} action={a}>
                {a.actionType === 'Announcement' ? (
                  <AnnouncementBody action={a} />
                ) : a.actionType === 'LetsMeet' ? (
                  <MeetingBody action={a} />
                ) : (
                  <MediaBody action={a} />
                )}
              </ActionCard>
            ),
          )}
        </ol>
      )}
      {hasNextPage && (
        <Button variant="outline" className="justify-self-center" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? t('loading') : t('loadOlder')}
        </Button>
      )}
    </section>
  );
}
