'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionCardDto } from '@/lib/actions/schemas';
import { cn } from '@/lib/utils';
import { ActionCard, useWhen } from './action-card';
import { useRespond } from './use-group-actions';

/**
 * A poll: each choice with its bar and count (when the viewer may see results), the viewer's own vote
 * marked; members vote (or change their vote) with the radio buttons until the poll expires.
 */
export function PollCard({ groupId, action: a }: { groupId: string; action: ActionCardDto }) {
  const t = useTranslations('actions.poll');
  const when = useWhen();
  const mine = a.mine[0];
  const myChoice = (mine?.answers?.[0] as string | undefined) ?? null;
  const [choice, setChoice] = useState<string | null>(myChoice);
  const [error, setError] = useState<string | undefined>();
  const { pending, respond } = useRespond(groupId);
  const choices = a.poll!.choices;
  const total = choices.reduce((n, c) => n + (c.count ?? 0), 0);
  const errorId = `poll-${a.id}-error`;

  const vote = () => {
    if (!choice) return setError(t('chooseFirst'));
    respond({ actionId: a.id, answers: [choice], ...(mine ? { responseId: mine.responseId } : {}) }, mine ? t('voteChanged') : t('voteCounted'), (res) =>
      setError(res.ok ? undefined : (res.fieldErrors?.['answers.0']?.[0] ?? res.fieldErrors?.answers?.[0])),
    );
  };

  const status = (
    <>
      <span>{t('votes', { count: a.responseCount })}</span>
      {a.expiresAt && <span>{a.isClosed ? t('closedAt', { when: when(a.expiresAt) }) : t('closesAt', { when: when(a.expiresAt) })}</span>}
      {a.isClosed && <Badge variant="muted">{t('closed')}</Badge>}
    </>
  );

  const rows = (
    <ul className="grid gap-3" aria-label={t('results')}>
      {choices.map((c) => {
        const pct = c.count !== null && total > 0 ? Math.round((c.count / total) * 100) : 0;
        const isMine = myChoice === c.title;
        const inputId = `poll-${a.id}-${c.title}`;
        return (
          <li key={c.title} className="grid gap-1.5">
            <div className="flex items-center justify-between gap-3 text-sm">
              {a.canRespond ? (
                <label htmlFor={inputId} className="flex min-w-0 cursor-pointer items-center gap-2">
                  <input
                    id={inputId}
                    type="radio"
                    name={`poll-${a.id}`}
                    value={c.title}
                    checked={choice === c.title}
                    onChange={() => {
                      setChoice(c.title);
                      setError(undefined);
                    }}
                    aria-describedby={error ? errorId : undefined}
                    className="size-4 shrink-0 accent-primary"
                  />
                  {c.image && <ChoiceImage url={c.image.url} />}
                  <span className="[overflow-wrap:anywhere]">{c.title}</span>
                </label>
              ) : (
                <span className="flex min-w-0 items-center gap-2">
                  {c.image && <ChoiceImage url={c.image.url} />}
                  <span className="[overflow-wrap:anywhere]">{c.title}</span>
                </span>
              )}
              <span className="flex shrink-0 items-center gap-2 text-xs tabular-nums text-muted-foreground">
                {isMine && <Badge className="py-0 text-[11px]">{t('yourVote')}</Badge>}
                {c.count !== null && (
                  <span>
                    {c.count} · {pct}%
                  </span>
                )}
              </span>
            </div>
            {c.count !== null && (
              <div aria-hidden className="h-2 overflow-hidden rounded-full bg-muted">
                <div className={cn('h-full rounded-full', isMine ? 'bg-primary' : 'bg-primary/40')} style={{ width: `${pct}%` }} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );

  return (
    <ActionCard action={a} status={status}>
      {a.canRespond ? (
        <form
          noValidate
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            vote();
          }}
        >
          <fieldset className="grid gap-3">
            <legend className="sr-only">{a.title}</legend>
            {rows}
          </fieldset>
          <p id={errorId} aria-live="polite" className="text-sm text-destructive empty:hidden">
            {error}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" size="sm" disabled={pending || (mine !== undefined && choice === myChoice)}>
              {pending ? t('saving') : mine ? t('changeVote') : t('vote')}
            </Button>
          </div>
        </form>
      ) : (
        rows
      )}
      {choices.some((c) => c.count === null) && <p className="text-xs text-muted-foreground">{t('senderOnly')}</p>}
    </ActionCard>
  );
}

/** A choice's picture (a poll's `choices[].image`), small beside its title; decorative: the title says the choice. */
function ChoiceImage({ url }: { url: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived URL: not for the image optimizer
  return <img src={url} alt="" className="size-10 shrink-0 rounded-md border border-border bg-muted object-cover" />;
}
