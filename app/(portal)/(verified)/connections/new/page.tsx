import type { Metadata } from 'next';
import { ServiceSetup } from '@/components/connections/service-setup';
import { requireVerifiedUser } from '@/lib/auth';
import { allowHttpForServices, redirectUrl } from '@/lib/connections';
import { forbidden } from 'next/navigation';

export const metadata: Metadata = { title: 'Add a service' };

export default async function NewServicePage() {
  const user = await requireVerifiedUser();
  if (!user.isOrgAdmin) forbidden();
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Add a service</h1>
        <p className="mt-1 text-sm text-muted-foreground">Set up the provider once; then create connections on it with Create and Connect.</p>
      </div>
      <ServiceSetup redirectUrl={redirectUrl()} allowHttp={allowHttpForServices()} />
    </div>
  );
}
