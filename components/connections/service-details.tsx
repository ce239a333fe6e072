import { useTranslations } from 'next-intl';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { ServiceDto } from '@/lib/connections';

/** Everything about a service except its secret. */
export function ServiceDetails({ s, redirectUrl }: { s: ServiceDto; redirectUrl: string }) {
  const t = useTranslations('connections');
  const oauth = s.authType === 'oauth2';
  const rows: [string, string | null][] = [
    [t('fields.authType'), t(`authTypes.${s.authType}`)],
    [t('fields.clientId'), oauth ? s.clientId : null],
    [t('fields.clientSecret'), oauth ? (s.hasClientSecret ? t('details.storedEncrypted') : t('details.none')) : null],
    [t('setup.redirectUrl'), oauth ? redirectUrl : null],
    [t('fields.authorizationUrl'), s.authorizationUrl],
    [t('fields.tokenUrl'), s.tokenUrl],
    [t('fields.refreshUrl'), oauth ? (s.refreshUrl ?? t('details.sameAsToken')) : null],
    [t('fields.revocationUrl'), s.revocationUrl],
    [t('fields.defaultScopes'), s.defaultScopes.join(' ') || null],
    [
      t('fields.extraAuthParams'),
      Object.entries(s.extraAuthParams)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ') || null,
    ],
    [t('details.clientAuth'), oauth ? (s.tokenAuthMethod === 'basic' ? t('details.httpBasic') : t('details.requestBody')) : null],
    [t('fields.apiKeyHeaderShort'), s.apiKeyHeader],
    [t('fields.allowedBaseUrls'), s.allowedBaseUrls.join(' ')],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('details.title')}</CardTitle>
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
