import { Plus, ShieldCheck, Users } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Pager } from '@/components/data-table/pager';
import { SortHeader } from '@/components/data-table/sort-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { GroupListItem, GroupSort } from '@/lib/groups';
import type { Page } from '@/lib/paging';
import { cn } from '@/lib/utils';
import { RoleBadge } from './role-badge';

export async function GroupsList({
  page,
  tab,
  sort,
  dir,
  params,
  isOrgAdmin,
  tenantName,
}: {
  page: Page<GroupListItem>;
  tab: 'org' | 'private';
  sort: GroupSort;
  dir: 'asc' | 'desc';
  /** the list's URL params that sorting and paging keep */
  params: Record<string, string | undefined>;
  isOrgAdmin: boolean;
  tenantName: string;
}) {
  const t = await getTranslations('groups.list');
  const rows = page.rows;
  const col = { sort, dir, path: '/groups', params };
  const tabLink = (to: 'org' | 'private', label: string) => (
    <Link
      href={to === 'org' ? '/groups' : '/groups?tab=private'}
      role="tab"
      aria-selected={tab === to}
      className={cn(
        'border-b-2 px-4 py-2 text-sm font-medium',
        tab === to ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
      )}
    >
      {label}
    </Link>
  );
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t('description', { tenant: tenantName })}</p>
        </div>
        <Link href="/groups/new" className={buttonVariants()}>
          <Plus aria-hidden />
          {t('newGroup')}
        </Link>
      </div>
      {isOrgAdmin && tab === 'org' && (
        <Alert variant="info" className="flex items-center gap-2">
          <ShieldCheck aria-hidden className="size-4 text-primary" />
          {t('orgAdminNote')}
        </Alert>
      )}
      <div role="tablist" aria-label={t('tabs')} className="flex border-b border-border">
        {tabLink('org', t('orgTab'))}
        {tabLink('private', t('privateTab'))}
      </div>
      {rows.length === 0 ? (
        <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
          <Users aria-hidden className="size-10 text-muted-foreground" />
          <p className="text-lg font-medium">{tab === 'org' ? t('emptyOrg') : t('emptyPrivate')}</p>
          <p className="max-w-md text-sm text-muted-foreground">{tab === 'org' ? t('emptyOrgHint') : t('emptyPrivateHint')}</p>
          {tab === 'org' && (
            <Link href="/groups/new" className={buttonVariants()}>
              <Plus aria-hidden />
              {t('newGroup')}
            </Link>
          )}
        </Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{tab === 'org' ? t('orgCaption') : t('privateCaption')}</caption>
            <thead className="border-b border-border bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                <SortHeader label={t('name')} column="name" {...col} />
                <SortHeader label={t('yourRole')} column="role" {...col} />
                <SortHeader label={t('users')} column="users" {...col} className="text-right" defaultDir="desc" />
                <SortHeader label={t('subGroups')} column="subGroups" {...col} className="text-right" defaultDir="desc" />
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {rows.map((g) => (
                <tr key={g.id} className="hover:bg-muted/30">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/groups/${g.id}`} className="text-primary underline decoration-primary/30 underline-offset-4 hover:decoration-primary">
                      {g.name}
                    </Link>
                    {g.groupType === 'ConnectGroup' && (
                      <Badge variant="outline" className="ml-2">
                        {t('managedPublic')}
                      </Badge>
                    )}
                    {g.createdByConnector && (
                      <span className="block text-xs font-normal text-muted-foreground">{t('createdBy', { connector: g.createdByConnector })}</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <RoleBadge role={g.yourRole} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{g.users}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{g.subGroups}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pager path="/groups" params={params} prev={page.prev} next={page.next} label={t('pages')} />
    </div>
  );
}
