import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubGroupsPanel } from '@/components/groups/subgroups-panel';
import { linkableGroups, listSubGroups } from '@/lib/groups';
import { groupPageContext } from '../group-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.titles');
  return { title: t('subGroups') };
}

export default async function SubGroupsPage({ params }: PageProps<'/groups/[id]/subgroups'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  const [subGroups, linkable] = await Promise.all([listSubGroups(user, id), view.canManage ? linkableGroups(user, id) : Promise.resolve([])]);
  return <SubGroupsPanel groupId={id} subGroups={subGroups} linkable={linkable} canManage={view.canManage} />;
}
