'use client';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import type { ConnectorGroupDto } from '@/lib/grants';
import { removeGroupGrantAction } from '@/lib/grants/actions';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** The connector page's "Groups" card: where it is granted, with Remove for org and group admins. */
export function ConnectorGroups({ connectorName, groups, hidden }: { connectorName: string; groups: ConnectorGroupDto[]; hidden: number }) {
  const { pending, run } = useActionRunner();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Groups</CardTitle>
        <CardDescription>The groups this connector is added to. Removing it ends its token there at once.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        {groups.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {hidden ? 'None you can see.' : 'Not added to any group yet. Group admins add it on the group’s CONNECTORS tab.'}
          </p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Groups of this connector">
            {groups.map((g) => (
              <li key={g.grantId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" aria-label={g.groupName}>
                <div className="min-w-0 flex-1">
                  <Link href={`/groups/${g.groupId}`} className="break-words font-medium text-primary hover:underline">
                    {g.groupName}
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    Added {dateFormat.format(new Date(g.createdAt))}
                    {g.grantedBy ? ` by ${g.grantedBy}` : ''}
                  </p>
                </div>
                {g.canRemove && (
                  <ConfirmDialog
                    title={`Remove ${connectorName} from ${g.groupName}?`}
                    description="Its refresh token for this group stops working at once, and so do access tokens made from it."
                    confirmLabel="Remove"
                    pending={pending}
                    onConfirm={() => run(() => removeGroupGrantAction({ grantId: g.grantId }), `${connectorName} was removed from ${g.groupName}.`)}
                    trigger={removeTrigger(`Remove from ${g.groupName}`, 'Remove')}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {hidden > 0 && (
          <p className="text-xs text-muted-foreground">
            And {hidden} group{hidden === 1 ? '' : 's'} you are not a member of.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
