'use client';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import type { ConnectorGroupDto } from '@/lib/grants';
import { removeGroupGrantAction } from '@/lib/grants/actions';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';

/** The connector page's "Groups" card: where it is granted, with Remove for org and group admins. `added`: the grant's
 * date, formatted on the server (connector-details.tsx). */
export function ConnectorGroups({
  connectorName,
  groups,
  hidden,
}: {
  connectorName: string;
  groups: (ConnectorGroupDto & { added: string })[];
  hidden: number;
}) {
  const { pending, run } = useActionRunner();
  const t = useTranslations('grants.connectorGroups');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        {groups.length === 0 ? (
          <p className="text-sm text-muted-foreground">{hidden ? t('noneVisible') : t('none')}</p>
        ) : (
          <ul className="divide-y divide-border" aria-label={t('listLabel')}>
            {groups.map((g) => (
              <li key={g.grantId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" aria-label={g.groupName}>
                <div className="min-w-0 flex-1">
                  <Link href={`/groups/${g.groupId}`} className="break-words font-medium text-primary hover:underline">
                    {g.groupName}
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    {g.grantedBy ? t('addedBy', { date: g.added, by: g.grantedBy }) : t('added', { date: g.added })}
                  </p>
                </div>
                {g.canRemove && (
                  <ConfirmDialog
                    title={t('removeTitle', { connector: connectorName, group: g.groupName })}
                    description={t('removeText')}
                    confirmLabel={t('remove')}
                    pending={pending}
                    onConfirm={() => run(() => removeGroupGrantAction({ grantId: g.grantId }), t('removed', { connector: connectorName, group: g.groupName }))}
                    trigger={removeTrigger(t('removeAria', { group: g.groupName }))}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {hidden > 0 && <p className="text-xs text-muted-foreground">{t('hidden', { count: hidden })}</p>}
      </CardContent>
    </Card>
  );
}
