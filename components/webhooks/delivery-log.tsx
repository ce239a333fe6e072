'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { submitWith } from '@/lib/forms';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { DeliveryDto } from '@/lib/webhooks';
import { redeliverFailedAction, redeliverOneAction } from '@/lib/webhooks/actions';

const STATE = { succeeded: 'success', failed: 'warning', pending: 'muted' } as const;
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Each delivery: event, attempts, last status code, latency, next retry, response excerpt; Redeliver one or all failed in a range. */
export function DeliveryLog({ webhookId, deliveries, active }: { webhookId: string; deliveries: DeliveryDto[]; active: boolean }) {
  const t = useTranslations('webhooks.deliveries');
  const format = useFormatter();
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'long' });
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
            (d) => t('queued', { count: d.count }),
            (res) => setErrors(res.ok ? {} : (res.fieldErrors ?? {})),
          ),
        )}
      >
        <Field id="redeliver-from" label={t('failedSince')} errors={errors.from}>
          {(aria) => <Input {...aria} name="from" type="datetime-local" defaultValue={local(new Date(now.getTime() - 86_400_000))} />}
        </Field>
        <Field id="redeliver-to" label={t('until')} errors={errors.to}>
          {(aria) => <Input {...aria} name="to" type="datetime-local" defaultValue={local(new Date(now.getTime() + 60_000))} />}
        </Field>
        <Button type="submit" variant="outline" disabled={pending || !active}>
          {t('redeliverFailed')}
        </Button>
      </form>
      {deliveries.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label={t('table')}>
            <thead className="text-xs uppercase text-muted-foreground">
              <tr>
                <th className="p-2">{t('event')}</th>
                <th className="p-2">{t('status')}</th>
                <th className="p-2">{t('attempts')}</th>
                <th className="p-2">{t('code')}</th>
                <th className="p-2">{t('latency')}</th>
                <th className="p-2">{t('nextRetry')}</th>
                <th className="p-2">{t('response')}</th>
                <th className="p-2">
                  <span className="sr-only">{t('redeliver')}</span>
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
                    <div className="text-xs text-muted-foreground">{time(d.createdAt)}</div>
                  </td>
                  <td className="p-2">
                    <Badge variant={STATE[d.state]}>{t(`states.${d.state === 'pending' ? (d.attempts ? 'retrying' : 'queued') : d.state}`)}</Badge>
                  </td>
                  <td className="p-2">{d.attempts}</td>
                  <td className="p-2">{d.status ?? '—'}</td>
                  <td className="p-2">{d.latencyMs !== null ? t('ms', { ms: d.latencyMs }) : '—'}</td>
                  <td className="p-2">{d.nextRetry ? time(d.nextRetry) : '—'}</td>
                  <td className="max-w-64 truncate p-2 font-mono text-xs" title={d.response}>
                    {d.response || '—'}
                  </td>
                  <td className="p-2">
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={pending || !active || d.state === 'pending'}
                      aria-label={t('redeliverOne', { event: d.eventType, id: d.eventId })}
                      onClick={() => run(() => redeliverOneAction({ webhookId, deliveryId: d.id }), t('oneQueued'))}
                    >
                      {t('redeliver')}
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
