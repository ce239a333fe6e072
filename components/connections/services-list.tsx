import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { ServiceDto } from '@/lib/connections';

const AUTH = { oauth2: 'OAuth 2.0', api_key: 'API key', basic: 'Basic' } as const;

export function ServicesList({ services, isOrgAdmin }: { services: ServiceDto[]; isOrgAdmin: boolean }) {
  if (services.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        {isOrgAdmin ? 'No services yet. Add one: pick a known provider or describe a custom one.' : 'No services yet. Organization admins set them up.'}
      </p>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Services">
      {services.map((s) => (
        <li key={s.id}>
          <Card className="grid h-full gap-1 p-4">
            <Link href={`/connections/services/${s.id}`} className="font-medium text-primary hover:underline">
              {s.name}
            </Link>
            <p className="text-xs text-muted-foreground">
              {AUTH[s.authType]} · {s.connections} connection{s.connections === 1 ? '' : 's'}
            </p>
            <p className="break-all font-mono text-xs text-muted-foreground">{s.allowedBaseUrls.join(' ')}</p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
