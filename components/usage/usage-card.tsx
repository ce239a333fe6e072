import { BarChart3 } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { UsagePoint } from '@/lib/usage';
import { Sparkline } from './sparkline';
import { UsageTotals } from './usage-totals';

/** The connector page's summary of its last 7 days of API calls, linking to the charts. */
export function UsageCard({ connectorId, week }: { connectorId: string; week: UsagePoint[] }) {
  const t = useTranslations('usage.card');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center gap-x-8 gap-y-4">
        <UsageTotals points={week} label={t('week')} testIdPrefix="usage-week" />
        <Sparkline values={week.map((p) => p.calls)} label={t('sparkline')} className="text-primary" />
        <Link
          href={`/connectors/${connectorId}/usage`}
          className="inline-flex items-center gap-1.5 text-sm font-medium text-primary underline-offset-4 hover:underline sm:ml-auto"
        >
          <BarChart3 aria-hidden className="size-4" />
          {t('charts')}
        </Link>
      </CardContent>
    </Card>
  );
}
