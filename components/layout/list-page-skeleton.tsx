import { Skeleton } from '@/components/ui/skeleton';

/** Loading state of a list page: title, toolbar, table. */
export function ListPageSkeleton({ label }: { label: string }) {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label={label}>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-9 w-96" />
      <Skeleton className="h-64" />
    </div>
  );
}
