import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import type { ServiceDto } from '@/lib/connections';

export function ServicesList({ services, isOrgAdmin }: { services: ServiceDto[]; isOrgAdmin: boolean }) {
  const t = useTranslations('connections');
  if (services.length === 0) {
    return <p className="text-sm text-muted-foreground">{isOrgAdmin ? t('services.emptyAdmin') : t('services.emptyMember')}</p>;
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('services.label')}>
      {services.map((s) => (
        <li key={s.id}>
          <Card className="grid h-full gap-1 p-4">
            <Link href={`/connections/services/${s.id}`} className="font-medium text-primary hover:underline">
              {s.name}
            </Link>
            <p className="text-xs text-muted-foreground">
              {t(s.authType === 'oauth2' ? 'authTypes.oauth2Long' : `authTypes.${s.authType}`)} · {t('services.connectionCount', { count: s.connections })}
            </p>
            <p className="break-all font-mono text-xs text-muted-foreground">{s.allowedBaseUrls.join(' ')}</p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
