import { ListPageSkeleton } from '@/components/layout/list-page-skeleton';

export default function Loading() {
  return <ListPageSkeleton label="Loading groups" />;
}
