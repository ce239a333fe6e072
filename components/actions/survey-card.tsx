'use client';
import { Download } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionCardDto } from '@/lib/actions/schemas';
import { ActionCard, useWhen } from './action-card';
import { AnswerFileLinks } from './answer-file-links';

// the answer form (with its file uploads) loads when someone opens it, not with every group's Actions tab
const SurveyForm = dynamic(() => import('./survey-form').then((m) => m.SurveyForm), { loading: FormLoading });

function FormLoading() {
  const t = useTranslations('common');
  return (
    <p role="status" className="text-sm text-muted-foreground">
      {t('loading')}…
    </p>
  );
}

/**
 * A survey: how many responded, the responses table (for whoever may see them; an anonymous survey names
 * nobody) with a CSV export, and the form to answer (again, when it takes several responses; or to change
 * your answers).
 */
export function SurveyCard({ groupId, action: a }: { groupId: string; action: ActionCardDto }) {
  const t = useTranslations('actions.survey');
  const when = useWhen();
  const s = a.survey!;
  const [open, setOpen] = useState(false);
  const mine = a.mine[a.mine.length - 1];
  const updating = mine && !s.acceptMultipleResponses ? mine.responseId : undefined;
  const label = !mine ? t('fillIn') : s.acceptMultipleResponses ? t('answerAgain') : t('changeAnswers');
  const visibleQuestions = s.questions.filter((q) => !q.isInvisible);

  const status = (
    <>
      <span>{t('responses', { count: a.responseCount })}</span>
      {a.expiresAt && <span>{a.isClosed ? t('closedAt', { when: when(a.expiresAt) }) : t('dueAt', { when: when(a.expiresAt) })}</span>}
      {s.isAnonymous && <Badge variant="muted">{t('anonymous')}</Badge>}
      {a.isClosed && <Badge variant="muted">{t('closed')}</Badge>}
      {mine && <Badge>{t('youResponded')}</Badge>}
    </>
  );

  return (
    <ActionCard action={a} status={status}>
      <p className="text-sm text-muted-foreground">
        {t('questions', { count: visibleQuestions.length, titles: visibleQuestions.map((q) => q.title).join(' · ') })}
      </p>
      {a.canRespond &&
        (open ? (
          <SurveyForm groupId={groupId} action={a} responseId={updating} onDone={() => setOpen(false)} />
        ) : (
          <div>
            <Button size="sm" variant={mine ? 'outline' : 'default'} onClick={() => setOpen(true)}>
              {label}
            </Button>
          </div>
        ))}
      {s.responses === null ? (
        <p className="text-xs text-muted-foreground">{t('senderOnly')}</p>
      ) : (
        s.responses.length > 0 && (
          <div className="grid gap-2">
            <div
              tabIndex={0}
              role="region"
              aria-label={t('responsesTo', { title: a.title })}
              className="overflow-x-auto rounded-lg border border-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <table className="w-full min-w-max text-left text-sm">
                <caption className="sr-only">{t('responsesTo', { title: a.title })}</caption>
                <thead className="bg-muted/50 text-xs text-muted-foreground">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('responder')}
                    </th>
                    {s.questions.map((q, i) => (
                      <th key={i} scope="col" className="max-w-60 px-3 py-2 font-medium">
                        {q.title}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('answered')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.responses.map((r) => (
                    <tr key={r.id} className="border-t border-border align-top">
                      <td className="px-3 py-2 whitespace-nowrap">{r.responder ?? <span className="text-muted-foreground">{t('anonymous')}</span>}</td>
                      {r.answers.map((ans, i) => (
                        <td key={i} className="max-w-60 px-3 py-2 whitespace-pre-wrap [overflow-wrap:anywhere]">
                          {r.files?.[i] ? <AnswerFileLinks files={r.files[i]} /> : ans}
                        </td>
                      ))}
                      <td className="px-3 py-2 whitespace-nowrap text-muted-foreground">{when(r.respondedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <a
                href={`/api/groups/${groupId}/actions/${a.id}/responses`}
                download
                className="inline-flex items-center gap-2 rounded-md text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&_svg]:size-4"
              >
                <Download aria-hidden />
                {t('download')}
              </a>
            </div>
          </div>
        )
      )}
    </ActionCard>
  );
}
