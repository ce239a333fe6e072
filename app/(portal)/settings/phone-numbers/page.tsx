import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PhoneNumbersPanel } from '@/components/phone/phone-numbers-panel';
import { requireUser } from '@/lib/auth';
import { listPhoneNumbers } from '@/lib/phone';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('phone.page'))('title') };
}

export default async function PhoneNumbersPage({ searchParams }: PageProps<'/settings/phone-numbers'>) {
  const user = await requireUser();
  const params = await searchParams;
  const numbers = await listPhoneNumbers(user);
  const hasVerified = numbers.some((n) => n.verified);
  const t = await getTranslations('phone.page');
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <p className="text-sm text-muted-foreground">{t('settings')}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      </div>
      <PhoneNumbersPanel numbers={numbers} mustRegister={!hasVerified} startAdding={params.add === '1' || !hasVerified} />
    </div>
  );
}
