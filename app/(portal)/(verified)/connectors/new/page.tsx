import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { NewConnectorWizard } from '@/components/connectors/new-connector-wizard';
import { requireVerifiedUser } from '@/lib/auth';
import { publicUrl } from '@/lib/config';

export const metadata: Metadata = { title: 'New Connector' };

export default async function NewConnectorPage() {
  await requireVerifiedUser();
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeader parent={{ href: '/connectors', label: 'Connectors' }} title="New Connector" />
      <NewConnectorWizard tokenUrl={`${publicUrl()}v1/accessToken`} />
    </div>
  );
}
