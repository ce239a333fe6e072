import type { Metadata } from 'next';
import { ServiceSetup } from '@/components/connections/service-setup';
import { requireVerifiedUser } from '@/lib/auth';
import { allowHttpForServices, redirectUrl } from '@/lib/connections';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connections.meta');
  return { title: t('new') };
}

export default async function NewServicePage() {
  const user = await requireVerifiedUser();
  if (!user.isOrgAdmin) forbidden();
  const t = await getTranslations('connections');
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('list.addService')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t('setup.intro')}</p>
      </div>
      <ServiceSetup redirectUrl={redirectUrl()} allowHttp={allowHttpForServices()} />
    </div>
  );
}
