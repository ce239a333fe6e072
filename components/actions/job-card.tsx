'use client';
import { Check, CircleDashed } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionCardDto } from '@/lib/actions/schemas';
import { ActionCard, useWhen } from './action-card';
import { useRespond } from './use-group-actions';

/** A job: its assignees and who has completed it; an assignee marks it complete (or not complete again). */
export function JobCard({ groupId, action: a }: { groupId: string; action: ActionCardDto }) {
  const t = useTranslations('actions.job');
  const when = useWhen();
  const job = a.job!;
  const mine = a.mine[0];
  const iDone = job.assignees.some((x) => x.isYou && x.isCompleted);
  const { pending, respond } = useRespond(groupId);
  const set = (isCompleted: boolean) =>
    respond({ actionId: a.id, isCompleted, ...(mine ? { responseId: mine.responseId } : {}) }, isCompleted ? t('markedComplete') : t('markedNotComplete'));

  const status = (
    <>
      <span>{t('progress', { done: job.completed, total: job.assignees.length })}</span>
      {a.expiresAt && <span>{t('due', { when: when(a.expiresAt) })}</span>}
      {job.isCompleted ? (
        <Badge variant="success">{t('completed')}</Badge>
      ) : job.isOverdue ? (
        <Badge variant="warning">{t('overdue')}</Badge>
      ) : (
        <Badge variant="muted">{t('open')}</Badge>
      )}
    </>
  );

  return (
    <ActionCard action={a} status={status}>
      <ul aria-label={t('assignees')} className="grid gap-2">
        {job.assignees.map((x) => (
          <li key={x.mobileNumber} className="flex items-center justify-between gap-3 rounded-lg border border-border px-3 py-2 text-sm">
            <span className="min-w-0 truncate">
              {x.isYou ? t('you') : x.name} <span className="text-xs text-muted-foreground">{x.mobileNumber}</span>
            </span>
            {x.isCompleted ? (
              <span className="flex shrink-0 items-center gap-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">
                <Check aria-hidden className="size-4" /> {t('done')}
              </span>
            ) : (
              <span className="flex shrink-0 items-center gap-1 text-xs text-muted-foreground">
                <CircleDashed aria-hidden className="size-4" /> {t('pending')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {a.canRespond && (
        <div className="flex flex-wrap gap-2">
          {iDone ? (
            <Button variant="outline" size="sm" disabled={pending} onClick={() => set(false)}>
              {pending ? t('saving') : t('markNotComplete')}
            </Button>
          ) : (
            <Button size="sm" disabled={pending} onClick={() => set(true)}>
              <Check aria-hidden />
              {pending ? t('saving') : t('markComplete')}
            </Button>
          )}
        </div>
      )}
    </ActionCard>
  );
}
