import { BookOpen, Check } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useFormatter, useTranslations } from 'next-intl';
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
  const t = useTranslations('connectors.details');
  const tp = useTranslations('connectors.permissions');
  const format = useFormatter();
  // dates are formatted here, on the server: a client component formatting one while the page hydrates makes the
  // browser load its date and number data first (≈ 30–40 ms of main thread on a fast machine, 4 × that on a phone)
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' });
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="grid gap-6">
      <PageHeader parent={{ href: '/connectors', label: t('parent') }} title={c.name} badges={<StatusBadge status={c.status} />}>
        <p className="mt-1 text-sm text-muted-foreground">{c.description}</p>
        <p className="mt-1 text-xs text-muted-foreground">
          {t('createdLine', { owner: c.ownerName ?? t('formerUser'), date: date(c.createdAt), groups: c.groups })}
          {!c.canManage && t('readOnly')}
        </p>
        {c.canManage && (
          <div className="mt-3">
            <EditConnector connectorId={c.id} name={c.name} description={c.description} />
          </div>
        )}
      </PageHeader>

      <Card>
        <CardHeader>
          <CardTitle>{t('idSecretTitle')}</CardTitle>
          <CardDescription>
            {t.rich('idSecretText', {
              link: (chunks) => (
                <Link href="/api-reference" className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline">
                  <BookOpen aria-hidden className="size-3.5" />
                  {chunks}
                </Link>
              ),
            })}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-1.5">
            <span className="text-sm font-medium">{t('connectorId')}</span>
            <div className="flex items-center gap-2">
              <code data-testid="connector-id" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm">
                {c.id}
              </code>
              <CopyButton value={c.id} what={t('connectorId')} />
            </div>
          </div>
          {c.canManage ? (
            <SecretsPanel
              connectorId={c.id}
              secrets={c.secrets.map((s) => ({ ...s, created: dateTime(s.createdAt), stops: s.expiresAt ? dateTime(s.expiresAt) : null }))}
            />
          ) : (
            <div className="grid gap-1.5">
              <span className="text-sm font-medium">{t('connectorSecret')}</span>
              <AskOwnerNotice ownerName={c.ownerName} testId="secret-who-to-ask">
                {(who) => t('secretWho', { who })}
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
            <CardTitle>{t('permissionsTitle')}</CardTitle>
            <CardDescription>{t('permissionsText')}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2" aria-label={t('permissionsTitle')}>
              {CONNECTOR_PERMISSIONS.filter((p) => c.permissions.includes(p.key)).map((p) => (
                <li key={p.key} className="flex items-start gap-2 text-sm">
                  <Check aria-hidden className="mt-0.5 size-4 text-emerald-600 dark:text-emerald-400" />
                  <span>
                    <span className="font-medium">{tp(`${p.key}.label`)}</span>
                    <span className="block text-xs text-muted-foreground">{tp(`${p.key}.description`)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <RedirectUrls connectorId={c.id} urls={c.redirectUrls} canManage={c.canManage} />
      </div>

      <ConnectorGroups connectorName={c.name} groups={groups.groups.map((g) => ({ ...g, added: date(g.createdAt) }))} hidden={groups.hidden} />

      {c.canManage && (
        <Card>
          <CardHeader>
            <CardTitle>{t('statusTitle')}</CardTitle>
            <CardDescription>{t('statusText')}</CardDescription>
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
