import type { ReactNode } from 'react';
import { AppHeader, headerUser } from '@/components/layout/app-header';
import { requireUser } from '@/lib/auth';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <AppHeader user={headerUser(user)} />
      <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
