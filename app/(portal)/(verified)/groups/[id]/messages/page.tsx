import type { Metadata } from 'next';
import { MessagesPanel } from '@/components/messages/messages-panel';
import { can } from '@/lib/authz';
import { listGroupMessages } from '@/lib/messages';
import { groupPageContext } from '../group-context';

export const metadata: Metadata = { title: 'Group messages' };

export default async function GroupMessagesPage({ params }: PageProps<'/groups/[id]/messages'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  const initial = await listGroupMessages(user, id);
  return <MessagesPanel groupId={id} initial={initial} canPost={can(user, 'group.post', view.ref)} role={view.actorRole} />;
}
