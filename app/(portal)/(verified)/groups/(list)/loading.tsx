import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading groups">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-9 w-96" />
      <Skeleton className="h-64" />
    </div>
  );
}
