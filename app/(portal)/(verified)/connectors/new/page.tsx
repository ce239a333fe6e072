import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { NewConnectorWizard } from '@/components/connectors/new-connector-wizard';
import { requireVerifiedUser } from '@/lib/auth';
import { publicUrl } from '@/lib/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('connectors.list'))('new') };
}

export default async function NewConnectorPage() {
  await requireVerifiedUser();
  const t = await getTranslations('connectors.list');
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeader parent={{ href: '/connectors', label: t('title') }} title={t('new')} />
      <NewConnectorWizard tokenUrl={`${publicUrl()}v1/accessToken`} />
    </div>
  );
}
