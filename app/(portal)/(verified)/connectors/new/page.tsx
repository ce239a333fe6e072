import type { Metadata } from 'next';
import Link from 'next/link';
import { NewConnectorWizard } from '@/components/connectors/new-connector-wizard';
import { requireVerifiedUser } from '@/lib/auth';
import { publicUrl } from '@/lib/env';

export const metadata: Metadata = { title: 'New Connector' };

export default async function NewConnectorPage() {
  await requireVerifiedUser();
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div>
        <Link href="/connectors" className="text-sm text-muted-foreground hover:underline">
          Connectors
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">New Connector</h1>
      </div>
      <NewConnectorWizard tokenUrl={`${publicUrl()}v1/accessToken`} />
    </div>
  );
}
