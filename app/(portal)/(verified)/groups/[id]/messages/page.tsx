import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MessagesPanel } from '@/components/messages/messages-panel';
import { can } from '@/lib/authz';
import { listGroupMessages } from '@/lib/messages';
import { groupPageContext } from '../group-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.titles');
  return { title: t('messages') };
}

export default async function GroupMessagesPage({ params }: PageProps<'/groups/[id]/messages'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  const initial = await listGroupMessages(user, id);
  return <MessagesPanel groupId={id} initial={initial} canPost={can(user, 'group.post', view.ref)} role={view.actorRole} />;
}
