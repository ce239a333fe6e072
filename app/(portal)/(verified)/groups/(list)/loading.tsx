import { useTranslations } from 'next-intl';
import { ListPageSkeleton } from '@/components/layout/list-page-skeleton';

export default function Loading() {
  const t = useTranslations('groups.list');
  return <ListPageSkeleton label={t('loading')} />;
}
