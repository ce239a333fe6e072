import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConnectorDetailsView } from '@/components/connectors/connector-details';
import { requireVerifiedUser } from '@/lib/auth';
import { getConnectorDetails } from '@/lib/connectors';
import { currentUserTokenInfo } from '@/lib/grants';
import { DomainError } from '@/lib/errors';
import { isUuid } from '@/lib/utils';

export const metadata: Metadata = { title: 'Connector' };

export default async function ConnectorPage({ params }: PageProps<'/connectors/[id]'>) {
  const user = await requireVerifiedUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const details = await getConnectorDetails(user, id).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const userToken = await currentUserTokenInfo(user, id);
  return <ConnectorDetailsView c={details} isOrgAdmin={user.isOrgAdmin} userToken={userToken} />;
}
