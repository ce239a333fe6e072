import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { GroupTabs } from './group-tabs';

export function GroupHeader(props: {
  id: string;
  name: string;
  groupType: 'Group' | 'ConnectGroup';
  welcomeMessage: string | null;
  role: string | null;
  isOrgGroup: boolean;
  showConnectors: boolean;
}) {
  return (
    <div className="grid gap-4">
      <div>
        <Link href="/groups" className="text-sm text-muted-foreground hover:underline">
          Groups
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{props.name}</h1>
          <Badge variant="outline">{props.groupType === 'ConnectGroup' ? 'Managed Public group' : 'Group'}</Badge>
          <Badge variant={props.role === 'Admin' ? 'default' : 'muted'}>{props.role ? `You: ${props.role}` : 'You: Not a member'}</Badge>
          {!props.isOrgGroup && <Badge variant="warning">Private</Badge>}
        </div>
        {props.welcomeMessage && <p className="mt-1 text-sm text-muted-foreground">{props.welcomeMessage}</p>}
      </div>
      <GroupTabs id={props.id} showConnectors={props.showConnectors} />
    </div>
  );
}
