import type { Metadata } from 'next';
import Link from 'next/link';
import { NewGroupForm } from '@/components/groups/new-group-form';
import { requireVerifiedUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'New group' };

export default async function NewGroupPage() {
  await requireVerifiedUser();
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div>
        <Link href="/groups" className="text-sm text-muted-foreground hover:underline">
          Groups
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">New group</h1>
      </div>
      <NewGroupForm />
    </div>
  );
}
