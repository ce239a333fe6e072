import { Plug, Plus } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SortHeader } from '@/components/data-table/sort-header';
import type { ConnectorListItem, ConnectorSort } from '@/lib/connectors';
import { Sparkline } from '@/components/usage/sparkline';

export function StatusBadge({ status }: { status: 'active' | 'inactive' }) {
  return status === 'active' ? <Badge variant="success">Active</Badge> : <Badge variant="muted">Inactive</Badge>;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

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
  const col = { sort, dir, path: '/connectors', params };
  if (rows.length === 0) {
    return (
      <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
        <Plug aria-hidden className="size-10 text-muted-foreground" />
        <p className="text-lg font-medium">
          {q ? `No connectors match "${q}"` : view === 'mine' ? 'You have not created a connector yet' : 'Your organization has no connectors yet'}
        </p>
        <p className="max-w-md text-sm text-muted-foreground">
          A connector gets a Connector ID and Secret. Group admins add it to their groups and hand you a refresh token for the token service.
        </p>
        <Link href="/connectors/new" className={buttonVariants()}>
          <Plus aria-hidden />
          New Connector
        </Link>
      </Card>
    );
  }
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{view === 'mine' ? 'Connectors created by me' : 'All connectors of the organization'}</caption>
        <thead className="border-b border-border bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <SortHeader label="Name" column="name" {...col} />
            <SortHeader label="Created by" column="owner" {...col} />
            <SortHeader label="Status" column="status" {...col} />
            <SortHeader label="Groups" column="groups" {...col} className="text-right" defaultDir="desc" />
            <SortHeader label="Created" column="created" {...col} defaultDir="desc" />
            <th scope="col" className="px-4 py-3 font-medium">
              Calls, 7 days
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
                <time dateTime={r.createdAt}>{dateFormat.format(new Date(r.createdAt))}</time>
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

const callCount = new Intl.NumberFormat('en');

function WeekOfCalls({ days }: { days: number[] }) {
  const total = days.reduce((n, d) => n + d, 0);
  return (
    <span className="inline-flex items-center gap-2 text-muted-foreground">
      <Sparkline values={days.length ? days : [0, 0]} label={`${callCount.format(total)} calls in the last 7 days`} className="text-primary" />
      <span className="tabular-nums" aria-hidden>
        {callCount.format(total)}
      </span>
    </span>
  );
}
