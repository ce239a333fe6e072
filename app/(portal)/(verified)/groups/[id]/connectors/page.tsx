import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { GroupConnectorsPanel } from '@/components/grants/group-connectors-panel';
import { grantableConnectors, listGroupGrants } from '@/lib/grants';
import { groupPageContext } from '../group-context';

export const metadata: Metadata = { title: 'Group connectors' };

export default async function GroupConnectorsPage({ params }: PageProps<'/groups/[id]/connectors'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  if (!view.canGrant) forbidden();
  const [granted, available] = await Promise.all([listGroupGrants(user, id), grantableConnectors(user, id)]);
  return <GroupConnectorsPanel groupId={id} groupName={view.group.name} granted={granted} available={available} />;
}
