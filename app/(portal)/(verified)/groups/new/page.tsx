import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { NewGroupForm } from '@/components/groups/new-group-form';
import { requireVerifiedUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'New group' };

export default async function NewGroupPage() {
  await requireVerifiedUser();
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeader parent={{ href: '/groups', label: 'Groups' }} title="New group" />
      <NewGroupForm />
    </div>
  );
}
