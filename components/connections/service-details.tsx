import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { ServiceDto } from '@/lib/connections';

const AUTH = { oauth2: 'OAuth 2', api_key: 'API key', basic: 'Basic' } as const;

/** Everything about a service except its secret. */
export function ServiceDetails({ s, redirectUrl }: { s: ServiceDto; redirectUrl: string }) {
  const rows: [string, string | null][] = [
    ['Authentication type', AUTH[s.authType]],
    ['Client ID', s.authType === 'oauth2' ? s.clientId : null],
    ['Client secret', s.authType === 'oauth2' ? (s.hasClientSecret ? 'Stored encrypted' : 'None') : null],
    ['Redirect URL', s.authType === 'oauth2' ? redirectUrl : null],
    ['Authorization URL', s.authorizationUrl],
    ['Access-token URL', s.tokenUrl],
    ['Refresh-token URL', s.authType === 'oauth2' ? (s.refreshUrl ?? 'Same as the access-token URL') : null],
    ['Revocation URL', s.revocationUrl],
    ['Default scopes', s.defaultScopes.join(' ') || null],
    [
      'Extra authorization parameters',
      Object.entries(s.extraAuthParams)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ') || null,
    ],
    ['Client authentication', s.authType === 'oauth2' ? (s.tokenAuthMethod === 'basic' ? 'HTTP Basic' : 'Request body') : null],
    ['API key header', s.apiKeyHeader],
    ['Allowed API base URLs', s.allowedBaseUrls.join(' ')],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Service</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-6">
          {rows
            .filter((r): r is [string, string] => r[1] !== null)
            .map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium text-muted-foreground">{k}</dt>
                <dd className="min-w-0 break-all font-mono text-xs sm:pt-0.5">{v}</dd>
              </div>
            ))}
        </dl>
      </CardContent>
    </Card>
  );
}
