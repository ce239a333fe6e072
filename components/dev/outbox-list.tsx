'use client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Inbox } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

interface OutboxMessage {
  id: string;
  to: string;
  body: string;
  createdAt: string;
}

export const outboxQuery = queryOptions({
  queryKey: ['dev', 'outbox'],
  queryFn: async (): Promise<OutboxMessage[]> => {
    const res = await fetch('/dev/outbox/messages', { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  },
  refetchInterval: 2_000,
  staleTime: 0,
});

export function OutboxList() {
  const { data, isPending, isError } = useQuery(outboxQuery);
  const t = useTranslations('phone.outbox');
  const format = useFormatter();
  if (isPending) {
    return (
      <div className="grid gap-3" aria-busy="true" aria-label={t('loading')}>
        <Skeleton className="h-16" />
        <Skeleton className="h-16" />
      </div>
    );
  }
  if (isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {t('loadFailed')}
      </p>
    );
  if (data.length === 0) {
    return (
      <Card className="flex flex-col items-center gap-2 py-10 text-center">
        <Inbox aria-hidden className="size-8 text-muted-foreground" />
        <p className="font-medium">{t('emptyTitle')}</p>
        <p className="text-sm text-muted-foreground">{t('emptyText')}</p>
      </Card>
    );
  }
  return (
    <ul className="grid gap-3" aria-label={t('listLabel')}>
      {data.map((m) => (
        <li key={m.id}>
          <Card className="p-4">
            <div className="flex items-center justify-between text-xs text-muted-foreground">
              <span>{t.rich('to', { phone: m.to, mono: (chunks) => <span className="font-mono text-foreground">{chunks}</span> })}</span>
              <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt), { dateStyle: 'medium', timeStyle: 'medium' })}</time>
            </div>
            <p className="mt-2 text-sm">{m.body}</p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
