import { GroupHeader } from '@/components/groups/group-header';
import { groupPageContext } from './group-context';

export default async function GroupLayout({ children, params }: LayoutProps<'/groups/[id]'>) {
  const { id } = await params;
  const { view } = await groupPageContext(id);
  return (
    <div className="grid gap-6">
      <GroupHeader
        id={id}
        name={view.group.name}
        groupType={view.group.groupType}
        welcomeMessage={view.group.welcomeMessage}
        role={view.actorRole}
        isOrgGroup={view.group.tenantId !== null}
        showConnectors={view.canGrant}
        canManage={view.canManage}
      />
      {children}
    </div>
  );
}
