import type { Metadata } from 'next';
import { PhoneNumbersPanel } from '@/components/phone/phone-numbers-panel';
import { requireUser } from '@/lib/auth';
import { listPhoneNumbers } from '@/lib/phone';

export const metadata: Metadata = { title: 'Phone numbers' };

export default async function PhoneNumbersPage({ searchParams }: PageProps<'/settings/phone-numbers'>) {
  const user = await requireUser();
  const params = await searchParams;
  const numbers = await listPhoneNumbers(user);
  const hasVerified = numbers.some((n) => n.verified);
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <p className="text-sm text-muted-foreground">Settings</p>
        <h1 className="text-2xl font-semibold tracking-tight">Phone numbers</h1>
      </div>
      <PhoneNumbersPanel numbers={numbers} mustRegister={!hasVerified} startAdding={params.add === '1' || !hasVerified} />
    </div>
  );
}
