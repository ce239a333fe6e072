import type { Metadata } from 'next';
import { GroupsList } from '@/components/groups/groups-list';
import { requireVerifiedUser } from '@/lib/auth';
import { groupTabSchema, listGroups } from '@/lib/groups';

export const metadata: Metadata = { title: 'Groups' };

export default async function GroupsPage({ searchParams }: PageProps<'/groups'>) {
  const user = await requireVerifiedUser();
  const { tab } = groupTabSchema.parse(await searchParams);
  const rows = await listGroups(user, tab);
  return <GroupsList rows={rows} tab={tab} isOrgAdmin={user.isOrgAdmin} tenantName={user.tenantName} />;
}
