import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { UsageCharts } from '@/components/usage/usage-charts';
import { requireVerifiedUser } from '@/lib/auth';
import { getConnectorDetails } from '@/lib/connectors';
import { pageData } from '@/lib/server-actions/page-data';
import { usageSeries } from '@/lib/usage';
import { isUuid } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('usage.meta');
  return { title: t('title') };
}

export default async function ConnectorUsagePage({ params }: PageProps<'/connectors/[id]/usage'>) {
  const user = await requireVerifiedUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // whoever may open the connector may see its usage
  const c = await pageData(user, getConnectorDetails(user, id));
  const [hours, days] = await Promise.all([usageSeries(c.id, 'hour', 168), usageSeries(c.id, 'day', 90)]);
  const t = await getTranslations('usage.page');
  return (
    <div className="grid gap-6">
      <PageHeader parent={{ href: `/connectors/${c.id}`, label: c.name }} title={t('title')}>
        <p className="mt-1 text-sm text-muted-foreground">{t('intro')}</p>
      </PageHeader>
      <UsageCharts hours={hours} days={days} />
    </div>
  );
}
