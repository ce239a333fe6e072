import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConnectorDetailsView } from '@/components/connectors/connector-details';
import { WebhooksPanel } from '@/components/webhooks/webhooks-panel';
import { pageData } from '@/lib/server-actions/page-data';
import { requireVerifiedUser } from '@/lib/auth';
import { getConnectorDetails } from '@/lib/connectors';
import { currentUserTokenInfo, listConnectorGroups } from '@/lib/grants';
import { usageSeries } from '@/lib/usage';
import { isUuid } from '@/lib/utils';
import { webhooksOfConnector } from '@/lib/webhooks';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('connectors.details'))('metaTitle') };
}

export default async function ConnectorPage({ params }: PageProps<'/connectors/[id]'>) {
  const user = await requireVerifiedUser();
  const { id } = await params;
  const t = await getTranslations('connectors.details');
  if (!isUuid(id)) notFound();
  const details = await pageData(user, getConnectorDetails(user, id));
  // user tokens are the owner's and org admins' business, like the secret
  // webhooks (their URLs, logs and secrets) are the owner's and org admins' business too
  const [userToken, groups, week, webhooks] = await Promise.all([
    details.canManage ? currentUserTokenInfo(user, id) : null,
    listConnectorGroups(user, id),
    usageSeries(details.id, 'day', 7),
    details.canManage ? webhooksOfConnector(user, id) : null,
  ]);
  return (
    <div className="grid gap-6">
      <ConnectorDetailsView c={details} isOrgAdmin={user.isOrgAdmin} userToken={userToken} groups={groups} week={week} />
      {webhooks && <WebhooksPanel webhooks={webhooks} show="connector" empty={t('webhooksEmpty')} />}
    </div>
  );
}
