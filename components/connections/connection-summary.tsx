import { useTranslations } from 'next-intl';
import { Card, CardContent } from '@/components/ui/card';
import type { ConnectionDto } from '@/lib/connections';
import { ConnectionStatusBadge, useWhen } from './status-badge';

export function ConnectionSummary({ c }: { c: ConnectionDto }) {
  const t = useTranslations('connections.connection');
  const when = useWhen();
  const rows: [string, React.ReactNode][] = [
    [t('status'), <ConnectionStatusBadge key="s" status={c.status} />],
    [t('account'), c.accountIdentity ?? '—'],
    [
      t('scopes'),
      <span key="sc" className="break-all font-mono text-xs">
        {c.scopes.join(' ') || '—'}
      </span>,
    ],
    [t('expires'), when(c.expiresAt, c.authType === 'oauth2' ? '—' : 'never')],
    [t('lastRefreshed'), when(c.lastRefreshedAt, '—')],
    [t('lastUsed'), when(c.lastUsedAt, 'never')],
    [
      t('lastError'),
      c.lastError ? (
        <span key="e" className="text-destructive">
          {c.lastError} ({when(c.lastErrorAt)})
        </span>
      ) : (
        '—'
      ),
    ],
  ];
  return (
    <Card>
      <CardContent className="pt-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-6" aria-label={t('summary')}>
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-muted-foreground">{k}</dt>
              <dd className="min-w-0 break-words">{v}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
