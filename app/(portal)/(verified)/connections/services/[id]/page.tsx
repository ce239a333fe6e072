import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConnectForm } from '@/components/connections/connect-form';
import { DeleteService } from '@/components/connections/connection-controls';
import { ServiceDetails } from '@/components/connections/service-details';
import { requireVerifiedUser } from '@/lib/auth';
import { getServiceDetails, redirectUrl } from '@/lib/connections';
import { pageData } from '@/lib/server-actions/page-data';
import { isUuid } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connections.meta');
  return { title: t('service') };
}

export default async function ServicePage({ params }: PageProps<'/connections/services/[id]'>) {
  const user = await requireVerifiedUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const s = await pageData(user, getServiceDetails(user, id));
  const t = await getTranslations('connections.list');
  return (
    <div className="grid gap-6">
      <div>
        <Link href="/connections" className="text-sm text-primary hover:underline">
          {t('back')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{s.name}</h1>
      </div>
      {user.isOrgAdmin && <ConnectForm serviceId={s.id} authType={s.authType} defaultScopes={s.defaultScopes} />}
      <ServiceDetails s={s} redirectUrl={redirectUrl()} />
      {user.isOrgAdmin && <DeleteService id={s.id} name={s.name} connections={s.connections} />}
    </div>
  );
}
