import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DeliveryLog } from '@/components/webhooks/delivery-log';
import { LiveRefresh } from '@/components/webhooks/live-refresh';
import { WebhookActions } from '@/components/webhooks/webhook-actions';
import { successPercent, WebhookStatus } from '@/components/webhooks/webhooks-panel';
import { requireVerifiedUser } from '@/lib/auth';
import { pageData } from '@/lib/server-actions/page-data';
import { isUuid } from '@/lib/utils';
import { deliveryLog } from '@/lib/webhooks';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('webhooks.meta');
  return { title: t('log') };
}

export default async function WebhookLogPage({ params }: PageProps<'/webhooks/[id]'>) {
  const user = await requireVerifiedUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { webhook: w, deliveries } = await pageData(user, deliveryLog(user, id));
  const t = await getTranslations('webhooks');
  const percent = successPercent(w);
  const summary = { events: w.events.join(', '), rate: percent === null ? '—' : t('rate', { percent }) };
  return (
    <div className="grid gap-6">
      <LiveRefresh />
      <div className="grid gap-1">
        <p className="text-sm text-muted-foreground">
          <Link href={`/groups/${w.groupId}/webhooks`} className="underline-offset-4 hover:underline">
            {w.groupName}
          </Link>{' '}
          ·{' '}
          <Link href={`/connectors/${w.connectorId}`} className="underline-offset-4 hover:underline">
            {w.connectorName}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t('log.title')}</h1>
      </div>
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            <WebhookStatus w={w} /> <code className="break-all font-mono text-base">{w.url}</code>
          </CardTitle>
          <CardDescription>
            {!w.active && w.disabledReason ? t('log.summaryDisabled', { ...summary, why: t(`disabledWhy.${w.disabledReason}`) }) : t('log.summary', summary)}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <WebhookActions w={w} />
          <DeliveryLog webhookId={w.id} deliveries={deliveries} active={w.active} />
        </CardContent>
      </Card>
    </div>
  );
}
