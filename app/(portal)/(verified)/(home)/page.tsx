import type { Metadata } from 'next';
import { SectionTiles } from '@/components/layout/section-tiles';
import { requireVerifiedUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireVerifiedUser();
  const firstName = (user.name ?? '').split(' ')[0] || 'there';
  return (
    <div className="grid gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {firstName}</h1>
        <p className="mt-1 text-muted-foreground">
          {user.tenantName} · {user.isOrgAdmin ? 'You can manage all groups of this organization.' : 'Manage your connectors and groups.'}
        </p>
      </div>
      <SectionTiles />
    </div>
  );
}
