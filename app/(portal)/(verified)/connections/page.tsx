import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ConnectionsTable } from '@/components/connections/connections-table';
import { ServicesList } from '@/components/connections/services-list';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { requireVerifiedUser } from '@/lib/auth';
import { listConnections, listServices } from '@/lib/connections';

export const metadata: Metadata = { title: 'Connections' };

export default async function ConnectionsPage() {
  const user = await requireVerifiedUser();
  const [rows, services] = await Promise.all([listConnections(user), listServices(user)]);
  const broken = rows.filter((r) => r.status === 'needs_reconnect');
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Connections</h1>
          <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
            Third-party APIs your integrations call through <code className="font-mono text-xs">POST /v1/connections/&#123;linkName&#125;/invoke</code>, without
            ever holding their credentials. Tokens are kept fresh for you.
          </p>
        </div>
        {user.isOrgAdmin && (
          <Link href="/connections/new" className={buttonVariants()}>
            <Plus aria-hidden />
            Add a service
          </Link>
        )}
      </div>
      {broken.length > 0 && (
        <Alert variant="error">
          {broken.length === 1 ? `“${broken[0]!.name}” needs` : `${broken.length} connections need`} to be reconnected: the provider no longer accepts the
          authorization. {user.isOrgAdmin ? 'Open it and select Reconnect.' : 'Ask an organization admin to reconnect it.'}
        </Alert>
      )}
      <section aria-labelledby="connections-heading" className="grid gap-3">
        <h2 id="connections-heading" className="text-lg font-semibold">
          Connections
        </h2>
        <ConnectionsTable rows={rows} />
      </section>
      <section aria-labelledby="services-heading" className="grid gap-3">
        <h2 id="services-heading" className="text-lg font-semibold">
          Services
        </h2>
        <ServicesList services={services} isOrgAdmin={user.isOrgAdmin} />
      </section>
    </div>
  );
}
