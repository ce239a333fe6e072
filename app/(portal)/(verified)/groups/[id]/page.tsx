import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MembersPanel } from '@/components/groups/members-panel';
import { listMembersPage, listMembersSchema } from '@/lib/groups';
import { groupPageContext } from './group-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.titles');
  return { title: t('users') };
}

export default async function GroupUsersPage({ params, searchParams }: PageProps<'/groups/[id]'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  const query = listMembersSchema.parse(await searchParams);
  const page = await listMembersPage(user, id, query);
  const list = {
    members: page.rows,
    total: page.total,
    prev: page.prev,
    next: page.next,
    sort: query.sort,
    dir: query.dir,
    params: { sort: query.sort === 'role' ? undefined : query.sort, dir: query.dir === 'asc' ? undefined : query.dir },
  };
  return <MembersPanel groupId={id} canManage={view.canManage} list={list} />;
}
