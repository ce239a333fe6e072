import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GroupsList } from '@/components/groups/groups-list';
import { requireVerifiedUser } from '@/lib/auth';
import { listGroupsPage, listGroupsSchema } from '@/lib/groups';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.list');
  return { title: t('title') };
}

export default async function GroupsPage({ searchParams }: PageProps<'/groups'>) {
  const user = await requireVerifiedUser();
  const query = listGroupsSchema.parse(await searchParams);
  const page = await listGroupsPage(user, query);
  const params = {
    tab: query.tab === 'org' ? undefined : query.tab,
    sort: query.sort === 'name' ? undefined : query.sort,
    dir: query.dir === 'asc' ? undefined : query.dir,
  };
  return <GroupsList page={page} tab={query.tab} sort={query.sort} dir={query.dir} params={params} isOrgAdmin={user.isOrgAdmin} tenantName={user.tenantName} />;
}
