import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { NewGroupForm } from '@/components/groups/new-group-form';
import { requireVerifiedUser } from '@/lib/auth';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.titles');
  return { title: t('new') };
}

export default async function NewGroupPage() {
  await requireVerifiedUser();
  const t = await getTranslations('groups');
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeader parent={{ href: '/groups', label: t('header.groups') }} title={t('titles.new')} />
      <NewGroupForm />
    </div>
  );
}
