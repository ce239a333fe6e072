import { Plug, Plus } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SortHeader } from '@/components/data-table/sort-header';
import type { ConnectorListItem, ConnectorSort } from '@/lib/connectors';
import { Sparkline } from '@/components/usage/sparkline';

export function StatusBadge({ status }: { status: 'active' | 'inactive' }) {
  const t = useTranslations('connectors.status');
  return status === 'active' ? <Badge variant="success">{t('active')}</Badge> : <Badge variant="muted">{t('inactive')}</Badge>;
}

export function ConnectorsTable({
  rows,
  view,
  q,
  sort,
  dir,
  params,
  weeklyCalls,
}: {
  rows: ConnectorListItem[];
  /** calls per day over the last 7 days, per connector id (the usage sparkline) */
  weeklyCalls: Record<string, number[]>;
  view: 'mine' | 'all';
  q: string;
  sort: ConnectorSort;
  dir: 'asc' | 'desc';
  params: Record<string, string | undefined>;
}) {
  const t = useTranslations('connectors.list');
  const format = useFormatter();
  const col = { sort, dir, path: '/connectors', params };
  if (rows.length === 0) {
    return (
      <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
        <Plug aria-hidden className="size-10 text-muted-foreground" />
        <p className="text-lg font-medium">{q ? t('noMatch', { q }) : view === 'mine' ? t('emptyMine') : t('emptyAll')}</p>
        <p className="max-w-md text-sm text-muted-foreground">{t('emptyText')}</p>
        <Link href="/connectors/new" className={buttonVariants()}>
          <Plus aria-hidden />
          {t('new')}
        </Link>
      </Card>
    );
  }
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{view === 'mine' ? t('captionMine') : t('captionAll')}</caption>
        <thead className="border-b border-border bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <SortHeader label={t('columns.name')} column="name" {...col} />
            <SortHeader label={t('columns.owner')} column="owner" {...col} />
            <SortHeader label={t('columns.status')} column="status" {...col} />
            <SortHeader label={t('columns.groups')} column="groups" {...col} className="text-right" defaultDir="desc" />
            <SortHeader label={t('columns.created')} column="created" {...col} defaultDir="desc" />
            <th scope="col" className="px-4 py-3 font-medium">
              {t('columns.calls')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-muted/30">
              <td className="px-4 py-3 font-medium">
                <Link href={`/connectors/${r.id}`} className="text-primary hover:underline">
                  {r.name}
                </Link>
              </td>
              <td className="px-4 py-3">{r.createdBy ?? '—'}</td>
              <td className="px-4 py-3">
                <StatusBadge status={r.status} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{r.groups}</td>
              <td className="px-4 py-3 text-muted-foreground">
                <time dateTime={r.createdAt}>{format.dateTime(new Date(r.createdAt), { dateStyle: 'medium' })}</time>
              </td>
              <td className="px-4 py-3">
                <WeekOfCalls days={weeklyCalls[r.id] ?? []} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function WeekOfCalls({ days }: { days: number[] }) {
  const t = useTranslations('connectors.list');
  const format = useFormatter();
  const total = days.reduce((n, d) => n + d, 0);
  return (
    <span className="inline-flex items-center gap-2 text-muted-foreground">
      <Sparkline values={days.length ? days : [0, 0]} label={t('callsLabel', { count: total })} className="text-primary" />
      <span className="tabular-nums" aria-hidden>
        {format.number(total)}
      </span>
    </span>
  );
}
