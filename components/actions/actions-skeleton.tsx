import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

/** Loading state of the ACTIONS tab: a few cards. */
export function ActionsSkeleton() {
  const t = useTranslations('actions.panel');
  return (
    <div className="grid gap-4" aria-busy="true" aria-label={t('loadingActions')}>
      {[0, 1, 2].map((i) => (
        <Card key={i} className="grid gap-3 p-4 sm:p-6">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-8" />
          <Skeleton className="h-8 w-5/6" />
        </Card>
      ))}
    </div>
  );
}
