import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ConnectionsTable } from '@/components/connections/connections-table';
import { ServicesList } from '@/components/connections/services-list';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { requireVerifiedUser } from '@/lib/auth';
import { listConnections, listServices } from '@/lib/connections';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connections.meta');
  return { title: t('list') };
}

export default async function ConnectionsPage() {
  const user = await requireVerifiedUser();
  const [rows, services] = await Promise.all([listConnections(user), listServices(user)]);
  const broken = rows.filter((r) => r.status === 'needs_reconnect');
  const t = await getTranslations('connections.list');
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
            {t.rich('intro', {
              endpoint: 'POST /v1/connections/{linkName}/invoke',
              code: (chunks) => <code className="font-mono text-xs">{chunks}</code>,
            })}
          </p>
        </div>
        {user.isOrgAdmin && (
          <Link href="/connections/new" className={buttonVariants()}>
            <Plus aria-hidden />
            {t('addService')}
          </Link>
        )}
      </div>
      {broken.length > 0 && (
        <Alert variant="error">
          {broken.length === 1 ? t('brokenOne', { name: broken[0]!.name }) : t('brokenMany', { count: broken.length })}{' '}
          {user.isOrgAdmin ? t('openAndReconnect') : t('askAdmin')}
        </Alert>
      )}
      <section aria-labelledby="connections-heading" className="grid gap-3">
        <h2 id="connections-heading" className="text-lg font-semibold">
          {t('connectionsHeading')}
        </h2>
        <ConnectionsTable rows={rows} />
      </section>
      <section aria-labelledby="services-heading" className="grid gap-3">
        <h2 id="services-heading" className="text-lg font-semibold">
          {t('servicesHeading')}
        </h2>
        <ServicesList services={services} isOrgAdmin={user.isOrgAdmin} />
      </section>
    </div>
  );
}
