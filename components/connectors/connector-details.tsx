import { BookOpen, Check } from 'lucide-react';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import type { ConnectorDetails } from '@/lib/connectors';
import { CONNECTOR_PERMISSIONS } from '@/lib/connectors/schemas';
import { StatusBadge } from './connectors-table';
import { DeleteConnector, StatusControl } from './connector-lifecycle';
import { RedirectUrls } from './redirect-urls';
import { AskOwnerNotice } from './ask-owner';
import { SecretsPanel } from './secrets-panel';
import { UserTokenCard } from '@/components/grants/user-token-card';
import { UsageCard } from '@/components/usage/usage-card';
import type { UsagePoint } from '@/lib/usage';
import { ConnectorGroups } from '@/components/grants/connector-groups';
import type { ConnectorGroupDto } from '@/lib/grants';
import { EditConnector } from './edit-connector';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export function ConnectorDetailsView({
  c,
  isOrgAdmin,
  userToken,
  week,
  groups,
}: {
  c: ConnectorDetails;
  isOrgAdmin: boolean;
  userToken: { maskedToken: string | null; createdAt: string } | null;
  week: UsagePoint[];
  groups: { groups: ConnectorGroupDto[]; hidden: number };
}) {
  return (
    <div className="grid gap-6">
      <PageHeader parent={{ href: '/connectors', label: 'Connectors' }} title={c.name} badges={<StatusBadge status={c.status} />}>
        <p className="mt-1 text-sm text-muted-foreground">{c.description}</p>
        <p className="mt-1 text-xs text-muted-foreground">
          Created by {c.ownerName ?? 'a former user'} on {dateFormat.format(new Date(c.createdAt))} · granted to {c.groups} group{c.groups === 1 ? '' : 's'}
          {!c.canManage && ' · Only the owner and organization admins can change this connector.'}
        </p>
        {c.canManage && (
          <div className="mt-3">
            <EditConnector connectorId={c.id} name={c.name} description={c.description} />
          </div>
        )}
      </PageHeader>

      <Card>
        <CardHeader>
          <CardTitle>ID &amp; Secret</CardTitle>
          <CardDescription>
            Your system sends both to the token service as the applicationId and applicationSecret headers; the{' '}
            <Link href="/api-reference" className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline">
              <BookOpen aria-hidden className="size-3.5" />
              API reference
            </Link>{' '}
            describes every call.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-1.5">
            <span className="text-sm font-medium">Connector ID</span>
            <div className="flex items-center gap-2">
              <code data-testid="connector-id" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm">
                {c.id}
              </code>
              <CopyButton value={c.id} what="Connector ID" />
            </div>
          </div>
          {c.canManage ? (
            <SecretsPanel connectorId={c.id} secrets={c.secrets} />
          ) : (
            <div className="grid gap-1.5">
              <span className="text-sm font-medium">Connector Secret</span>
              <AskOwnerNotice ownerName={c.ownerName} testId="secret-who-to-ask">
                {(who) => `Only ${who} can see and copy this secret. Ask them if your system needs it.`}
              </AskOwnerNotice>
            </div>
          )}
        </CardContent>
      </Card>

      <UserTokenCard
        connectorId={c.id}
        connectorActive={c.status === 'active'}
        isOrgAdmin={isOrgAdmin}
        canManage={c.canManage}
        ownerName={c.ownerName}
        current={userToken}
      />

      <UsageCard connectorId={c.id} week={week} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Permissions</CardTitle>
            <CardDescription>Granted to every group that adds this connector.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2" aria-label="Permissions">
              {CONNECTOR_PERMISSIONS.filter((p) => c.permissions.includes(p.key)).map((p) => (
                <li key={p.key} className="flex items-start gap-2 text-sm">
                  <Check aria-hidden className="mt-0.5 size-4 text-emerald-600 dark:text-emerald-400" />
                  <span>
                    <span className="font-medium">{p.label}</span>
                    <span className="block text-xs text-muted-foreground">{p.description}</span>
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <RedirectUrls connectorId={c.id} urls={c.redirectUrls} canManage={c.canManage} />
      </div>

      <ConnectorGroups connectorName={c.name} groups={groups.groups} hidden={groups.hidden} />

      {c.canManage && (
        <Card>
          <CardHeader>
            <CardTitle>Status</CardTitle>
            <CardDescription>
              A deactivated connector cannot be added to any new group. Groups that already have it keep working; once removed from a group, it cannot be added
              back there until it is activated again.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap items-center gap-4">
            <StatusControl connectorId={c.id} status={c.status} name={c.name} />
          </CardContent>
        </Card>
      )}

      {c.canManage && <DeleteConnector connectorId={c.id} name={c.name} groups={c.groups} />}
    </div>
  );
}
