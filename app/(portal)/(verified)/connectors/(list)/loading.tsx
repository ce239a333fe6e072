import { useTranslations } from 'next-intl';
import { ListPageSkeleton } from '@/components/layout/list-page-skeleton';

export default function Loading() {
  return <ListPageSkeleton label={useTranslations('connectors.list')('loading')} />;
}
