'use client';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionCardDto } from '@/lib/actions/schemas';
import { ActionCard, when } from './action-card';
import { SurveyForm } from './survey-form';

/**
 * A survey: how many responded, the responses table (for whoever may see them; an anonymous survey names
 * nobody) with a CSV export, and the form to answer (again, when it takes several responses; or to change
 * your answers).
 */
export function SurveyCard({ groupId, action: a }: { groupId: string; action: ActionCardDto }) {
  const s = a.survey!;
  const [open, setOpen] = useState(false);
  const mine = a.mine[a.mine.length - 1];
  const updating = mine && !s.acceptMultipleResponses ? mine.responseId : undefined;
  const label = !mine ? 'Fill in survey' : s.acceptMultipleResponses ? 'Answer again' : 'Change your answers';
  const visibleQuestions = s.questions.filter((q) => !q.isInvisible);

  const status = (
    <>
      <span>
        {a.responseCount} response{a.responseCount === 1 ? '' : 's'}
      </span>
      {a.expiresAt && (
        <span suppressHydrationWarning>
          {a.isClosed ? 'Closed' : 'Due'} {when(a.expiresAt)}
        </span>
      )}
      {s.isAnonymous && <Badge variant="muted">Anonymous</Badge>}
      {a.isClosed && <Badge variant="muted">Closed</Badge>}
      {mine && <Badge>You responded</Badge>}
    </>
  );

  return (
    <ActionCard action={a} status={status}>
      <p className="text-sm text-muted-foreground">
        {visibleQuestions.length} question{visibleQuestions.length === 1 ? '' : 's'}: {visibleQuestions.map((q) => q.title).join(' · ')}
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
        <p className="text-xs text-muted-foreground">Only the sender sees the responses to this survey.</p>
      ) : (
        s.responses.length > 0 && (
          <div className="grid gap-2">
            <div
              tabIndex={0}
              role="region"
              aria-label={`Responses to ${a.title}`}
              className="overflow-x-auto rounded-lg border border-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <table className="w-full min-w-max text-left text-sm">
                <caption className="sr-only">Responses to {a.title}</caption>
                <thead className="bg-muted/50 text-xs text-muted-foreground">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Responder
                    </th>
                    {s.questions.map((q, i) => (
                      <th key={i} scope="col" className="max-w-60 px-3 py-2 font-medium">
                        {q.title}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2 font-medium">
                      Answered
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.responses.map((r) => (
                    <tr key={r.id} className="border-t border-border align-top">
                      <td className="px-3 py-2 whitespace-nowrap">{r.responder ?? <span className="text-muted-foreground">Anonymous</span>}</td>
                      {r.answers.map((ans, i) => (
                        <td key={i} className="max-w-60 px-3 py-2 whitespace-pre-wrap [overflow-wrap:anywhere]">
                          {ans}
                        </td>
                      ))}
                      <td className="px-3 py-2 whitespace-nowrap text-muted-foreground" suppressHydrationWarning>
                        {when(r.respondedAt)}
                      </td>
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
                Download responses (CSV)
              </a>
            </div>
          </div>
        )
      )}
    </ActionCard>
  );
}
