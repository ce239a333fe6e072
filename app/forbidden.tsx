import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-medium text-primary">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="max-w-md text-muted-foreground">Only the group’s admins and organization admins can manage its connectors.</p>
      <Link href="/groups" className={buttonVariants({ variant: 'outline' })}>
        Back to Groups
      </Link>
    </main>
  );
}
