import { Cable } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import type { ConnectionDto } from '@/lib/connections';
import { ConnectionStatusBadge, useWhen } from './status-badge';

const HEADINGS = ['name', 'service', 'linkName', 'status', 'scopes', 'tokenExpires', 'lastUsed', 'lastError'] as const;

export function ConnectionsTable({ rows }: { rows: ConnectionDto[] }) {
  const t = useTranslations('connections.table');
  const when = useWhen();
  if (rows.length === 0) {
    return (
      <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
        <Cable aria-hidden className="size-10 text-muted-foreground" />
        <p className="text-lg font-medium">{t('emptyTitle')}</p>
        <p className="max-w-md text-sm text-muted-foreground">{t('emptyText')}</p>
      </Card>
    );
  }
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-border bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-4 py-3 font-medium">
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((r) => (
            <tr key={r.id} className="align-top hover:bg-muted/30">
              <td className="px-4 py-3 font-medium">
                <Link href={`/connections/${r.id}`} className="text-primary hover:underline">
                  {r.name}
                </Link>
              </td>
              <td className="px-4 py-3">{r.serviceName}</td>
              <td className="px-4 py-3">
                <code className="font-mono text-xs">{r.linkName}</code>
              </td>
              <td className="px-4 py-3">
                <ConnectionStatusBadge status={r.status} />
              </td>
              <td className="max-w-56 break-words px-4 py-3 font-mono text-xs">{r.scopes.join(' ') || '—'}</td>
              <td className="whitespace-nowrap px-4 py-3 text-muted-foreground">{when(r.expiresAt, r.authType === 'oauth2' ? '—' : 'never')}</td>
              <td className="whitespace-nowrap px-4 py-3 text-muted-foreground">{when(r.lastUsedAt, 'never')}</td>
              <td className="max-w-64 break-words px-4 py-3 text-xs text-destructive">{r.lastError ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
