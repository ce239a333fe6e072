import type { Metadata } from 'next';
import { MembersPanel } from '@/components/groups/members-panel';
import { listMembers } from '@/lib/groups';
import { groupPageContext } from './group-context';

export const metadata: Metadata = { title: 'Group users' };

export default async function GroupUsersPage({ params }: PageProps<'/groups/[id]'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  const members = await listMembers(user, id);
  return <MembersPanel groupId={id} members={members} canManage={view.canManage} />;
}
