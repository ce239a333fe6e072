import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { WebhooksPanel } from '@/components/webhooks/webhooks-panel';
import { webhooksOfGroup } from '@/lib/webhooks';
import { groupPageContext } from '../group-context';

export const metadata: Metadata = { title: 'Group webhooks' };

export default async function GroupWebhooksPage({ params }: PageProps<'/groups/[id]/webhooks'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  // like CONNECTORS: the group's admins and org admins (connector owners see theirs on the connector page)
  if (!view.canGrant) forbidden();
  const webhooks = await webhooksOfGroup(user, id);
  return <WebhooksPanel webhooks={webhooks} show="group" empty={`No connector has registered a webhook on ${view.group.name} yet.`} />;
}
