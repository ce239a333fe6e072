import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { WebhookDto } from '@/lib/webhooks';
import { WebhookActions } from './webhook-actions';

/** Share of the finished deliveries (7 days) that succeeded, in whole percent; null when none finished. */
export function successPercent(w: Pick<WebhookDto, 'succeeded' | 'failed'>): number | null {
  const done = w.succeeded + w.failed;
  return done ? Math.round((w.succeeded / done) * 100) : null;
}

export function WebhookStatus({ w }: { w: WebhookDto }) {
  const t = useTranslations('webhooks.status');
  return w.active ? <Badge variant="success">{t('active')}</Badge> : <Badge variant="warning">{t('disabled')}</Badge>;
}

/** The WEBHOOKS section of a group or connector page: status, why disabled, events, URL, success rate (7 days). */
export function WebhooksPanel({ webhooks, show, empty }: { webhooks: WebhookDto[]; show: 'connector' | 'group'; empty: string }) {
  const t = useTranslations('webhooks');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('panel.title')}</CardTitle>
        <CardDescription>{t.rich('panel.description', { code: (chunks) => <code>{chunks}</code> })}</CardDescription>
      </CardHeader>
      <CardContent>
        {webhooks.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <ul className="grid gap-4" aria-label={t('panel.list')}>
            {webhooks.map((w) => {
              const percent = successPercent(w);
              return (
                <li key={w.id} className="grid gap-2 rounded-md border border-border p-3" aria-label={t('panel.item', { url: w.url })}>
                  <div className="flex flex-wrap items-center gap-2">
                    <WebhookStatus w={w} />
                    <code className="break-all font-mono text-sm">{w.url}</code>
                  </div>
                  {!w.active && w.disabledReason && (
                    <p className="text-sm text-amber-900">{t('panel.disabled', { why: t(`disabledWhy.${w.disabledReason}`) })}</p>
                  )}
                  <dl className="grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
                    <dt className="text-muted-foreground">{show === 'group' ? t('panel.connector') : t('panel.group')}</dt>
                    <dd>
                      {show === 'group' ? w.connectorName : w.groupName}
                      {w.objectType !== 'Group' && (
                        <span className="text-muted-foreground"> {t('panel.object', { type: w.objectType.toLowerCase(), id: w.objectId.slice(0, 8) })}</span>
                      )}
                    </dd>
                    <dt className="text-muted-foreground">{t('panel.events')}</dt>
                    <dd>{w.events.join(', ')}</dd>
                    <dt className="text-muted-foreground">{t('panel.successRate')}</dt>
                    <dd>
                      {percent === null ? '—' : t('rate', { percent })}{' '}
                      <span className="text-muted-foreground">{t('panel.counts', { succeeded: w.succeeded, failed: w.failed, pending: w.pending })}</span>
                    </dd>
                  </dl>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <WebhookActions w={w} />
                    <Link href={`/webhooks/${w.id}`} className="text-sm text-primary underline-offset-4 hover:underline">
                      {t('panel.deliveryLog')}
                    </Link>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
