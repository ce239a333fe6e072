import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { OutboxList } from '@/components/dev/outbox-list';
import { QueryProvider } from '@/components/query-provider';
import { devOutboxEnabled } from '@/lib/sms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('phone.outbox'))('metaTitle') };
}

export default async function DevOutboxPage() {
  await connection();
  if (!devOutboxEnabled()) notFound();
  const t = await getTranslations('phone.outbox');
  return (
    <main className="mx-auto grid max-w-3xl gap-6 px-4 py-8">
      <div>
        <p className="text-sm text-muted-foreground">{t('devOnly')}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t.rich('intro', { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
      </div>
      <QueryProvider>
        <OutboxList />
      </QueryProvider>
    </main>
  );
}
