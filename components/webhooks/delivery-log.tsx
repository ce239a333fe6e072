'use client';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { submitWith } from '@/lib/forms';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { DeliveryDto } from '@/lib/webhooks';
import { redeliverFailedAction, redeliverOneAction } from '@/lib/webhooks/actions';

const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });
const STATE = { succeeded: 'success', failed: 'warning', pending: 'muted' } as const;
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Each delivery: event, attempts, last status code, latency, next retry, response excerpt; Redeliver one or all failed in a range. */
export function DeliveryLog({ webhookId, deliveries, active }: { webhookId: string; deliveries: DeliveryDto[]; active: boolean }) {
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const now = new Date();
  return (
    <div className="grid gap-4">
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={submitWith((form) =>
          run(
            () =>
              redeliverFailedAction({
                webhookId,
                from: new Date(String(form.get('from'))),
                to: new Date(String(form.get('to'))),
              }),
            (d) => `${d.count} failed deliver${d.count === 1 ? 'y' : 'ies'} queued again.`,
            (res) => setErrors(res.ok ? {} : (res.fieldErrors ?? {})),
          ),
        )}
      >
        <Field id="redeliver-from" label="Failed since" errors={errors.from}>
          {(aria) => <Input {...aria} name="from" type="datetime-local" defaultValue={local(new Date(now.getTime() - 86_400_000))} />}
        </Field>
        <Field id="redeliver-to" label="Until" errors={errors.to}>
          {(aria) => <Input {...aria} name="to" type="datetime-local" defaultValue={local(new Date(now.getTime() + 60_000))} />}
        </Field>
        <Button type="submit" variant="outline" disabled={pending || !active}>
          Redeliver failed
        </Button>
      </form>
      {deliveries.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing was delivered yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Deliveries">
            <thead className="text-xs uppercase text-muted-foreground">
              <tr>
                <th className="p-2">Event</th>
                <th className="p-2">Status</th>
                <th className="p-2">Attempts</th>
                <th className="p-2">Code</th>
                <th className="p-2">Latency</th>
                <th className="p-2">Next retry</th>
                <th className="p-2">Response</th>
                <th className="p-2">
                  <span className="sr-only">Redeliver</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-t border-border align-top">
                  <td className="p-2">
                    <div className="font-medium">{d.eventType}</div>
                    <div className="font-mono text-xs text-muted-foreground" title={d.eventId}>
                      {d.eventId}
                    </div>
                    <div className="text-xs text-muted-foreground">{time.format(new Date(d.createdAt))}</div>
                  </td>
                  <td className="p-2">
                    <Badge variant={STATE[d.state]}>{d.state === 'pending' ? (d.attempts ? 'retrying' : 'queued') : d.state}</Badge>
                  </td>
                  <td className="p-2">{d.attempts}</td>
                  <td className="p-2">{d.status ?? '—'}</td>
                  <td className="p-2">{d.latencyMs !== null ? `${d.latencyMs} ms` : '—'}</td>
                  <td className="p-2">{d.nextRetry ? time.format(new Date(d.nextRetry)) : '—'}</td>
                  <td className="max-w-64 truncate p-2 font-mono text-xs" title={d.response}>
                    {d.response || '—'}
                  </td>
                  <td className="p-2">
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={pending || !active || d.state === 'pending'}
                      aria-label={`Redeliver ${d.eventType} ${d.eventId}`}
                      onClick={() => run(() => redeliverOneAction({ webhookId, deliveryId: d.id }), 'Delivery queued again.')}
                    >
                      Redeliver
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
