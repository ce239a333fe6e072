import { MessagesSkeleton } from '@/components/messages/messages-skeleton';

export default function Loading() {
  return <MessagesSkeleton />;
}
