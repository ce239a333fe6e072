import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { GroupConnectorsPanel } from '@/components/grants/group-connectors-panel';
import { pageData } from '@/lib/server-actions/page-data';
import { grantableConnectors, listGroupGrants } from '@/lib/grants';
import { groupPageContext } from '../group-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.titles');
  return { title: t('connectors') };
}

export default async function GroupConnectorsPage({ params }: PageProps<'/groups/[id]/connectors'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  // both reads check group.grant; a member gets the 403 page and one authz.denied audit event
  const [granted, available] = await pageData(user, Promise.all([listGroupGrants(user, id), grantableConnectors(user, id)]), {
    targetType: 'group',
    targetId: id,
  });
  // dates formatted here, not while the page hydrates (connector-details.tsx says why)
  const format = await getFormatter();
  const dated = granted.map((g) => ({ ...g, added: format.dateTime(new Date(g.createdAt), { dateStyle: 'medium' }) }));
  return <GroupConnectorsPanel groupId={id} groupName={view.group.name} granted={dated} available={available} />;
}
