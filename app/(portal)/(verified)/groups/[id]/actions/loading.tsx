import { ActionsSkeleton } from '@/components/actions/actions-skeleton';

export default function Loading() {
  return <ActionsSkeleton />;
}
