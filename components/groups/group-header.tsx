import { useTranslations } from 'next-intl';
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
  const t = useTranslations('groups.header');
  const tr = useTranslations('groups.roles');
  const role = props.role === 'Admin' || props.role === 'Member' || props.role === 'Subscriber' ? tr(props.role) : tr('none');
  return (
    <div className="grid gap-4">
      <PageHeader
        parent={{ href: '/groups', label: t('groups') }}
        title={props.name}
        badges={
          <>
            <Badge variant="outline">{props.groupType === 'ConnectGroup' ? t('connectGroup') : t('group')}</Badge>
            <Badge variant={props.role === 'Admin' ? 'default' : 'muted'}>{t('you', { role })}</Badge>
            {!props.isOrgGroup && <Badge variant="warning">{t('private')}</Badge>}
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
