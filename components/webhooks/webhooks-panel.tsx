import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { WebhookDto } from '@/lib/webhooks';
import { WebhookActions } from './webhook-actions';

export function successRate(w: Pick<WebhookDto, 'succeeded' | 'failed'>): string {
  const done = w.succeeded + w.failed;
  return done ? `${Math.round((w.succeeded / done) * 100)} %` : '—';
}

export function WebhookStatus({ w }: { w: WebhookDto }) {
  return w.active ? <Badge variant="success">Active</Badge> : <Badge variant="warning">Disabled</Badge>;
}

/** The WEBHOOKS section of a group or connector page: status, why disabled, events, URL, success rate (7 days). */
export function WebhooksPanel({ webhooks, show, empty }: { webhooks: WebhookDto[]; show: 'connector' | 'group'; empty: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Webhooks</CardTitle>
        <CardDescription>
          Registered over the API (<code>POST /v1/webhook</code>). Deliveries are signed (Standard Webhooks) and retried for about 2 days; a webhook whose
          deliveries keep failing, or whose receiver answers 410, is disabled.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {webhooks.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <ul className="grid gap-4" aria-label="Webhooks">
            {webhooks.map((w) => (
              <li key={w.id} className="grid gap-2 rounded-md border border-border p-3" aria-label={`Webhook ${w.url}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <WebhookStatus w={w} />
                  <code className="break-all font-mono text-sm">{w.url}</code>
                </div>
                {!w.active && w.disabledWhy && <p className="text-sm text-amber-900">Disabled: {w.disabledWhy}.</p>}
                <dl className="grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
                  <dt className="text-muted-foreground">{show === 'group' ? 'Connector' : 'Group'}</dt>
                  <dd>
                    {show === 'group' ? w.connectorName : w.groupName}
                    {w.objectType !== 'Group' && (
                      <span className="text-muted-foreground">
                        {' '}
                        ({w.objectType.toLowerCase()} {w.objectId.slice(0, 8)})
                      </span>
                    )}
                  </dd>
                  <dt className="text-muted-foreground">Events</dt>
                  <dd>{w.events.join(', ')}</dd>
                  <dt className="text-muted-foreground">Success rate (7 days)</dt>
                  <dd>
                    {successRate(w)}{' '}
                    <span className="text-muted-foreground">
                      ({w.succeeded} delivered, {w.failed} failed, {w.pending} waiting)
                    </span>
                  </dd>
                </dl>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <WebhookActions w={w} />
                  <Link href={`/webhooks/${w.id}`} className="text-sm text-primary underline-offset-4 hover:underline">
                    Delivery log
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
