import { useTranslations } from 'next-intl';
import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  const t = useTranslations('common');
  return (
    <div className="mx-auto grid max-w-3xl gap-6" aria-busy="true" aria-label={t('loading')}>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-48" />
    </div>
  );
}
