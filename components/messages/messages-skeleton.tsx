import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

/** Loading state of the MESSAGES tab: a few bubbles and the Send box. */
export function MessagesSkeleton() {
  const t = useTranslations('messages.panel');
  return (
    <Card className="grid gap-4 p-4 sm:p-6" aria-busy="true" aria-label={t('loadingMessages')}>
      <Skeleton className="h-14 w-3/4" />
      <Skeleton className="ml-auto h-10 w-1/2" />
      <Skeleton className="h-14 w-2/3" />
      <Skeleton className="h-20" />
    </Card>
  );
}
