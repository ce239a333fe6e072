import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SectionTiles } from '@/components/layout/section-tiles';
import { requireVerifiedUser } from '@/lib/auth';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('common.home'))('metaTitle') };
}

export default async function HomePage() {
  const user = await requireVerifiedUser();
  const t = await getTranslations('common.home');
  const firstName = (user.name ?? '').split(' ')[0];
  return (
    <div className="grid gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{firstName ? t('welcome', { name: firstName }) : t('welcomeNoName')}</h1>
        <p className="mt-1 text-muted-foreground">
          {user.tenantName} · {user.isOrgAdmin ? t('orgAdmin') : t('member')}
        </p>
      </div>
      <SectionTiles />
    </div>
  );
}
