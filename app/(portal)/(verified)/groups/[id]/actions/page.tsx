import { ListChecks } from 'lucide-react';
import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { groupPageContext } from '../group-context';

export const metadata: Metadata = { title: 'Group actions' };

export default async function GroupActionsPage({ params }: PageProps<'/groups/[id]/actions'>) {
  await groupPageContext((await params).id);
  return (
    <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
      <ListChecks aria-hidden className="size-10 text-muted-foreground" />
      <p className="text-lg font-medium">No actions yet</p>
      <p className="max-w-md text-sm text-muted-foreground">
        Jobs, polls, surveys and other Actions that connectors post to this group through the API will appear here.
      </p>
    </Card>
  );
}
