import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionsPanel } from '@/components/actions/actions-panel';
import { listGroupActions } from '@/lib/actions';
import { groupPageContext } from '../group-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups.titles');
  return { title: t('actions') };
}

export default async function GroupActionsPage({ params }: PageProps<'/groups/[id]/actions'>) {
  const { id } = await params;
  const { user, view } = await groupPageContext(id);
  const initial = await listGroupActions(user, id);
  return <ActionsPanel groupId={id} initial={initial} role={view.actorRole} />;
}
