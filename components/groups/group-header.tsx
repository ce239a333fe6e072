import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { GroupAdminActions } from './group-admin-actions';
import { GroupTabs } from './group-tabs';

export function GroupHeader(props: {
  id: string;
  name: string;
  groupType: 'Group' | 'ConnectGroup';
  welcomeMessage: string | null;
  role: string | null;
  isOrgGroup: boolean;
  showConnectors: boolean;
  /** org admins and the group's admins: Edit group, Delete group */
  canManage?: boolean;
}) {
  return (
    <div className="grid gap-4">
      <PageHeader
        parent={{ href: '/groups', label: 'Groups' }}
        title={props.name}
        badges={
          <>
            <Badge variant="outline">{props.groupType === 'ConnectGroup' ? 'Managed Public group' : 'Group'}</Badge>
            <Badge variant={props.role === 'Admin' ? 'default' : 'muted'}>{props.role ? `You: ${props.role}` : 'You: Not a member'}</Badge>
            {!props.isOrgGroup && <Badge variant="warning">Private</Badge>}
          </>
        }
      >
        {props.welcomeMessage && <p className="mt-1 text-sm text-muted-foreground">{props.welcomeMessage}</p>}
        {props.canManage && props.isOrgGroup && <GroupAdminActions groupId={props.id} name={props.name} welcomeMessage={props.welcomeMessage} />}
      </PageHeader>
      <GroupTabs id={props.id} showConnectors={props.showConnectors} />
    </div>
  );
}
