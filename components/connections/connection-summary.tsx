import { Card, CardContent } from '@/components/ui/card';
import type { ConnectionDto } from '@/lib/connections';
import { ConnectionStatusBadge, when } from './status-badge';

export function ConnectionSummary({ c }: { c: ConnectionDto }) {
  const rows: [string, React.ReactNode][] = [
    ['Status', <ConnectionStatusBadge key="s" status={c.status} />],
    ['Account', c.accountIdentity ?? '—'],
    [
      'Scopes',
      <span key="sc" className="break-all font-mono text-xs">
        {c.scopes.join(' ') || '—'}
      </span>,
    ],
    ['Access token expires', when(c.expiresAt, c.authType === 'oauth2' ? '—' : 'never')],
    ['Last refreshed', when(c.lastRefreshedAt, '—')],
    ['Last used', when(c.lastUsedAt, 'never')],
    [
      'Last error',
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
        <dl className="grid gap-3 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-6" aria-label="Connection">
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
