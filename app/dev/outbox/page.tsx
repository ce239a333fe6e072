import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { OutboxList } from '@/components/dev/outbox-list';
import { QueryProvider } from '@/components/query-provider';
import { devOutboxEnabled } from '@/lib/sms';

export const metadata: Metadata = { title: 'SMS outbox (dev)' };

export default async function DevOutboxPage() {
  await connection();
  if (!devOutboxEnabled()) notFound();
  return (
    <main className="mx-auto grid max-w-3xl gap-6 px-4 py-8">
      <div>
        <p className="text-sm text-muted-foreground">Development only · not available in production</p>
        <h1 className="text-2xl font-semibold tracking-tight">SMS outbox</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          With <code className="font-mono">SMS_PROVIDER=outbox</code>, text messages are stored here instead of being sent. Newest first; refreshes by itself.
        </p>
      </div>
      <QueryProvider>
        <OutboxList />
      </QueryProvider>
    </main>
  );
}
