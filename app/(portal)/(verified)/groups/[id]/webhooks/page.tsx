import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { WebhooksPanel } from '@/components/webhooks/webhooks-panel';
import { webhooksOfGroup } from '@/lib/webhooks';
import { groupPageContext } from '../group-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.titles');
  return { title: t('webhooks') };
}

export default async function GroupWebhooksPage({ params }: PageProps<'/groups/[id]/webhooks'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  // like CONNECTORS: the group's admins and org admins (connector owners see theirs on the connector page)
  if (!view.canGrant) forbidden();
  const webhooks = await webhooksOfGroup(user, id);
  const t = await getTranslations('groups');
  return <WebhooksPanel webhooks={webhooks} show="group" empty={t('webhooksEmpty', { name: view.group.name })} />;
}
