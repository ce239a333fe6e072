import { Plus, ShieldCheck, Users } from 'lucide-react';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { GroupListItem } from '@/lib/groups';
import { cn } from '@/lib/utils';

export function GroupsList({ rows, tab, isOrgAdmin, tenantName }: { rows: GroupListItem[]; tab: 'org' | 'private'; isOrgAdmin: boolean; tenantName: string }) {
  const tabLink = (t: 'org' | 'private', label: string) => (
    <Link
      href={t === 'org' ? '/groups' : '/groups?tab=private'}
      role="tab"
      aria-selected={tab === t}
      className={cn(
        'border-b-2 px-4 py-2 text-sm font-medium',
        tab === t ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
      )}
    >
      {label}
    </Link>
  );
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Groups</h1>
          <p className="mt-1 text-sm text-muted-foreground">Conversation groups of {tenantName}. Members are phone numbers.</p>
        </div>
        <Link href="/groups/new" className={buttonVariants()}>
          <Plus aria-hidden />
          New group
        </Link>
      </div>
      {isOrgAdmin && tab === 'org' && (
        <Alert variant="info" className="flex items-center gap-2">
          <ShieldCheck aria-hidden className="size-4 text-primary" />
          You are Organization Admin. You can manage all groups in this Organization.
        </Alert>
      )}
      <div role="tablist" aria-label="Group types" className="flex border-b border-border">
        {tabLink('org', 'Organization Groups')}
        {tabLink('private', 'Private Groups')}
      </div>
      {rows.length === 0 ? (
        <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
          <Users aria-hidden className="size-10 text-muted-foreground" />
          <p className="text-lg font-medium">{tab === 'org' ? 'No organization groups for you yet' : 'No private groups'}</p>
          <p className="max-w-md text-sm text-muted-foreground">
            {tab === 'org'
              ? 'Groups you belong to (by your active phone number) appear here. Create one to get started.'
              : 'Private groups are created in the app and are not linked to an organization. You see the ones you belong to.'}
          </p>
          {tab === 'org' && (
            <Link href="/groups/new" className={buttonVariants()}>
              <Plus aria-hidden />
              New group
            </Link>
          )}
        </Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{tab === 'org' ? 'Organization groups' : 'Private groups'}</caption>
            <thead className="border-b border-border bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Group Name
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Your Role
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Users
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Sub Groups
                </th>
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
                        Managed Public
                      </Badge>
                    )}
                    {g.createdByConnector && <span className="block text-xs font-normal text-muted-foreground">created by {g.createdByConnector}</span>}
                  </td>
                  <td className="px-4 py-3">
                    <Badge variant={g.yourRole === 'Admin' ? 'default' : g.yourRole === 'Not a member' ? 'muted' : 'outline'}>{g.yourRole}</Badge>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{g.users}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{g.subGroups}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
