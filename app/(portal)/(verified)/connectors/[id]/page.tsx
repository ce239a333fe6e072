import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConnectorDetailsView } from '@/components/connectors/connector-details';
import { WebhooksPanel } from '@/components/webhooks/webhooks-panel';
import { pageData } from '@/lib/server-actions/page-data';
import { requireVerifiedUser } from '@/lib/auth';
import { getConnectorDetails } from '@/lib/connectors';
import { currentUserTokenInfo } from '@/lib/grants';
import { isUuid } from '@/lib/utils';
import { webhooksOfConnector } from '@/lib/webhooks';

export const metadata: Metadata = { title: 'Connector' };

export default async function ConnectorPage({ params }: PageProps<'/connectors/[id]'>) {
  const user = await requireVerifiedUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const details = await pageData(user, getConnectorDetails(user, id));
  // user tokens are the owner's and org admins' business, like the secret
  const userToken = details.canManage ? await currentUserTokenInfo(user, id) : null;
  // webhooks (their URLs, logs and secrets) are the owner's and org admins' business too
  const webhooks = details.canManage ? await webhooksOfConnector(user, id) : null;
  return (
    <div className="grid gap-6">
      <ConnectorDetailsView c={details} isOrgAdmin={user.isOrgAdmin} userToken={userToken} />
      {webhooks && <WebhooksPanel webhooks={webhooks} show="connector" empty="This connector has no webhooks yet. Register one with POST /v1/webhook." />}
    </div>
  );
}
